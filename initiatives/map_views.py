"""The overview as a map at /tiltak/kart/: the overview's filters, the measures per county or
municipality drawn and tabled (``overview.area_map``)."""

from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .overview.area_map import area_map, map_fields
from .overview.pipeline import Selection
from .overview.selectors import INITIATIVES


class OverviewMapView(TemplateView):
    """Anyone sees the overview on a map; it counts what the overview shows them (members also
    their organisation's unpublished measures, ministries the pending ones of their agencies)."""

    template_name = "initiatives/overview_map.html"

    def get_context_data(self, **kwargs):
        query, path = self.request.GET, reverse("initiatives:overview_map")
        panel = Selection(query, user=self.request.user, source=INITIATIVES).panel()
        return super().get_context_data(
            overview=panel,  # the filter form reads ``overview.params`` and its facets
            map=area_map(panel, query, page_path=path),
            list_url=path,
            submit_label=_("Show on the map"),
            hidden_fields=map_fields(query),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        patch_vary_headers(response, ("HX-Request",))
        return response
