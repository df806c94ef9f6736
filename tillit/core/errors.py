"""Error pages in the site's design. Each is rendered with the request, so the header shows
the visitor's language and sign-in state; 500 renders without touching the database."""

import logging
import sys

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .outages import DATABASE_ERRORS, RecentFailure
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

# The database, or Redis (cache, sessions, rate limits), is unreachable: a 503, not a 500.
CACHE_ERRORS = (RedisConnectionError, RedisTimeoutError)
UNAVAILABLE_ERRORS = DATABASE_ERRORS + CACHE_ERRORS

# Seconds a client is asked to wait before trying again while the database is unreachable.
DATABASE_RETRY_AFTER = 10

# When this process last found the primary database unreachable.
primary_failure = RecentFailure("DATABASE_RETRY_INTERVAL")


def database_recently_unavailable() -> bool:
    """Whether this process found the database unreachable within DATABASE_RETRY_INTERVAL
    seconds: requests then answer 503 at once instead of each waiting for the pool's timeout."""
    return primary_failure.recent()


def database_unavailable(request, exception=None):
    """503 in the site's design while the database (or Redis) is unreachable; touches
    neither. Only a database failure makes the next requests answer 503 at once."""
    if isinstance(exception, DATABASE_ERRORS):
        # Only the primary's failure makes every page wait: pages that do not read from the
        # replica still work while it is down.
        if not reading_replica():
            primary_failure.record()
        logger.warning("database unavailable: %s", exception)
    elif exception is not None:
        logger.warning("cache unavailable: %s", exception)
    response = HttpResponse(get_template("503.html").render({}), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def server_error(request):
    # A database or Redis outage noticed outside a view (a session saved, the user loaded by
    # a middleware) is a 503 too.
    exception = sys.exc_info()[1]
    if isinstance(exception, UNAVAILABLE_ERRORS):
        return database_unavailable(request, exception)
    # No context processors: the failure may be in the database or in one of them.
    return HttpResponseServerError(get_template("500.html").render({"plain_error_page": True}))
