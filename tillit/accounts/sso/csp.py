"""The single sign-on button posts to the portal, which redirects the browser to the provider's
authorisation endpoint; browsers apply the page's CSP `form-action` to that redirect too. So
the account pages (``/konto/…``) also allow the endpoint's origin, read from the provider's
discovery document (it may differ from the issuer: ID-porten's is login.idporten.no)."""

import hashlib
import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

ACCOUNT_PAGES = "/konto/"
DISCOVERY_CACHED = 3600  # seconds
FALLBACK_CACHED = 60  # seconds, when the discovery document could not be read


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _discovered_origin(server_url: str) -> tuple[str, int]:
    url = server_url
    if "/.well-known/" not in url:
        url = url.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=5)
        response.raise_for_status()
        return _origin(response.json()["authorization_endpoint"]), DISCOVERY_CACHED
    except (requests.RequestException, ValueError, KeyError):
        logger.warning("could not read the OpenID Connect discovery document at %s", url)
        return _origin(server_url), FALLBACK_CACHED


def authorization_origins() -> list[str]:
    """Origins of the configured providers' authorisation endpoints (none without SSO)."""
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    origins = []
    for app in apps:
        server_url = app["settings"]["server_url"]
        key = "sso:authorize-origin:" + hashlib.sha256(server_url.encode()).hexdigest()
        origin = cache.get(key)
        if origin is None:
            origin, timeout = _discovered_origin(server_url)
            cache.set(key, origin, timeout)
        origins.append(origin)
    return origins


class SingleSignOnFormActionMiddleware:
    """Adds the providers' authorisation origins to `form-action` on the account pages. Must
    come after ``csp.middleware.CSPMiddleware`` in ``MIDDLEWARE``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_page = response.get("Content-Type", "").startswith("text/html")
        if is_page and request.path.startswith(ACCOUNT_PAGES):
            origins = authorization_origins()
            if origins:
                update = dict(getattr(response, "_csp_update", None) or {})
                update["form-action"] = [*update.get("form-action", []), *origins]
                response._csp_update = update
        return response
