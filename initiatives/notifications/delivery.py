"""Mailing the stored notifications: the immediate ones one by one, the weekly ones as one
summary per person. A notification is marked sent only when the mail server took it, so a
failure is retried on the next run. Every e-mail carries a one-click unsubscribe link, in the
text and in the List-Unsubscribe headers (RFC 8058)."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Event, Notification, WorkflowStatus
from tillit.core.mail import absolute_url, send_templated

from .unsubscribe import unsubscribe_token

BATCH = 200
COMMENT_EVENTS = (Event.COMMENT_ON_OWN, Event.REPLY, Event.COMMENT_FOLLOWED)


def _unsubscribe_url(notification: Notification | None, user) -> str:
    if notification is None:
        token = unsubscribe_token(user)
    elif notification.follow_id:
        token = unsubscribe_token(user, follow=notification.follow)
    elif notification.event == Event.OVERDUE:
        token = unsubscribe_token(user, preference="overdue_reminders")
    else:
        token = unsubscribe_token(user, preference="comments_on_own")
    return absolute_url(reverse("initiatives:unsubscribe", args=[token]))


def _headers(unsubscribe_url: str) -> dict:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _still_relevant(notification: Notification) -> bool:
    """Deleted or hidden comments, and things unpublished since, are not mailed."""
    if notification.event in COMMENT_EVENTS:
        return notification.comment is not None and notification.comment.is_visible
    if notification.event == Event.OVERDUE:
        return True
    published = notification.initiative.workflow_status == WorkflowStatus.PUBLISERT
    if notification.report_id:
        return published and notification.report.is_published
    return published


def _link(notification: Notification) -> str:
    if notification.comment_id:
        return absolute_url(notification.comment.get_absolute_url())
    if notification.report_id:
        return absolute_url(notification.report.get_absolute_url())
    return absolute_url(notification.initiative.get_absolute_url())


def _unsent(immediate: bool):
    return (
        Notification.objects.filter(sent_at=None, immediate=immediate, recipient__is_active=True)
        .select_related("recipient", "initiative", "report", "comment__author", "follow")
        .select_related("follow__focus_area", "follow__county", "follow__initiative")
    )


def deliver_immediate() -> int:
    """Mail every unsent immediate notification; returns how many went out."""
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(_unsent(True).select_for_update(skip_locked=True, of=("self",))[:BATCH])
            if not batch:
                return sent
            delivered = []
            for notification in batch:
                if not _still_relevant(notification) or _send_one(notification):
                    delivered.append(notification.pk)
            Notification.objects.filter(pk__in=delivered).update(sent_at=timezone.now())
            sent += len(delivered)
            if len(delivered) < len(batch):  # the mail server failed: try again next run
                return sent


def _send_one(notification: Notification) -> bool:
    user = notification.recipient
    unsubscribe_url = _unsubscribe_url(notification, user)
    return send_templated(
        template=f"initiatives/email/notify_{notification.event}",
        recipients=[user.email],
        context={
            "notification": notification,
            "initiative": notification.initiative,
            "report": notification.report,
            "comment": notification.comment,
            "follow": notification.follow,
            "url": _link(notification),
            "unsubscribe_url": unsubscribe_url,
            "settings_url": absolute_url(reverse("initiatives:follows")),
        },
        headers=_headers(unsubscribe_url),
    )


def send_weekly_digests() -> int:
    """One summary per person of what happened in what they follow weekly; returns how many
    summaries went out."""
    with transaction.atomic():
        pending = list(
            _unsent(False).select_for_update(skip_locked=True, of=("self",)).order_by("created_at")
        )
        by_user = defaultdict(list)
        for notification in pending:
            by_user[notification.recipient].append(notification)
        done, sent = [], 0
        for user, notifications in by_user.items():
            items = [n for n in notifications if _still_relevant(n)]
            if items and not _send_digest(user, items):
                continue
            done += [n.pk for n in notifications]
            sent += bool(items)
        Notification.objects.filter(pk__in=done).update(sent_at=timezone.now())
    return sent


def _send_digest(user, notifications: list[Notification]) -> bool:
    groups = defaultdict(list)
    for notification in notifications:
        groups[notification.follow].append(
            {"notification": notification, "url": _link(notification)}
        )
    unsubscribe_url = _unsubscribe_url(None, user)
    return send_templated(
        template="initiatives/email/digest",
        recipients=[user.email],
        context={
            "groups": [
                {
                    "follow": follow,
                    "items": items,
                    "unsubscribe_url": _unsubscribe_url(items[0]["notification"], user)
                    if follow
                    else "",
                }
                for follow, items in groups.items()
            ],
            "count": len(notifications),
            "unsubscribe_url": unsubscribe_url,
            "settings_url": absolute_url(reverse("initiatives:follows")),
        },
        headers=_headers(unsubscribe_url),
    )
