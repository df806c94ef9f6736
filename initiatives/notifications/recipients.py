"""Who is told what. The background tasks (``initiatives.tasks``, queued by the services inside
their transaction) work out the recipients here and store one ``Notification`` per person;
``delivery`` mails them."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from initiatives.dates import period_over_before
from initiatives.models import (
    Comment,
    Event,
    ExperienceReport,
    Follow,
    Frequency,
    Initiative,
    LifecycleStatus,
    MailPreferences,
    Notification,
    WorkflowStatus,
)
from tillit.accounts.models import Membership, Role


class _Plan:
    """The notification each recipient gets: the first reason added wins (add the strongest
    first), and any immediate reason makes it immediate."""

    def __init__(self):
        self.notifications = {}

    def add(self, user_id, event, *, immediate, follow_id=None):
        if user_id in self.notifications:
            self.notifications[user_id]["immediate"] |= immediate
            return
        self.notifications[user_id] = {
            "event": event,
            "immediate": immediate,
            "follow_id": follow_id,
        }

    def save(self, **objects) -> int:
        rows = [
            Notification(
                recipient_id=user_id,
                event=plan["event"],
                immediate=plan["immediate"],
                follow_id=plan["follow_id"],
                **objects,
            )
            for user_id, plan in self.notifications.items()
        ]
        return len(Notification.objects.bulk_create(rows, ignore_conflicts=True))


def _members_only(follows):
    return follows.filter(Exists(Membership.objects.filter(user=OuterRef("user"))))


def _wants(field: str, user_id) -> bool:
    preference = MailPreferences.objects.filter(user_id=user_id).values_list(field, flat=True)
    return next(iter(preference), True)


def fan_out_comment(comment_id: int) -> int:
    """Followers of the initiative who are members, its author and, for a reply, the author
    of the comment answered. Never the comment's own author."""
    comment = Comment.objects.select_related("initiative", "parent").filter(pk=comment_id).first()
    if comment is None or not comment.is_visible:
        return 0
    plan = _Plan()
    parent_author_id = comment.parent.author_id if comment.parent else None
    if parent_author_id and _wants("comments_on_own", parent_author_id):
        plan.add(parent_author_id, Event.REPLY, immediate=True)
    owner_id = comment.initiative.created_by_id
    owner_is_member = Membership.objects.filter(user_id=owner_id).exists()
    if owner_id and owner_is_member and _wants("comments_on_own", owner_id):
        plan.add(owner_id, Event.COMMENT_ON_OWN, immediate=True)
    for follow in _members_only(Follow.objects.filter(initiative_id=comment.initiative_id)):
        plan.add(
            follow.user_id,
            Event.COMMENT_FOLLOWED,
            immediate=follow.frequency == Frequency.IMMEDIATE,
            follow_id=follow.pk,
        )
    plan.notifications.pop(comment.author_id, None)
    return plan.save(
        initiative_id=comment.initiative_id, report_id=comment.report_id, comment=comment
    )


def _area_follows(initiative: Initiative):
    """Follows of the initiative's focus areas and of its counties (the owner's and the
    participants')."""
    where = Q(focus_area__in=initiative.focus_areas.all())
    if initiative.county_numbers:
        where |= Q(county_id__in=initiative.county_numbers)
    return Follow.objects.filter(where)


def fan_out_publication(*, initiative_id: int | None = None, report_id: int | None = None) -> int:
    """A newly published initiative goes to the followers of its focus areas and county; a
    newly published report also to the initiative's followers."""
    report = None
    if report_id is not None:
        report = ExperienceReport.objects.filter(pk=report_id).select_related("initiative").first()
        if report is None or not report.is_published:
            return 0
        initiative = report.initiative
    else:
        initiative = Initiative.objects.filter(pk=initiative_id).first()
    if initiative is None or initiative.workflow_status != WorkflowStatus.PUBLISERT:
        return 0
    follows = _area_follows(initiative)
    if report is not None:
        follows = follows | Follow.objects.filter(initiative=initiative)
    plan = _Plan()
    event = Event.REPORT_PUBLISHED if report else Event.INITIATIVE_PUBLISHED
    for follow in follows.order_by("id"):
        plan.add(
            follow.user_id,
            event,
            immediate=follow.frequency == Frequency.IMMEDIATE,
            follow_id=follow.pk,
        )
    return plan.save(initiative=initiative, report=report)


def queue_overdue_reminders(today=None) -> int:
    """Once per initiative: its end date has passed and it is still "pågår". The author is
    told; when the author is gone, the organisation's leaders."""
    today = today or timezone.localdate()
    overdue = Initiative.objects.filter(
        period_over_before(today, field="end_date", precision_field="end_precision"),
        lifecycle_status=LifecycleStatus.PAGAR,
    ).exclude(workflow_status=WorkflowStatus.ARKIVERT)
    overdue = overdue.exclude(
        Exists(Notification.objects.filter(initiative=OuterRef("pk"), event=Event.OVERDUE))
    )
    rows = []
    for initiative in overdue.select_related("created_by").only(
        "pk", "organisation_id", "created_by__is_active"
    ):
        author = initiative.created_by
        if author is not None and author.is_active:
            recipients = [author.pk]
        else:
            recipients = Membership.objects.filter(
                organisation_id=initiative.organisation_id, roles__contains=[Role.LEDER]
            ).values_list("user_id", flat=True)
        rows += [
            Notification(
                recipient_id=user_id, event=Event.OVERDUE, initiative=initiative, immediate=True
            )
            for user_id in recipients
            if _wants("overdue_reminders", user_id)
        ]
    return len(Notification.objects.bulk_create(rows, ignore_conflicts=True))
