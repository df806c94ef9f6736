"""Writes of the reporting app: the yearly overview's picks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from initiatives.models import YearbookPick
from tillit.core.audit import audit_record
from tillit.policy import Action, require

from .yearbook import active_in, sections_of


def yearbook_picks_set(*, year: int, section, initiative_ids: list[int], by) -> int:
    """A ministry (for its own area) or an editor (for any) chooses which of a section's
    active measures the year's overview shows; none chosen shows them all."""
    require(by, Action.YEARBOOK_SELECT, section)
    in_section = {
        initiative.pk
        for initiative in active_in(year).select_related("organisation")
        if section in sections_of(initiative)
    }
    chosen = set(initiative_ids)
    if not chosen <= in_section:
        raise ValidationError(_("Some of the chosen measures are not in this part of the year."))
    with transaction.atomic():
        YearbookPick.objects.filter(year=year, section=str(section)).delete()
        YearbookPick.objects.bulk_create(
            YearbookPick(year=year, initiative_id=pk, section=str(section), picked_by=by)
            for pk in sorted(chosen)
        )
        audit_record(
            actor=by,
            action="yearbook.picked",
            organisation_id=section if isinstance(section, int) else None,
            details={"year": year, "section": str(section), "count": len(chosen)},
        )
    return len(chosen)
