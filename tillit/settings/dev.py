"""Development: ``make run``. Debug on, e-mail to the console, a fixed local secret."""

import importlib.util

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="") or "dev-only-not-secret-tillitsportalen"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[]) or ["127.0.0.1", "localhost", "[::1]"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Passkeys on http://127.0.0.1 and localhost (browsers treat them as secure contexts).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

# The migration linter (`make lint`; a development dependency, absent from a production
# install, where manage.py's commands such as compilemessages and backup still run).
if importlib.util.find_spec("django_migration_linter"):
    INSTALLED_APPS = [*INSTALLED_APPS, "django_migration_linter"]  # noqa: F405
