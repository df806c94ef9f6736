from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Measures and pilots")

    def ready(self):
        # App loading: the rules and these modules import the models, so only now.
        from django.db.models.signals import post_migrate

        from tillit.policy import register

        from . import platform, privacy, retention  # noqa: F401  (privacy, retention register)
        from .rules.actions import RULES
        from .search import indexing

        register(RULES)
        # The order is the privacy export's.
        platform.register()
        # Search vectors need the analyser and today's models: made after all migrations ran.
        post_migrate.connect(indexing.reindex_after_migrate, sender=self)
