"""Settings shared by every environment; ``dev``, ``test`` and ``production`` adjust them.

Configuration comes from environment variables (see ``.env.example``); a ``.env`` file in the
project folder is read in development.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from tillit import localdb
from tillit.accounts.sso.config import sso_apps

BASE_DIR = Path(__file__).resolve().parent.parent.parent
LOCAL_DIR = BASE_DIR / ".local"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.forms",
    "csp",
    "corsheaders",
    "django_filters",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "allauth.usersessions",
    "tillit.core",
    "tillit.accounts",
    "initiatives",
    "trials",
    "reporting",
]

MIDDLEWARE = [
    "tillit.core.middleware.RequestIdMiddleware",
    "tillit.core.clients.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tillit.core.middleware.DatabaseUnavailableMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tillit.core.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tillit.accounts.middleware.SessionTimeoutMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "tillit.accounts.middleware.MFARequiredMiddleware",
    "tillit.core.middleware.PrivatePagesNotCachedMiddleware",
    "tillit.accounts.sso.csp.SingleSignOnFormActionMiddleware",
    "tillit.core.routing.ReplicaReadsMiddleware",
]

ROOT_URLCONF = "tillit.urls"
WSGI_APPLICATION = "tillit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tillit.core.context_processors.portal",
            ],
        },
    },
]


# --- Database: PostgreSQL only -------------------------------------------------------------
# PostgreSQL's JIT compiles a statement it expects to be costly; for the overview's facet
# statements that took longer than running them (174 ms at a million measures), so it is off
# for the site's connections unless DATABASE_JIT=true.
DATABASE_JIT = env.bool("DATABASE_JIT", default=False)


def _database(config: dict) -> dict:
    """Connection settings for the primary or a replica.

    With the pool, health checks make psycopg test a pooled connection before handing it out,
    so a connection that died with the server is thrown away rather than reused. Fail fast
    while the database is unreachable: a request waits at most DATABASE_POOL_TIMEOUT seconds
    for a connection (then 503), a connection attempt DATABASE_CONNECT_TIMEOUT, and the pool
    gives up a reconnection round after DATABASE_POOL_RECONNECT_TIMEOUT seconds, so the next
    request starts a fresh attempt at once instead of waiting out psycopg's growing back-off
    (5 minutes by default): service returns within a second or two of the database.
    """
    config["ENGINE"] = "django.db.backends.postgresql"
    config["CONN_HEALTH_CHECKS"] = True
    options = config.setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=2))
    if not DATABASE_JIT:  # see the README's "A million measures": a loss for every page
        options["options"] = " ".join(filter(None, [options.get("options"), "-c jit=off"]))
    options["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN", default=1),
        "max_size": env.int("DATABASE_POOL_MAX", default=10),
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=3),
        "reconnect_timeout": env.float("DATABASE_POOL_RECONNECT_TIMEOUT", default=2),
    }
    return config


if env("DATABASE_URL", default=""):
    DATABASES = {"default": _database(env.db_url_config(env("DATABASE_URL")))}
else:
    DATABASES = {"default": _database(localdb.database_settings(LOCAL_DIR))}
# A streaming replica for the read-only public pages (overview, statistics, yearly overview,
# feed, open-data API); everything else, and every request from a browser that wrote within
# REPLICA_PIN_SECONDS, reads from the primary (tillit/core/routing.py).
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = _database(env.db_url_config(env("DATABASE_REPLICA_URL")))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["tillit.core.routing.ReplicaRouter"]
REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=15)
# After a replica view finds the replica unreachable (and runs again on the primary), the
# process reads those pages from the primary for this many seconds, then tries the replica.
REPLICA_RETRY_INTERVAL = env.float("REPLICA_RETRY_INTERVAL", default=10)
# After a request finds the database unreachable, the process answers 503 at once for this
# many seconds, then lets one request try again (tillit/core/middleware.py).
DATABASE_RETRY_INTERVAL = env.float("DATABASE_RETRY_INTERVAL", default=1)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions: Redis when configured, else the database (works across processes) --
# With Redis, sessions, cached counts and rate-limit counters are shared by every app server
# without touching the database; a Redis that stops answering fails a request within a second
# (503, see tillit/core/errors.py) and turns /readyz red.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": env.float("REDIS_TIMEOUT", default=1),
                "socket_timeout": env.float("REDIS_TIMEOUT", default=1),
            },
        }
    }
    SESSION_ENGINE = "tillit.core.sessions"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "tillit_cache",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Accounts -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "tillit.accounts.validators.NorwegianCommonPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_work"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# A password change signs out every session, this one included (tillit/accounts/security.py
# also ends the other sessions' records); changing e-mail, password or MFA asks for the
# password (or an MFA code) again when the last sign-in is older than five minutes.
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# login_failed's "key" is the client address and the account together
# (tillit/accounts/throttle.py), so wrong passwords from one place lock no one out elsewhere;
# login_failed_account is a loose ceiling per account counted across every address.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_account": "50/h/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Tillitsportalen] "
ACCOUNT_SIGNUP_FORM_CLASS = "tillit.accounts.forms.SignupDetailsForm"

# --- Single sign-on: one OpenID Connect provider (ID-porten, Feide, Entra ID) -------------
# Configured only from the environment; without OIDC_SERVER_URL and OIDC_CLIENT_ID it is off and
# no button shows. Accounts are keyed on the provider's `sub`; `tillit/accounts/sso/` adds the
# nonce, drops national identity numbers and reads `acr` (see README).
OIDC_PROVIDER_ID = env("OIDC_PROVIDER_ID", default="idporten")
OIDC_NAME = env("OIDC_NAME", default="ID-porten")
OIDC_SERVER_URL = env("OIDC_SERVER_URL", default="")
OIDC_CLIENT_ID = env("OIDC_CLIENT_ID", default="")
OIDC_CLIENT_SECRET = env("OIDC_CLIENT_SECRET", default="")
OIDC_SCOPES = env("OIDC_SCOPES", default="openid email profile").split()
OIDC_TOKEN_AUTH_METHOD = env("OIDC_TOKEN_AUTH_METHOD", default="")
# Assurance level(s) to ask the provider for (`acr_values`), e.g. idporten-loa-high.
OIDC_ACR_VALUES = env("OIDC_ACR_VALUES", default="")
# `acr` values of the ID token that count as multi-factor sign-in (session key tillit_sso_mfa).
OIDC_MFA_ACR_VALUES = env.list("OIDC_MFA_ACR_VALUES", default=[])
# Trust the provider's `email_verified`; off: every address from the provider is verified here.
OIDC_TRUST_EMAIL_VERIFIED = env.bool("OIDC_TRUST_EMAIL_VERIFIED", default=False)
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "tillit.accounts.sso.provider.PortalOpenIDConnectProvider",
        "OAUTH_PKCE_ENABLED": True,
        "APPS": sso_apps(
            provider_id=OIDC_PROVIDER_ID,
            name=OIDC_NAME,
            server_url=OIDC_SERVER_URL,
            client_id=OIDC_CLIENT_ID,
            secret=OIDC_CLIENT_SECRET,
            scopes=OIDC_SCOPES,
            token_auth_method=OIDC_TOKEN_AUTH_METHOD,
            acr_values=OIDC_ACR_VALUES,
        ),
    }
}
SOCIALACCOUNT_ADAPTER = "tillit.accounts.sso.adapter.PortalSocialAccountAdapter"
# allauth counts rate limits and lists sessions by the portal's client address.
ACCOUNT_ADAPTER = "tillit.accounts.adapter.PortalAccountAdapter"
# A provider's e-mail address never signs anyone in to an existing local account: a
# municipality's Entra ID lets its administrators set any address, verified or not.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False

# --- Two-factor authentication (allauth.mfa) and sessions (allauth.usersessions) -----------
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Tillitsportalen"
# WebAuthn needs https, except on localhost; dev and test allow plain http there.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=False)
# Role codes (leder, departement, redaktor) whose holders must set up two-factor
# authentication before they may use the portal (tillit/policy/mfa.py). Empty: not required.
# Production defaults to all three; development and tests to none.
MFA_REQUIRED_ROLES = [role for role in env.list("MFA_REQUIRED_ROLES", default=[]) if role]
USERSESSIONS_ADAPTER = "tillit.accounts.security.PortalUserSessionsAdapter"
# A signed-in session ends after this many seconds without a request (idle) and this many
# seconds after sign-in whatever happens (absolute); tillit/accounts/middleware.py.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT

# --- E-mail -------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Tillitsportalen <ikke-svar@tillitsportalen.no>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks: a queue in PostgreSQL, run by `manage.py db_worker` ------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Enqueued by `manage.py run_scheduler` (times are Europe/Oslo; weekday 0 is Monday).
SCHEDULED_TASKS = {
    "weekly-digest": {"task": "initiatives.tasks.weekly_digest", "weekday": 0, "hour": 7},
    "overdue-reminders": {"task": "initiatives.tasks.overdue_reminders", "hour": 6},
    "followup-questions": {"task": "initiatives.tasks.followup_questions", "hour": 8},
    "retry-notifications": {"task": "initiatives.tasks.deliver_notifications", "minutes": 15},
    "purge-expired": {"task": "tillit.core.tasks.purge_expired", "hour": 3},
    "trial-deadline-reminders": {"task": "trials.tasks.deadline_reminders", "hour": 7},
    "search-reindex": {"task": "initiatives.tasks.reindex_stale_search", "hour": 4},
    # the words a mistyped search is corrected to (publishing adds its words at once)
    "search-vocabulary": {"task": "initiatives.tasks.refresh_search_vocabulary", "hour": 5},
    "translate-texts": {"task": "initiatives.tasks.translate_published", "minutes": 30},
}

# --- Norwegian search ---------------------------------------------------------------------
# Apertium's nynorsk-bokmål files and the hunspell dictionaries (scripts/norsk-deps.sh installs
# them). Where they are missing the portal starts, warns, and searches with Snowball stems.
NORSK_ANALYSER_DIR = env("NORSK_ANALYSER_DIR", default="/usr/share/apertium/apertium-nno-nob")
NORSK_HUNSPELL_DIR = env("NORSK_HUNSPELL_DIR", default="/usr/share/hunspell")

# --- Bokmål ↔ nynorsk: Apertium (Debian package apertium-nno-nob) -------------------------
# The translator and analyser commands (names on PATH, or full paths); the pair's data is
# NORSK_ANALYSER_DIR above.
# Where they are missing the portal runs on, logs a warning and offers no translations.
APERTIUM_COMMAND = env("APERTIUM_COMMAND", default="apertium")
APERTIUM_LT_PROC = env("APERTIUM_LT_PROC", default="lt-proc")
APERTIUM_TIMEOUT = env.int("APERTIUM_TIMEOUT", default=120)  # seconds for one text

# --- Comments -------------------------------------------------------------------------------
# At most this many comments per user in this many seconds; past it the answer is HTTP 429.
COMMENT_RATE_LIMIT = (env.int("COMMENT_RATE_LIMIT_COUNT", default=10), 600)
# This many different members reporting a comment hide it until an editor has looked.
COMMENT_FLAGS_TO_HIDE = 3

# --- Audit trail ----------------------------------------------------------------------------
# The tests turn this on: writing an audit action without a label in ACTION_LABELS then fails
# (elsewhere it is logged, and the page at /revisjonslogg/ shows the bare code).
AUDIT_REQUIRE_LABELS = False
# Rows per page at /revisjonslogg/.
AUDIT_LOG_PAGE_SIZE = 50

# How many reverse proxies in front append to X-Forwarded-For (0: trust only REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Where users report accessibility problems (named in the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = env(
    "ACCESSIBILITY_CONTACT_EMAIL", default="tilgjengelighet@tillitsportalen.no"
)

# --- Open data API ---------------------------------------------------------------------------
# At most this many requests per client address in this many seconds; past it the answer is
# HTTP 429. The address is REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the entry
# the outermost one added to X-Forwarded-For (tillit/core/clients.py).
API_RATE_LIMIT = (env.int("API_RATE_LIMIT_COUNT", default=120), 60)
# Where harvesters and re-users write about the open data (the DCAT contact point).
OPEN_DATA_CONTACT_EMAIL = env("OPEN_DATA_CONTACT_EMAIL", default="postmottak@tillitsportalen.no")

# --- Privacy: how long things are kept -----------------------------------------------------
# The privacy statement (/personvern/) shows these, and the daily "purge-expired" job (and
# `manage.py purge_expired`) deletes what is older (tillit/core/retention.py).
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=1095)
# Sign-in events (auth.*: signed in, signed out, failed sign-in with the address tried).
AUDIT_SIGN_IN_RETENTION_DAYS = env.int("AUDIT_SIGN_IN_RETENTION_DAYS", default=90)
NOTIFICATION_RETENTION_DAYS = env.int("NOTIFICATION_RETENTION_DAYS", default=90)
# Uploaded import files (their rows), whether saved or abandoned at the preview.
IMPORT_BATCH_RETENTION_HOURS = env.int("IMPORT_BATCH_RETENTION_HOURS", default=48)
# Accounts whose e-mail address was never confirmed and that never signed in.
UNVERIFIED_ACCOUNT_RETENTION_DAYS = env.int("UNVERIFIED_ACCOUNT_RETENTION_DAYS", default=14)
# Invitations never accepted, counted from the day they expired.
INVITATION_RETENTION_DAYS = env.int("INVITATION_RETENTION_DAYS", default=30)

# --- Language -----------------------------------------------------------------------------
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("nn", _("Norwegian Nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# --- Static files: Designsystemet from node_modules, served by WhiteNoise ------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / ".local" / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/designsystemet-css", BASE_DIR / "node_modules/@digdir/designsystemet-css/dist/src"),
    ("vendor/designsystemet-theme", BASE_DIR / "node_modules/@digdir/designsystemet-theme/brand"),
    ("vendor/htmx", BASE_DIR / "node_modules/htmx.org/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / ".local" / "media"))

# --- Security headers (every environment) ---------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "tillit.core.errors.csrf_failure"

# --- Portal --------------------------------------------------------------------------------
DEMO_PASSWORD = env("DEMO_PASSWORD", default="tillit-demo-2026")
PORTAL_NAME = "Tillitsportalen"

# LOG_FORMAT "json" (production's default): one JSON object per line on stdout, each with the
# request id of the request it belongs to; "plain" elsewhere. tillit.request logs one line per
# request (tillit/core/middleware.py).
LOG_FORMAT = env("LOG_FORMAT", default="plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "tillit.core.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"},
        "json": {"()": "tillit.core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # The pool's reconnection attempts are INFO; warnings still say when it cannot connect.
        "psycopg.pool": {"level": "WARNING"},
    },
}
# The ministry that runs the trial scheme (forsøksordningen): its short name.
TRIALS_COORDINATING_MINISTRY = env("TRIALS_COORDINATING_MINISTRY", default="KDD")

SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
FORM_RENDERER = "tillit.core.forms.PortalFormRenderer"

# Open data API (/api/v1/): anyone may read it from any origin; nothing else is cross-origin.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
