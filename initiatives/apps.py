from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Measures and pilots")

    def ready(self):
        # App loading: these import the models, so only now. The order is the privacy export's.
        from . import platform, privacy, retention  # noqa: F401  (privacy, retention register)

        platform.register()
