from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tillit.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self):
        from .norsk import checks  # noqa: F401 (registers the dictionaries' check)
