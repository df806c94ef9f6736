"""What the domain apps hand the platform's core and operations, registered in their
``AppConfig.ready()``: retention purges, the kinds of object the audit trail names and links,
the pages that may read from the database replica, and the models a backup's manifest counts.
Registration order is the order of use (INSTALLED_APPS order, then the order of the calls)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class RetentionPurge:
    """``purge(now, periods)`` deletes an app's rows past their retention time (``periods``
    is ``retention.RetentionPeriods``) and returns how many; counted as ``key``."""

    key: str
    purge: Callable[[datetime, Any], int]


@dataclass(frozen=True)
class AuditObject:
    """A kind of object (``"app_label.model"``) the audit trail's filter offers, and the URL
    name of its page (taking its id) when it has one."""

    object_type: str
    url_name: str = ""


RETENTION_PURGES: list[RetentionPurge] = []
AUDIT_OBJECTS: list[AuditObject] = []
# URL names of pages whose reads may go to the replica (``routing``).
REPLICA_VIEWS: set[str] = set()
# Models (``"app_label.Model"``) whose rows a backup's manifest counts, before the platform's.
BACKUP_COUNTED: list[str] = []


def retention_purge(key: str):
    """Register ``purge(now, periods)`` as the retention purge counted as ``key``."""

    def register(purge):
        RETENTION_PURGES.append(RetentionPurge(key, purge))
        return purge

    return register
