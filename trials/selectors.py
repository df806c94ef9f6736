"""Reading applications and rounds: what a user may see, what awaits them, the public lists
and the statistics of the laws asked about."""

from __future__ import annotations

from django.db.models import Count, Q

from tillit.policy.roles import ministry_ids

from .models import Exemption, TrialApplication, TrialRound, TrialStatus
from .models.choices import GRANTED_STATES
from .rules.roles import is_coordinating, led_organisation_ids

S = TrialStatus


def application_for_detail(*, pk: int, user) -> TrialApplication:
    """One application the user may see (``DoesNotExist`` otherwise)."""
    return (
        TrialApplication.objects.visible_to(user)
        .select_related("round", "initiative__organisation", "approving_ministry")
        .prefetch_related("applicants", "initiative__responsible_ministries")
        .get(pk=pk)
    )


def visible_applications(user):
    return TrialApplication.objects.visible_to(user).for_list().order_by("round_id", "title")


def rounds_with_applications(user) -> list[tuple[TrialRound, dict]]:
    """Each round with its visible applications grouped by state, in workflow order."""
    applications = list(visible_applications(user))
    by_round: dict[int, dict[str, list]] = {}
    for application in applications:
        by_round.setdefault(application.round_id, {}).setdefault(
            application.workflow_status, []
        ).append(application)
    rounds = TrialRound.objects.order_by("-created_at", "-id")
    result = []
    for trial_round in rounds:
        states = by_round.get(trial_round.pk, {})
        grouped = [(label, states[value]) for value, label in S.choices if value in states]
        result.append((trial_round, grouped))
    return result


def awaiting_me(user) -> list[TrialApplication]:
    """What waits for ``user``: applicants' leaders send drafts and final applications, start
    approved trials and report evaluations; ministries assess and decide."""
    if not user.is_authenticated:
        return []
    waiting = Q(pk__in=[])
    led = led_organisation_ids(user)
    if led:
        waiting |= Q(
            applicants__in=led,
            workflow_status__in=[S.DRAFT, S.SELECTED, S.APPROVED, S.RUNNING],
        )
    ministries = ministry_ids(user)
    if ministries:
        waiting |= Q(
            initiative__responsible_ministries__in=ministries,
            workflow_status__in=[S.UNDER_ASSESSMENT, S.FINAL_SENT, S.EVALUATED],
        )
    if is_coordinating(user):
        waiting |= Q(
            workflow_status__in=[S.PRELIMINARY_SENT, S.UNDER_ASSESSMENT, S.FINAL_SENT, S.EVALUATED]
        )
    ids = TrialApplication.objects.filter(waiting).values("pk")
    return list(
        TrialApplication.objects.filter(pk__in=ids).for_list().order_by("round_id", "title")
    )


def law_statistics(user) -> list[dict]:
    """How often each law and section is asked for, and granted, over the sent applications
    ``user`` may see: the public counts decided ones only, as it sees only those."""
    sent = ~Q(application__workflow_status=S.DRAFT)
    visible = TrialApplication.objects.visible_to(user).values("pk")
    rows = (
        Exemption.objects.filter(sent, application__in=visible)
        .values("legal_act__short_name", "other_act", "section")
        .annotate(
            asked=Count("application", distinct=True),
            granted=Count(
                "application",
                filter=Q(application__workflow_status__in=GRANTED_STATES),
                distinct=True,
            ),
        )
        .order_by("-asked", "-granted", "legal_act__short_name", "other_act", "section")
    )
    return [
        {
            "act": row["legal_act__short_name"] or row["other_act"],
            "section": row["section"],
            "asked": row["asked"],
            "granted": row["granted"],
        }
        for row in rows
    ]
