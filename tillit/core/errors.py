"""Error pages in the site's design. Each is rendered with the request, so the header shows
the visitor's language and sign-in state; 500 renders without touching the database."""

import logging
import sys

from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.utils.translation import gettext as _
from django.views.debug import ExceptionReporter
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .outages import RecentFailure, database_unreachable
from .routing import reading_replica


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


logger = logging.getLogger("tillit.database")

# Redis (cache, sessions, rate limits) is unreachable: a 503, not a 500.
CACHE_ERRORS = (RedisConnectionError, RedisTimeoutError)


def unavailable(error: BaseException | None) -> bool:
    """Whether ``error`` means the database or Redis cannot be reached (a 503). Any other
    database error belongs to the request that raised it (a 500 for that request alone)."""
    return isinstance(error, CACHE_ERRORS) or database_unreachable(error)


# Seconds a client is asked to wait before trying again while the database is unreachable.
DATABASE_RETRY_AFTER = 10

# When this process last found the primary database unreachable.
primary_failure = RecentFailure("DATABASE_RETRY_INTERVAL")


def database_recently_unavailable() -> bool:
    """Whether this process found the database unreachable within DATABASE_RETRY_INTERVAL
    seconds: requests then answer 503 at once instead of each waiting for the pool's timeout."""
    return primary_failure.recent()


def database_unavailable(request, exception=None):
    """503 in the site's design (JSON for the API) while the database or Redis is
    unreachable; touches neither. Only a database failure makes the next requests answer 503
    at once."""
    if database_unreachable(exception):
        # Only the primary's failure makes every page wait: pages that do not read from the
        # replica still work while it is down.
        if not reading_replica():
            primary_failure.record()
        logger.warning("database unavailable: %s", exception)
    elif exception is not None:
        logger.warning("cache unavailable: %s", exception)
    if request.path.startswith("/api/"):
        message = _("The portal is temporarily unavailable")
        body = {"melding": message, "vent_sekunder": DATABASE_RETRY_AFTER}
        response = JsonResponse(body, status=503)
    else:
        response = HttpResponse(get_template("503.html").render({}), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def server_error(request):
    # A database or Redis outage noticed outside a view (a session saved, the user loaded by
    # a middleware) is a 503 too.
    exception = sys.exc_info()[1]
    if unavailable(exception):
        return database_unavailable(request, exception)
    # No context processors: the failure may be in the database or in one of them.
    return HttpResponseServerError(get_template("500.html").render({"plain_error_page": True}))


class OutageReporter(ExceptionReporter):
    """With DEBUG on, Django's debug page for an outage would ask the unreachable database
    again and again (the session, the signed-in user), each after the pool's timeout; the 503
    page replaces it anyway (``DatabaseUnavailableMiddleware``), so it is left empty."""

    def get_traceback_html(self):
        return ""

    def get_traceback_text(self):
        return ""
