"""Production: ``make serve`` (gunicorn). Refuses to start without its required settings."""

import os

from django.core.exceptions import ImproperlyConfigured

# Checked before ``base`` is imported, so production never falls back to a private cluster.
for _required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL"):
    if not os.environ.get(_required):
        raise ImproperlyConfigured(f"Production needs the environment variable {_required}.")

from .base import *  # noqa: E402, F403
from .base import LOGGING, env  # noqa: E402

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Leaders, ministry staff and editors must use two-factor authentication (tillit/policy/mfa.py).
MFA_REQUIRED_ROLES = [
    role
    for role in env.list("MFA_REQUIRED_ROLES", default=["leder", "departement", "redaktor"])
    if role
]

# JSON lines on stdout, for the log collector (LOG_FORMAT=plain for a terminal).
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT
