"""The daily job: make the follow-up questions of the measures that ended, and mail each due
one to the owner's leaders, once. Running it again sends nothing twice: a question is marked
asked in the transaction that mails it, and the rows are locked while they are mailed."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone

from initiatives.models import FollowUp, FollowUpAnswer, Initiative
from tillit.accounts.models import Membership, Role
from tillit.core.mail import absolute_url, send_templated

from .ended import ROUNDS, ended_filter, ended_on, months_after
from .links import LINK_LIFETIME, answer_token

BATCH = 2000
SEND_BATCH = 100  # questions mailed (and their rows locked) per transaction
# A measure that ended longer ago than this is not asked: otherwise the first run would mail
# about every measure that ever ended, long after anyone remembers.
ASK_WITHIN_MONTHS = ROUNDS[-1] + 6


def ask_due(today: date | None = None) -> int:
    """Make the questions that are due by ``today`` and mail them; returns how many were
    mailed."""
    today = today or timezone.localdate()
    make_questions(today)
    return send_due(today)


def make_questions(today: date) -> int:
    """For each ended, published measure: its latest due round's question, or, while none is
    due, the first round's (that records when the measure was first seen ended)."""
    measures = (
        Initiative.objects.filter(ended_filter(today))
        .only("pk", "end_date", "end_precision", "lifecycle_status")
        .prefetch_related(
            Prefetch(
                "followups", queryset=FollowUp.objects.only("initiative_id", "round", "ended_on")
            )
        )
        .order_by("pk")
    )
    rows = []
    for measure in measures.iterator(chunk_size=BATCH):
        asked = {question.round: question for question in measure.followups.all()}
        ended = min(q.ended_on for q in asked.values()) if asked else ended_on(measure, today)
        if not asked and ended < months_after(today, -ASK_WITHIN_MONTHS):
            continue
        due = [months for months in ROUNDS if months_after(ended, months) <= today]
        wanted = max(due) if due else ROUNDS[0]
        if wanted not in asked:
            rows.append(
                FollowUp(
                    initiative_id=measure.pk,
                    round=wanted,
                    ended_on=ended,
                    due_on=months_after(ended, wanted),
                )
            )
    return len(FollowUp.objects.bulk_create(rows, ignore_conflicts=True, batch_size=BATCH))


def _due(today: date):
    """Unasked, unanswered questions due by ``today`` of measures still ended and published;
    when a later round is due as well, only that one is asked."""
    later_due = FollowUp.objects.filter(
        initiative=OuterRef("initiative"), round__gt=OuterRef("round"), due_on__lte=today
    )
    return (
        FollowUp.objects.filter(sent_at=None, answered_at=None, due_on__lte=today)
        .filter(initiative__in=Initiative.objects.filter(ended_filter(today)))
        .exclude(Exists(later_due))
        .select_related("initiative__organisation")
        .order_by("pk")
    )


def send_due(today: date) -> int:
    """Mail the due questions, a batch per transaction; returns how many were asked."""
    sent, waiting = 0, []
    while True:
        with transaction.atomic():
            batch = list(
                _due(today)
                .exclude(pk__in=waiting)
                .select_for_update(skip_locked=True, of=("self",))[:SEND_BATCH]
            )
            if not batch:
                return sent
            for question in batch:
                if _ask(question, today):
                    sent += 1
                else:  # without leaders, or the mail server failed: the next run tries again
                    waiting.append(question.pk)


def _ask(question: FollowUp, today: date) -> bool:
    leaders = Membership.objects.filter(
        organisation_id=question.initiative.organisation_id,
        roles__contains=[Role.LEDER],
        user__is_active=True,
    ).select_related("user")
    delivered = [_mail(question, membership.user, today) for membership in leaders]
    if not any(delivered):
        return False
    question.sent_at = timezone.now()
    question.save(update_fields=["sent_at"])
    return True


def _mail(question: FollowUp, user, today: date) -> bool:
    initiative = question.initiative
    options = [
        {
            "label": label,
            "url": absolute_url(
                reverse("initiatives:followup_link", args=[answer_token(question, value, user)])
            ),
        }
        for value, label in FollowUpAnswer.choices
    ]
    return send_templated(
        template="initiatives/email/followup",
        recipients=[user.email],
        context={
            "initiative": initiative,
            "question": question,
            "options": options,
            "valid_until": today + LINK_LIFETIME,
            "url": absolute_url(initiative.get_absolute_url()),
            "work_url": absolute_url(reverse("accounts:my_work")),
        },
    )
