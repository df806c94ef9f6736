"""Everything the portal holds about one user, for the download at ``/konto/mine-data/``:
the sections every app registered (``registry``), in order. The export holds only the user's
own data: no other person's name or address."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from .registry import sections


def user_data_export(user) -> dict[str, Any]:
    """The whole export for ``user`` (only ever the signed-in user themselves)."""
    data: dict[str, Any] = {
        "portal": "Tillitsportalen",
        "exported_at": timezone.now(),
    }
    for item in sections():
        data[item.key] = item.read(user)
    return data


def user_data_summary(user) -> list[tuple[str, int]]:
    """How many things of each kind the export holds, for the page that explains it."""
    return [(item.label, _count(item.read(user))) for item in sections()]


def _count(value) -> int:
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict) and value and all(isinstance(v, list) for v in value.values()):
        return sum(len(v) for v in value.values())
    return 1 if value else 0
