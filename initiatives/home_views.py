"""The portal's home page: what it is, for each of its audiences, with the focus areas."""

from django.utils import timezone
from django.views.generic import TemplateView

from .effect_figures import national_figures
from .models import FocusArea


class HomeView(TemplateView):
    """Anyone: what the portal is, for each of its audiences."""

    template_name = "initiatives/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            focus_areas=FocusArea.objects.all(),
            this_year=timezone.localdate().year,
            effects=national_figures(),
            **kwargs,
        )
