"""The audit trail's download: exactly the page's current filter, streamed as CSV."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import AuditEvent
from .selectors import described
from .spreadsheets import csv_stream, inert

CHUNK = 2000


def columns() -> list[str]:
    return [
        _("Time"),
        _("Actor"),
        _("Actor id"),
        _("Action"),
        _("Action code"),
        _("Kind of object"),
        _("Object id"),
        _("Object"),
        _("Organisation id"),
        _("Organisation"),
        _("IP address"),
        _("Details"),
    ]


def details_text(event: AuditEvent) -> str:
    return json.dumps(event.details, ensure_ascii=False, sort_keys=True) if event.details else ""


def _row(event: AuditEvent) -> list:
    return [
        timezone.localtime(event.created_at).isoformat(timespec="seconds"),
        event.actor_name,
        event.actor_id or "",
        capfirst(event.label),
        event.action,
        event.object_type_label,
        event.object_id,
        event.object_repr,
        event.organisation_id or "",
        event.organisation_name,
        event.ip_address or "",
        details_text(event),
    ]


def csv_lines(queryset: QuerySet[AuditEvent]) -> Iterator[str]:
    """Semicolon-separated UTF-8 with a byte-order mark, like the overview's export; text a
    spreadsheet would run as a formula is made inert."""
    return csv_stream(columns(), _inert_rows(queryset))


def _inert_rows(queryset: QuerySet[AuditEvent]) -> Iterator[list]:
    events = queryset.iterator(chunk_size=CHUNK)
    while chunk := list(islice(events, CHUNK)):
        for event in described(chunk):
            yield [inert(value) for value in _row(event)]
