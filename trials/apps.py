from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "trials"
    verbose_name = _("Trial scheme")

    def ready(self):
        # App loading: the rules and these modules import the models, so only now.
        from tillit.policy import register

        from . import platform, privacy  # noqa: F401  (privacy registers its section)
        from .rules.actions import RULES

        register(RULES)
        platform.register()
