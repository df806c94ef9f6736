import logging
import time
import uuid

from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.functional import empty

from .errors import UNAVAILABLE_ERRORS, database_recently_unavailable, database_unavailable
from .logging import SANE_REQUEST_ID, request_id_var

request_logger = logging.getLogger("tillit.request")


def _user_id(request):
    """The signed-in user's id, if the request already loaded the user (never a query here:
    the database may be down)."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if user.is_authenticated else None


class RequestIdMiddleware:
    """Gives every request an id: the proxy's ``X-Request-ID`` when it is a sane token, else a
    new one. It is on the response's ``X-Request-ID`` and on every log record written during the
    request; one ``tillit.request`` line per request says what was asked and how it went."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if SANE_REQUEST_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "user_id": _user_id(request),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class DatabaseUnavailableMiddleware:
    """A view that fails because the database is unreachable answers 503 with a friendly page
    (rendered without the database), not 500. Failures in other middleware reach the same page
    through the 500 handler (``tillit.core.errors.server_error``).

    For DATABASE_RETRY_INTERVAL seconds after a failure the process answers 503 at once, so a
    queue of requests never piles up behind the pool's timeout; the probes always try.
    """

    always_try = ("/healthz", "/readyz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if database_recently_unavailable() and request.path not in self.always_try:
            return database_unavailable(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE_ERRORS):
            return database_unavailable(request, exception)
        return None


class PrivatePagesNotCachedMiddleware:
    """Pages shown to a signed-in user are never stored by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


class PortalLocaleMiddleware:
    """Bokmål unless the visitor picked another language in the language switcher.

    The choice lives in Django's ``django_language`` cookie (set by ``/i18n/setlang/``); the
    browser's Accept-Language is not used, so a Norwegian portal opens in Norwegian.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
