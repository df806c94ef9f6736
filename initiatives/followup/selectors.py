"""What the pages read about follow-up: the questions waiting for a leader, a measure's latest
answer in words, and how many measures lasted (the statistics)."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from initiatives.models import FollowUp, FollowUpAnswer, FollowUpRound, WorkflowStatus
from initiatives.rules.followup import answerable_filter

# "Fortsatt i bruk per mars 2027": what the measure page says of the latest answer
AS_OF = {
    FollowUpAnswer.IN_USE: lambda month: _("Still in use as of %(month)s") % {"month": month},
    FollowUpAnswer.PERMANENT: lambda month: _("Made permanent as of %(month)s") % {"month": month},
    FollowUpAnswer.SPREAD: lambda month: _("Spread further as of %(month)s") % {"month": month},
    FollowUpAnswer.STOPPED: lambda month: _("Stopped as of %(month)s") % {"month": month},
}


def open_for(user) -> QuerySet[FollowUp]:
    """The unanswered questions ``user`` may answer; of a measure asked in two rounds, the
    latest only."""
    later_due = FollowUp.objects.filter(
        initiative=OuterRef("initiative"),
        round__gt=OuterRef("round"),
        due_on__lte=timezone.localdate(),
    )
    return (
        FollowUp.objects.filter(answerable_filter(user), answered_at=None)
        .exclude(Exists(later_due))
        .select_related("initiative")
        .order_by("due_on", "pk")[:50]
    )


def latest_answer_annotations() -> dict:
    """For ``Initiative.objects.annotate``: its latest answer, when, and why it stopped."""
    latest = FollowUp.objects.filter(initiative=OuterRef("pk"), answered_at__isnull=False).order_by(
        "-answered_at", "-pk"
    )
    return {
        f"followup_{name}": Subquery(latest.values(field)[:1])
        for name, field in (
            ("answer", "answer"),
            ("answered_at", "answered_at"),
            ("reason", "reason"),
        )
    }


def latest_answer_text(initiative) -> str:
    """ "Still in use as of March 2027" (in the reader's language), or "" when never
    answered. Needs ``latest_answer_annotations``."""
    answer = getattr(initiative, "followup_answer", None)
    if not answer:
        return ""
    month = dateformat.format(timezone.localtime(initiative.followup_answered_at), "F Y")
    return AS_OF[FollowUpAnswer(answer)](month)


def lasting_counts() -> dict:
    """Per round (the columns): how many published measures were asked, how many answered
    each answer, and how many did not answer (one statement). Rows as (label, counts)."""
    asked = Q(sent_at__isnull=False) | Q(answered_at__isnull=False)
    published = Q(initiative__workflow_status=WorkflowStatus.PUBLISERT)
    answers = {f"answer_{value}": Count("pk", filter=Q(answer=value)) for value in FollowUpAnswer}
    found = {
        row["round"]: row
        for row in FollowUp.objects.filter(asked, published)
        .values("round")
        .annotate(asked=Count("pk"), unanswered=Count("pk", filter=Q(answered_at=None)), **answers)
        .order_by()
    }
    columns = [(months, found.get(months, {})) for months in FollowUpRound.values]
    keys = [("asked", _("Measures asked"))]
    keys += [(f"answer_{value}", label) for value, label in FollowUpAnswer.choices]
    keys += [("unanswered", _("Not answered"))]
    return {
        "rounds": [FollowUpRound(months).label for months, _row in columns],
        "rows": [(label, [row.get(key, 0) for _months, row in columns]) for key, label in keys],
    }
