"""Reads of the audit trail, for the editors' page at ``/revisjonslogg/`` and its download."""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.db.models import QuerySet
from django.urls import reverse

from tillit.accounts.models import Organisation

from .filters import AuditEventFilter, audit_objects, object_type_label
from .models import AuditEvent


def audit_events(*, filters) -> tuple[AuditEventFilter, QuerySet[AuditEvent]]:
    """The events that pass ``filters`` (query parameters), newest first; none when the
    parameters are invalid (the filterset's form then holds the errors)."""
    queryset = AuditEvent.objects.order_by("-created_at", "-id")
    filterset = AuditEventFilter(filters, queryset=queryset)
    rows = filterset.qs if filterset.is_valid() else queryset.none()
    return filterset, rows


def object_url(event: AuditEvent) -> str:
    name = next(
        (item.url_name for item in audit_objects() if item.object_type == event.object_type), ""
    )
    if not name or not event.object_id.isdigit():
        return ""
    return reverse(name, args=[int(event.object_id)])


def _compact(value, limit: int = 200) -> str:
    if isinstance(value, list):
        text = ", ".join(str(item) for item in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def detail_pairs(event: AuditEvent) -> list[tuple[str, str]]:
    """The details as short (key, text) pairs; a template escapes them like any text."""
    if not isinstance(event.details, dict):
        return [("", _compact(event.details))]
    return [(str(key), _compact(value)) for key, value in sorted(event.details.items())]


def described(events: Iterable[AuditEvent]) -> list[AuditEvent]:
    """The events with what a reader needs beside them: the organisation's name, the object's
    kind and page, in one query for the organisations."""
    events = list(events)
    ids = {event.organisation_id for event in events if event.organisation_id}
    names = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}
    for event in events:
        event.organisation_name = names.get(event.organisation_id, "")
        event.object_type_label = object_type_label(event.object_type) if event.object_type else ""
        event.object_url = object_url(event)
        event.detail_pairs = detail_pairs(event)
    return events
