"""Demo follow-up for ``seed_demo``: two of Bergen's published measures are made to have ended
some months ago; for one, the leader answered "still in use", and the other's question waits
for the demo leader (it shows under "Mitt arbeid"; ``manage.py ask_followup`` mails it)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tillit.accounts.models import Membership, Organisation, Role

from ..followup.ended import months_after
from ..models import FollowUp, FollowUpAnswer, Initiative, LifecycleStatus, WorkflowStatus
from ..overview.cache import bump_data_version

# (months since the measure ended, the answer given, or "" while the question is open)
ENDED = [(8, FollowUpAnswer.IN_USE), (7, "")]


def seed_followup() -> int:
    """Once: end two of Bergen's published measures and ask about them; returns how many
    measures were followed up."""
    bergen = Organisation.objects.get(municipality_id="4601")
    if FollowUp.objects.filter(initiative__organisation=bergen).exists():
        return 0
    leader = (
        Membership.objects.filter(organisation=bergen, roles__contains=[Role.LEDER])
        .order_by("pk")
        .values_list("user_id", flat=True)
        .first()
    )
    measures = Initiative.objects.filter(
        organisation=bergen, workflow_status=WorkflowStatus.PUBLISERT
    ).order_by("pk")[: len(ENDED)]
    today = timezone.localdate()
    with transaction.atomic():
        for measure, (months, answer) in zip(measures, ENDED, strict=False):
            ended = months_after(today, -months)
            start = measure.start_date
            Initiative.objects.filter(pk=measure.pk).update(
                lifecycle_status=LifecycleStatus.AVSLUTTET,
                start_date=min(start, months_after(ended, -1)) if start else None,
                start_precision=measure.start_precision if start else "day",
                end_date=ended,
                end_precision="day",
            )
            given = {}
            if answer:
                given = {
                    "sent_at": timezone.now() - timedelta(days=40),
                    "answer": answer,
                    "answered_at": timezone.now() - timedelta(days=35),
                    "answered_by_id": leader,
                }
            FollowUp.objects.create(
                initiative=measure,
                round=6,
                ended_on=ended,
                due_on=months_after(ended, 6),
                **given,
            )
    bump_data_version()
    return len(measures)
