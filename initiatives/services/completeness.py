"""What an initiative must have before it can be submitted or stay published."""

from __future__ import annotations

from django.utils.translation import gettext as _

from initiatives.models import Initiative, LifecycleStatus


def completeness_errors(initiative: Initiative) -> dict[str, str]:
    """Each missing field's message, by field name; empty when the initiative is complete."""
    errors = {}
    required = {
        "summary": _("Write a short summary."),
        "description": _("Describe the measure."),
        "kind": _("Choose the kind of measure."),
        "sector": _("Choose the sector."),
        "lifecycle_status": _("Choose the status."),
        "start_date": _("Enter when the measure started or will start."),
    }
    for name, message in required.items():
        if not getattr(initiative, name):
            errors[name] = message
    if not initiative.focus_area_links.exists() and not initiative.other_focus_area:
        errors["focus_areas"] = _("Choose at least one focus area, or name another area.")
    if not initiative.trust_relations:
        errors["trust_relations"] = _("Choose which trust relation the measure concerns.")
    finished = {LifecycleStatus.AVSLUTTET, LifecycleStatus.AVBRUTT}
    if initiative.lifecycle_status in finished and not initiative.end_date:
        errors["end_date"] = _("Enter when the measure ended.")
    return errors
