"""Writes of the reporting app: the yearly overview's picks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from initiatives.models import YearbookPick, YearbookPickSection
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
        key = str(section)
        YearbookPickSection.objects.filter(pick__year=year, section=key).delete()
        picked = dict(
            YearbookPick.objects.filter(year=year, initiative_id__in=chosen).values_list(
                "initiative_id", "pk"
            )
        )
        new = YearbookPick.objects.bulk_create(
            YearbookPick(year=year, initiative_id=pk, picked_by=by)
            for pk in sorted(chosen - set(picked))
        )
        picked.update({pick.initiative_id: pick.pk for pick in new})
        YearbookPickSection.objects.bulk_create(
            YearbookPickSection(pick_id=picked[pk], section=key) for pk in sorted(chosen)
        )
        # a measure no part picks any longer is not picked
        YearbookPick.objects.filter(year=year, sections=None).delete()
        audit_record(
            actor=by,
            action="yearbook.picked",
            organisation_id=section if isinstance(section, int) else None,
            details={"year": year, "section": str(section), "count": len(chosen)},
        )
    return len(chosen)
