"""Reads for the work page (``/mitt/``), one per role, each scoped to the organisations where
the person holds that role: a leader's overdue measures and figures, a union representative's
recent measures, replies and assessments, a ministry's news, and staff's ended measures."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from initiatives.dates import period_over_before
from initiatives.followup.ended import ended_filter
from tillit.accounts.models import Role
from tillit.policy.roles import memberships_of, ministry_ids

from .models import (
    Comment,
    CommentStatus,
    ExperienceReport,
    Initiative,
    LifecycleStatus,
    UnionAssessment,
    WorkflowStatus,
)

LIMIT = 50
RECENT = timedelta(days=30)


def organisation_ids(user, *roles: str) -> list[int]:
    """Where ``user`` holds any of ``roles``."""
    return [m.organisation_id for m in memberships_of(user) if set(roles) & set(m.roles)]


def overdue_ongoing(user) -> list[Initiative]:
    """Measures of the organisations ``user`` leads still marked "ongoing" after their end."""
    led = organisation_ids(user, Role.LEDER)
    if not led:
        return []
    today = timezone.localdate()
    return list(
        Initiative.objects.filter(
            period_over_before(today, field="end_date", precision_field="end_precision"),
            organisation_id__in=led,
            lifecycle_status=LifecycleStatus.PAGAR,
        )
        .exclude(workflow_status=WorkflowStatus.ARKIVERT)
        .select_related("organisation")
        .order_by("end_date", "pk")[:LIMIT]
    )


def organisation_figures(user) -> list[dict]:
    """For each organisation ``user`` leads: its published measures, drafts, measures awaiting
    approval and experience reports (one statement however many organisations)."""
    led = {m.organisation_id: m.organisation for m in memberships_of(user) if Role.LEDER in m.roles}
    if not led:
        return []

    def count(status):
        return Count("pk", filter=Q(workflow_status=status), distinct=True)

    rows = {
        row["organisation_id"]: row
        for row in Initiative.objects.filter(organisation_id__in=led)
        .values("organisation_id")
        .annotate(
            published=count(WorkflowStatus.PUBLISERT),
            drafts=count(WorkflowStatus.UTKAST),
            pending=count(WorkflowStatus.TIL_GODKJENNING),
            reports=Count("experience_reports", distinct=True),
        )
        .order_by()
    }
    empty = {"published": 0, "drafts": 0, "pending": 0, "reports": 0}
    return [
        {"organisation": organisation, **{key: rows.get(pk, empty)[key] for key in empty}}
        for pk, organisation in sorted(led.items(), key=lambda item: item[1].name)
    ]


def recently_published(user) -> list[Initiative]:
    """Measures published in the last 30 days by organisations where ``user`` is a union
    representative."""
    represented = organisation_ids(user, Role.TILLITSVALGT)
    if not represented:
        return []
    return list(
        Initiative.objects.filter(
            organisation_id__in=represented,
            workflow_status=WorkflowStatus.PUBLISERT,
            published_at__gte=timezone.now() - RECENT,
        )
        .select_related("organisation")
        .order_by("-published_at", "-pk")[:LIMIT]
    )


def replies_to_me(user) -> list[Comment]:
    """Others' visible replies to ``user``'s comments on published measures, newest first."""
    if not memberships_of(user):  # comments are for members only
        return []
    return list(
        Comment.objects.filter(
            parent__author=user,
            status=CommentStatus.VISIBLE,
            deleted_at=None,
            initiative__workflow_status=WorkflowStatus.PUBLISERT,
        )
        .exclude(author=user)
        .select_related("initiative", "report")
        .order_by("-created_at", "-pk")[:20]
    )


def my_assessments(user) -> dict[str, int]:
    """How many measures ``user`` confirmed and disputed employee involvement in."""
    counts = dict(
        Initiative.objects.filter(union_assessed_by=user)
        .exclude(workflow_status=WorkflowStatus.ARKIVERT)
        .values_list("union_assessment")
        .annotate(Count("pk"))
        .order_by()
    )
    return {
        "confirmed": counts.get(UnionAssessment.BEKREFTET, 0),
        "disputed": counts.get(UnionAssessment.IKKE_INVOLVERT, 0),
    }


def ministry_news(user, *, since: datetime) -> dict:
    """For ministry staff: measures in their ministries' area (responsible, or owned by
    their agencies) published since ``since``, and their agencies' measures awaiting approval."""
    ministries = ministry_ids(user)
    if not ministries:
        return {"published": [], "pending": []}
    published = (
        Initiative.objects.filter(
            ministry_ids__overlap=ministries,
            workflow_status=WorkflowStatus.PUBLISERT,
            published_at__gt=since,
        )
        .select_related("organisation")
        .order_by("-published_at", "-pk")[:LIMIT]
    )
    pending = (
        Initiative.objects.filter(
            organisation__parent_ministry_id__in=ministries,
            workflow_status=WorkflowStatus.TIL_GODKJENNING,
        )
        .select_related("organisation")
        .order_by("updated_at", "pk")[:LIMIT]
    )
    return {"published": list(published), "pending": list(pending)}


def ended_without_report(user) -> list[Initiative]:
    """Ended published measures of the organisations ``user`` writes for that have no
    experience report yet: an invitation to write one."""
    writable = organisation_ids(user, Role.ANSATT, Role.LEDER)
    if not writable:
        return []
    reports = ExperienceReport.objects.filter(initiative=OuterRef("pk"))
    return list(
        Initiative.objects.filter(ended_filter(timezone.localdate()), organisation_id__in=writable)
        .exclude(Exists(reports))
        .select_related("organisation")
        .order_by("-end_date", "-pk")[:20]
    )
