"""Recording what changed on an initiative, field by field."""

from __future__ import annotations

from django.db import transaction

from initiatives.models import ChangeAction, Initiative, InitiativeChange
from initiatives.models.initiatives import EDITABLE_FIELDS
from initiatives.overview.cache import bump_data_version
from tillit.core.audit import audit_record

from .effects import effects_snapshot

TRACKED_FIELDS = [
    *EDITABLE_FIELDS,
    "workflow_status",
    "union_assessment",
    "union_assessment_text",
]


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def snapshot(initiative: Initiative) -> dict:
    """The tracked values, JSON-ready. Relations are read fresh from the database."""
    values = {name: _plain(getattr(initiative, name)) for name in TRACKED_FIELDS}
    if initiative.pk:
        links = initiative.focus_area_links.select_related("focus_area").order_by(
            "-is_primary", "focus_area__number"
        )
        values["focus_areas"] = [link.focus_area.name for link in links]
        values["partners"] = sorted(initiative.partners.values_list("name", flat=True))
        values["responsible_ministries"] = sorted(
            initiative.responsible_ministries.values_list("name", flat=True)
        )
        values["participating_organisations"] = sorted(
            initiative.participating_organisations.values_list("name", flat=True)
        )
        values["attachments"] = sorted(
            initiative.attachments.values_list("original_name", flat=True)
        )
        values.update(effects_snapshot(initiative))
    return values


def record_change(
    *, initiative: Initiative, by, action: ChangeAction, before: dict, note: str = "", request=None
) -> InitiativeChange | None:
    """Store the difference between ``before`` and now; also write the audit trail, and
    make the overview's cached counts stale."""
    transaction.on_commit(bump_data_version)
    after = snapshot(initiative)
    fields = {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }
    if not fields and action == ChangeAction.EDITED:
        return None
    change = InitiativeChange.objects.create(
        initiative=initiative,
        actor_id=by.pk,
        actor_name=by.display_name,
        action=action,
        note=note,
        fields=fields,
    )
    audit_record(
        actor=by,
        action=f"initiative.{action}",
        obj=initiative,
        organisation_id=initiative.organisation_id,
        details={"fields": sorted(fields)},
        request=request,
    )
    return change
