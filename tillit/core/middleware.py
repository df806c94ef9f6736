import logging
import sys
import time
import uuid

from django.conf import settings
from django.core.signals import got_request_exception
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.functional import empty

from .errors import (
    OutageReporter,
    database_recently_unavailable,
    database_unavailable,
    unavailable,
)
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


def _note_unavailable(sender, request=None, **kwargs):
    """Django turned an exception raised in a middleware into a 500 response (the debug page
    when DEBUG is on); remember it on the request when it was an outage."""
    error = sys.exc_info()[1]
    if request is not None and unavailable(error):
        request.unavailable_error = error
        request.exception_reporter_class = OutageReporter


got_request_exception.connect(_note_unavailable, dispatch_uid="tillit-unavailable")


class DatabaseUnavailableMiddleware:
    """A request that fails because the database (or Redis) is unreachable answers 503 with a
    friendly page (rendered without the database; JSON for the API), not 500, whether it failed
    in the view or in a middleware (the session, the signed-in user), and with DEBUG on too.

    For DATABASE_RETRY_INTERVAL seconds after a failure the process answers 503 at once, so a
    queue of requests never piles up behind the pool's timeout; the probes always try.
    """

    always_try = ("/healthz", "/readyz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if database_recently_unavailable() and request.path not in self.always_try:
            return database_unavailable(request)
        response = self.get_response(request)
        error = getattr(request, "unavailable_error", None)
        if error is not None and response.status_code == 500:
            return database_unavailable(request, error)
        return response

    def process_exception(self, request, exception):
        if unavailable(exception):
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
