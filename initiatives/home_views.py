"""The portal's home page: the register's published content first, then what the portal
offers each of its audiences."""

from django.utils import timezone
from django.views.generic import TemplateView

from .front_page import front_page


class HomeView(TemplateView):
    """Anyone: the newest published work, the figures, the focus areas and the map."""

    template_name = "initiatives/home.html"

    def get_context_data(self, **kwargs):
        page = front_page()
        return super().get_context_data(
            page=page,
            focus_areas=page.focus_areas,
            effects=page.effects,
            this_year=timezone.localdate().year,
            **kwargs,
        )
