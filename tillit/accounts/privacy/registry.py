"""What each app hands the privacy pages: sections of the user's data export, and what
happens to its data when a user deletes their account. The platform registers its own
sections in ``AccountsConfig.ready()``, the domain apps theirs in their ``ready()``.

The export lists the sections in registration order (INSTALLED_APPS order, then the order of
the calls), except that sections registered with ``last=True`` (the platform's trails and the
optional apps) come after all others. A section names the relations to the user model it
accounts for (``covers``, as ``"app_label.Model.field"``); a test fails when a model gains a
relation to the user that no section covers and ``NOT_EXPORTED`` does not explain.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import Any

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db.models import Q


@dataclass(frozen=True)
class Section:
    """``read(user)``: one kind of the user's data, as the export's ``key``."""

    key: str
    label: str
    read: Callable[[Any], Any]
    covers: tuple[str, ...]
    last: bool = False


@dataclass(frozen=True)
class KeptOnDeletion:
    """``count(user)``: how many of an app's things stay (without the user) when the user
    deletes their account; recorded in the audit trail as ``key``."""

    key: str
    count: Callable[[Any], int]


@dataclass(frozen=True)
class HistoryEraser:
    """``forget(user_ids)``: an app's history keeps the display names recorded at the time
    and drops the users' ids. Runs inside the transaction that deletes the users."""

    forget: Callable[[list[int]], None]


_SECTIONS: list[Section] = []
KEPT_ON_DELETION: list[KeptOnDeletion] = []
HISTORY_ERASERS: list[HistoryEraser] = []

# Relations to the user model that no section exports, and why.
NOT_EXPORTED: dict[str, str] = {}


def section(key: str, label, *, covers: tuple[str, ...] = (), app: str | None = None, last=False):
    """Register ``read(user)`` as the export's ``key``; a section for an optional app
    (``app=``) is only registered when that app is installed."""

    def register(read):
        if app is None or apps.is_installed(app):
            _SECTIONS.append(Section(key, label, read, covers, last))
        return read

    return register


def kept_on_deletion(key: str):
    """Register ``count(user)`` as what stays of ``key`` when the user deletes their account."""

    def register(count):
        KEPT_ON_DELETION.append(KeptOnDeletion(key, count))
        return count

    return register


def erases_history(forget):
    """Register ``forget(user_ids)`` to run when users are deleted."""
    HISTORY_ERASERS.append(HistoryEraser(forget))
    return forget


def sections() -> list[Section]:
    """Every registered section, in the export's order."""
    return [item for item in _SECTIONS if not item.last] + [item for item in _SECTIONS if item.last]


def rows(queryset, *fields) -> list[dict]:
    """The ``fields`` of each row, as plain dicts for the JSON file."""
    return list(queryset.values(*fields))


def addressed_to(user) -> Q:
    """Matches rows whose ``email`` is one of the user's addresses, in any case."""
    addresses = {user.email} | set(
        EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return reduce(operator.or_, (Q(email__iexact=address) for address in addresses))
