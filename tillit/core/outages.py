"""What an unreachable database looks like, and each process's memory of its last failure.

The primary's quick 503 (``tillit.core.errors``) and the replica's step aside
(``tillit.core.routing``) both remember when this process last found their database
unreachable, and leave it alone for a number of seconds named by a setting. Only errors that
mean the server cannot be reached count (``database_unreachable``); any other database error
(a value too long for a tsvector, a deadlock) belongs to the request that caused it.
"""

import time

import psycopg
from django.conf import settings
from django.db import InterfaceError, OperationalError

DATABASE_ERRORS = (OperationalError, InterfaceError)

# PostgreSQL's codes for a server that cannot take this connection (any code of class 08,
# "connection exception", too): shutting down, crashed, starting up, out of connection slots.
UNREACHABLE_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "53300"})


# psycopg's one InterfaceError about the connection itself (neither open nor closed, as
# when it broke while connecting); its others ("the cursor is closed") are bugs. A closed or
# lost connection is an OperationalError.
CONNECTION_GONE = "cannot execute operations: the connection is in status"


def database_unreachable(error: BaseException) -> bool:
    """Whether ``error`` means the database server cannot be reached: refused or lost
    connections, shutdowns, and timeouts waiting for a connection (the pool's included)."""
    if not isinstance(error, DATABASE_ERRORS):
        return False
    cause = error.__cause__
    if not isinstance(cause, psycopg.Error):
        return False
    sqlstate = cause.sqlstate
    if isinstance(error, InterfaceError):
        # A misuse of the driver (a closed cursor, a missing adapter) is a bug of its request.
        return sqlstate is None and str(cause).startswith(CONNECTION_GONE)
    # No code: libpq's own failure (refused, lost, timed out) or the pool's PoolTimeout.
    return sqlstate is None or sqlstate.startswith("08") or sqlstate in UNREACHABLE_SQLSTATES


class RecentFailure:
    """When this process last found a service unreachable; ``recent()`` within the seconds
    of the setting ``interval_setting`` (read on each call, so tests may change it)."""

    def __init__(self, interval_setting: str):
        self.interval_setting = interval_setting
        self.at = float("-inf")  # time.monotonic() of the last failure

    def record(self) -> None:
        self.at = time.monotonic()

    def recent(self) -> bool:
        return time.monotonic() - self.at < getattr(settings, self.interval_setting)
