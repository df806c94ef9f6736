from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Statistics, the yearly overview and exports (built on the initiative register)."""

    name = "reporting"
    verbose_name = _("Reporting")
