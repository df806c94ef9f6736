"""Demo comments and follows for ``seed_demo``, written for this portal. Stored directly (no
e-mails, no rate limit), once."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from tillit.accounts.models import Membership, Role
from tillit.core.markup import render_comment

from ..models import (
    Comment,
    ExperienceReport,
    FocusArea,
    Follow,
    Frequency,
    Initiative,
    WorkflowStatus,
)
from .content import DEMO_ROLES, read_conversation


def _members() -> dict[str, Membership]:
    """The contract's demo users by role, and "kollega": staff in another municipality."""
    members = {}
    for membership in (
        Membership.objects.filter(user__is_demo=True)
        .select_related("user", "organisation")
        .order_by("pk")
    ):
        local = membership.user.email.split("@")[0]
        if local in DEMO_ROLES:
            members.setdefault(local, membership)
        elif Role.ANSATT in membership.roles and membership.organisation.municipality_id not in (
            None,
            "4601",
        ):
            members.setdefault("kollega", membership)
    return members


def _add(member: Membership, target, text: str, *, parent=None, at=None) -> Comment:
    report = target if isinstance(target, ExperienceReport) else None
    comment = Comment.objects.create(
        initiative=report.initiative if report else target,
        report=report,
        parent=parent,
        author=member.user,
        membership=member,
        author_label=str(member),
        body=text,
        body_html=render_comment(text),
    )
    if at is not None:
        Comment.objects.filter(pk=comment.pk).update(created_at=at)
    return comment


def seed_comments() -> int:
    """Comments on a published Bergen initiative and on a report; a few follows. Returns how
    many comments were added (none when there already are some)."""
    if Comment.objects.exists():
        return 0
    members = _members()
    initiative = (
        Initiative.objects.filter(
            organisation__municipality_id="4601", workflow_status=WorkflowStatus.PUBLISERT
        )
        .order_by("pk")
        .first()
    )
    needed = {"tillitsvalgt", "leder", "ansatt", "kollega"}
    if initiative is None or not needed <= members.keys():
        return 0
    conversation = read_conversation()
    added = 0
    with transaction.atomic():
        moment = initiative.published_at + timedelta(days=3)
        for thread in conversation.threads:
            root = _add(members[thread.who], initiative, thread.text, at=moment)
            added += 1
            for reply in thread.replies:
                moment += timedelta(hours=5)
                _add(members[reply.who], initiative, reply.text, parent=root, at=moment)
                added += 1
            moment += timedelta(days=2)
        report = (
            ExperienceReport.objects.filter(workflow_status=WorkflowStatus.PUBLISERT)
            .order_by("pk")
            .first()
        )
        if report is not None:
            comment = conversation.report_comment
            _add(members[comment.who], report, comment.text)
            added += 1
        Follow.objects.get_or_create(
            user=members["tillitsvalgt"].user,
            initiative=initiative,
            defaults={"frequency": Frequency.IMMEDIATE},
        )
        focus_area = FocusArea.objects.filter(number=2).first()
        if "departement" in members and focus_area:
            Follow.objects.get_or_create(user=members["departement"].user, focus_area=focus_area)
    return added
