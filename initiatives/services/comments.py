"""Writing, reporting and moderating comments. Every moderation step is kept as a
``ModerationAction`` and in the audit trail; a new comment's e-mails are queued in the same
transaction, so a failing mail server never loses a comment."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives import tasks
from initiatives.models import (
    Comment,
    CommentFlag,
    CommentStatus,
    ExperienceReport,
    Initiative,
    ModerationAction,
)
from initiatives.models.comments import MAX_LENGTH
from tillit.core import ratelimit
from tillit.core.audit import audit_record
from tillit.core.markup import render_comment
from tillit.policy import Action, require
from tillit.policy.roles import memberships_of


class CommentRateLimited(Exception):
    """The user has written too many comments in a short time."""


def _clean_body(body: str) -> str:
    body = (body or "").replace("\x00", "").strip()
    if not body:
        raise ValidationError({"body": _("Write something before you send the comment.")})
    if len(body) > MAX_LENGTH:
        raise ValidationError(
            {"body": _("A comment can be at most %(max)d characters.") % {"max": MAX_LENGTH}}
        )
    return body


def _check_rate(user) -> None:
    limit, period = settings.COMMENT_RATE_LIMIT
    if not ratelimit.hit(f"comment:{user.pk}", limit=limit, period=period):
        raise CommentRateLimited


def _writing_as(user, initiative: Initiative):
    """The membership a comment is signed with: in the initiative's organisation if the author
    has one there, else their first."""
    memberships = memberships_of(user)
    for membership in memberships:
        if membership.organisation_id == initiative.organisation_id:
            return membership
    return memberships[0]


def comment_create(
    *, by, body: str, target: Initiative | ExperienceReport | None = None, parent=None
) -> Comment:
    """Members comment on a published initiative or report, or reply to a top-level comment."""
    body = _clean_body(body)
    with transaction.atomic():
        if parent is not None:
            require(by, Action.COMMENT_REPLY, parent)
            initiative, report = parent.initiative, parent.report
        else:
            require(by, Action.COMMENT_CREATE, target)
            report = target if isinstance(target, ExperienceReport) else None
            initiative = report.initiative if report else target
        _check_rate(by)
        membership = _writing_as(by, initiative)
        comment = Comment.objects.create(
            initiative=initiative,
            report=report,
            parent=parent,
            author=by,
            membership=membership,
            author_label=str(membership)[:300],
            body=body,
            body_html=render_comment(body),
        )
        tasks.comment_posted(comment)
    return comment


def comment_update(*, comment: Comment, by, body: str) -> Comment:
    """Authors change their comment within 15 minutes; it is marked as edited."""
    body = _clean_body(body)
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        require(by, Action.COMMENT_EDIT, comment)
        if body != comment.body:
            comment.body, comment.body_html = body, render_comment(body)
            comment.edited_at = timezone.now()
            comment.save(update_fields=["body", "body_html", "edited_at"])
    return comment


def comment_delete(*, comment: Comment, by) -> None:
    """Authors delete their own comment; its text is gone, its replies stay."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        require(by, Action.COMMENT_DELETE, comment)
        comment.deleted_at = timezone.now()
        comment.body = comment.body_html = ""
        comment.save(update_fields=["deleted_at", "body", "body_html"])


def comment_flag(*, comment: Comment, by, reason: str, note: str = "") -> bool:
    """A member reports a comment. Returns True when this report hid it (the third)."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        require(by, Action.COMMENT_FLAG, comment)
        try:
            with transaction.atomic():
                CommentFlag.objects.create(comment=comment, reporter=by, reason=reason, note=note)
        except IntegrityError:
            raise ValidationError(_("You have already reported this comment.")) from None
        open_flags = comment.flags.filter(resolved_at=None).count()
        if open_flags < settings.COMMENT_FLAGS_TO_HIDE:
            return False
        comment.status = CommentStatus.AWAITING_REVIEW
        comment.save(update_fields=["status"])
        audit_record(
            actor=None,
            action="comment.auto_hidden",
            obj=comment,
            organisation_id=comment.initiative.organisation_id,
            details={"flags": open_flags},
        )
        return True


def _moderate(comment: Comment, *, by, kind: str, status: str, reason: str) -> Comment:
    audit_verb = "hidden" if kind == ModerationAction.Kind.HIDE else "restored"
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        require(by, Action.COMMENT_MODERATE, comment)
        comment.status = status
        comment.hidden_reason = reason if status == CommentStatus.HIDDEN else ""
        comment.save(update_fields=["status", "hidden_reason"])
        comment.flags.filter(resolved_at=None).update(resolved_at=timezone.now())
        ModerationAction.objects.create(
            comment=comment, moderator=by, moderator_name=by.display_name, kind=kind, reason=reason
        )
        audit_record(
            actor=by,
            action=f"comment.{audit_verb}",
            obj=comment,
            organisation_id=comment.initiative.organisation_id,
            details={"reason": reason},
        )
    return comment


def comment_hide(*, comment: Comment, by, reason: str) -> Comment:
    """An editor hides a comment; the reason is shown in place of its text."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the comment is hidden.")})
    return _moderate(
        comment, by=by, kind=ModerationAction.Kind.HIDE, status=CommentStatus.HIDDEN, reason=reason
    )


def comment_restore(*, comment: Comment, by, reason: str = "") -> Comment:
    """An editor shows a hidden or reported comment again and closes its reports."""
    return _moderate(
        comment,
        by=by,
        kind=ModerationAction.Kind.RESTORE,
        status=CommentStatus.VISIBLE,
        reason=(reason or "").strip(),
    )
