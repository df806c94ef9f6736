from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Statistics, the yearly overview and exports (built on the initiative register)."""

    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self):
        # App loading: these import the models, so only now.
        from . import platform, privacy, retention  # noqa: F401  (privacy, retention register)

        platform.register()
