"""Tests: the same PostgreSQL rule as everywhere; e-mail captured in ``mail.outbox``."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
API_RATE_LIMIT = (100_000, 60)  # one test lowers it to see the 429
AUDIT_REQUIRE_LABELS = True  # every action code written must have a label
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
MFA_REQUIRED_ROLES = []  # tests that need it set it with ``settings``

# The migration linter (`make lint`; a development dependency, absent in production).
INSTALLED_APPS = [*INSTALLED_APPS, "django_migration_linter"]  # noqa: F405
