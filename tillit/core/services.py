"""Writes of the core app: recording that the audit trail was downloaded."""

from __future__ import annotations

from tillit.policy import Action, require

from .audit import audit_record
from .models import AuditEvent


def audit_export(*, by, filters: dict[str, list[str]], request=None) -> AuditEvent:
    """An editor downloads the audit trail; the download itself goes into it, with its
    filter."""
    require(by, Action.AUDIT_READ)
    return audit_record(
        actor=by, action="audit.exported", details={"filters": filters}, request=request
    )
