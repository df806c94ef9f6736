from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tillit.accounts"
    label = "accounts"
    verbose_name = _("Users and organisations")

    def ready(self):
        # App loading: these import the models, so only now.
        from . import receivers  # noqa: F401  (records sign-in events in the audit trail)
        from .privacy import sections  # noqa: F401  (registers the platform's export sections)
