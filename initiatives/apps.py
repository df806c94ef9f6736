from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Measures and pilots")

    def ready(self):
        # Imported here: the rules use the models, which exist only once the apps are loaded.
        from tillit.policy import register

        from .rules.actions import RULES

        register(RULES)
