from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tillit.accounts"
    label = "accounts"
    verbose_name = _("Users and organisations")

    def ready(self):
        from . import receivers  # noqa: F401  (records sign-in events in the audit trail)
