"""Reads from a streaming replica (``DATABASE_REPLICA_URL``) for the read-only public pages.

Only the views the apps name in ``registry.REPLICA_VIEWS`` (and the open-data API) read from
the replica, and only while the view runs: middleware, the signed-in user's checks and every
write use the primary. A browser that sent a write (POST, PUT, PATCH, DELETE) carries a
short-lived cookie for ``REPLICA_PIN_SECONDS``, and reads from the primary meanwhile, so its
own changes show at once even if the replica lags. The cache table, sessions and task queue always
stay on the primary, and what is computed to be cached (facet counts, reference data) is read
from the primary (``primary_reads``), so nothing cached for every server comes from a lagging
copy.

While the replica is unreachable its pages read from the primary: the view that found it down
is run again on the primary, and for ``REPLICA_RETRY_INTERVAL`` seconds this process leaves the
replica alone, so no request waits for it meanwhile.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import OperationalError, connections, router

from .outages import RecentFailure, database_unreachable
from .registry import REPLICA_VIEWS

logger = logging.getLogger("tillit.database")

REPLICA = "replica"
PIN_COOKIE = "tillit_primary"
REPLICA_NAMESPACES = frozenset({"api"})
PRIMARY_ONLY_APPS = frozenset({"django_cache", "sessions", "django_tasks_database"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)
# When this process last found the replica unreachable.
replica_failure = RecentFailure("REPLICA_RETRY_INTERVAL")


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def reading_replica() -> bool:
    return _replica_reads.get()


@contextmanager
def primary_reads():
    """Read from the primary inside a replica view: for what is cached and shared with
    every server, which must never be computed from a lagging copy."""
    token = _replica_reads.set(False)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def read_connection(model):
    """The connection the ORM reads ``model`` from. Raw SQL must use it too, or it would mix
    the primary's rows with the replica's in one page."""
    return connections[router.db_for_read(model)]


class ReplicaRouter:
    """Reads inside a replica view go to the replica; everything else goes to the primary."""

    def db_for_read(self, model, **hints):
        if _replica_reads.get() and model._meta.app_label not in PRIMARY_ONLY_APPS:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def _recovery_conflict(error: BaseException) -> bool:
    """A hot standby cancelled the query to apply the primary's changes (SQLSTATE 40001)."""
    return isinstance(error, OperationalError) and (
        getattr(error.__cause__, "sqlstate", None) == "40001"
    )


def _reads_from_replica(request) -> bool:
    match = request.resolver_match
    if match is None or request.method not in ("GET", "HEAD"):
        return False
    if request.COOKIES.get(PIN_COOKIE):
        return False
    return match.view_name in REPLICA_VIEWS or bool(REPLICA_NAMESPACES & set(match.namespaces))


class ReplicaReadsMiddleware:
    """Turns replica reads on for the duration of a replica view, and pins a browser that
    writes to the primary for a while."""

    def __init__(self, get_response):
        if not replica_configured():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_reads.set(False)
        try:
            response = self.get_response(request)
        finally:
            _replica_reads.reset(token)
        if request.method in WRITE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _reads_from_replica(request) and not replica_failure.recent():
            _replica_reads.set(True)
        return None

    def process_exception(self, request, exception):
        """A replica view that failed because the replica is unreachable runs again on the
        primary (it only reads), and the replica is left alone for a while. A query the replica
        cancelled for a conflict with recovery runs again on the primary too, but the replica
        stays in use; any other database error is the request's own. Should the primary be the
        one down, the second run fails too and the site's 503 follows as usual."""
        if not _replica_reads.get():
            return None
        if database_unreachable(exception):
            replica_failure.record()
            logger.warning("database replica unavailable, reading from the primary: %s", exception)
        elif _recovery_conflict(exception):
            logger.info("query cancelled on the replica, reading from the primary: %s", exception)
        else:
            return None
        _replica_reads.set(False)
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()
        return response
