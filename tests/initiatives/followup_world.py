"""Measures that ended, and their questions, for the follow-up tests."""

from datetime import date, timedelta

from django.utils import timezone

from initiatives.followup.ended import months_after
from initiatives.models import FollowUp

from ..factories import InitiativeFactory


def ended_measure(organisation, *, months_ago: int = 7, **fields) -> "InitiativeFactory":
    """A published measure whose end date (to the day) was ``months_ago`` months ago."""
    today = timezone.localdate()
    end = months_after(today, -months_ago) if months_ago else today - timedelta(days=1)
    fields.setdefault("workflow_status", "publisert")
    fields.setdefault("lifecycle_status", "pagar")
    return InitiativeFactory(
        organisation=organisation, start_date=date(2020, 1, 1), end_date=end, **fields
    )


def due_question(organisation, *, round_=6, sent=True, **fields) -> FollowUp:
    """A question due today about a measure of ``organisation`` that ended ``round_`` months
    ago (asked, unless ``sent`` is false)."""
    measure = ended_measure(organisation, months_ago=round_, **fields)
    return FollowUp.objects.create(
        initiative=measure,
        round=round_,
        ended_on=measure.end_date,
        due_on=timezone.localdate(),
        sent_at=timezone.now() if sent else None,
    )
