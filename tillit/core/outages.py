"""What an unreachable database looks like, and each process's memory of its last failure.

The primary's quick 503 (``tillit.core.errors``) and the replica's step aside
(``tillit.core.routing``) both remember when this process last found their database
unreachable, and leave it alone for a number of seconds named by a setting.
"""

import time

from django.conf import settings
from django.db import InterfaceError, OperationalError

DATABASE_ERRORS = (OperationalError, InterfaceError)


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
