from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Measures and pilots")

    def ready(self):
        # App loading: the rules and these modules import the models, so only now.
        from tillit.policy import register

        from . import platform, privacy, retention  # noqa: F401  (privacy, retention register)
        from .rules.actions import RULES

        register(RULES)
        # The order is the privacy export's.
        platform.register()
