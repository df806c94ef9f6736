"""Reading comments: a measure's or report's thread for one member, the editors' moderation
queue and what a user follows. Each is read in one or two statements, however long."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from tillit.policy import Action, can

from .comment_forms import CommentForm
from .models import Comment, CommentFlag, CommentStatus, ExperienceReport, Follow, Initiative


def _annotate_rights(comment: Comment, user) -> None:
    comment.can_edit = can(user, Action.COMMENT_EDIT, comment)
    comment.can_delete = can(user, Action.COMMENT_DELETE, comment)
    comment.can_flag = can(user, Action.COMMENT_FLAG, comment)


def comment_thread(target: Initiative | ExperienceReport, user) -> list[Comment] | None:
    """Top-level comments, each with ``thread_replies``, oldest first; None when ``user``
    may not read comments. A deleted comment without replies is left out."""
    if not can(user, Action.COMMENT_READ, target):
        return None
    comments = Comment.objects.select_related("author", "membership__organisation").annotate(
        flagged_by_user=Exists(CommentFlag.objects.filter(comment=OuterRef("pk"), reporter=user.pk))
    )
    if isinstance(target, ExperienceReport):
        comments = comments.filter(report=target)
        initiative, report = target.initiative, target
    else:
        comments = comments.filter(initiative=target, report=None)
        initiative, report = target, None
    roots, replies = [], {}
    for comment in comments:
        comment.initiative, comment.report = initiative, report  # already loaded: no queries
        _annotate_rights(comment, user)
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
        else:
            roots.append(comment)
    thread = []
    for root in roots:
        root.thread_replies = [r for r in replies.get(root.pk, []) if not r.is_deleted]
        root.can_reply = can(user, Action.COMMENT_REPLY, root)
        if root.thread_replies or not root.is_deleted:
            thread.append(root)
    return thread


def moderation_queue():
    """Comments waiting for an editor: hidden by reports, or with open reports."""
    open_flags = Count("flags", filter=Q(flags__resolved_at=None))
    return (
        Comment.objects.filter(deleted_at=None)
        .annotate(open_flags=open_flags)
        .filter(Q(status=CommentStatus.AWAITING_REVIEW) | Q(open_flags__gt=0))
        .select_related("author", "initiative", "report", "membership__organisation")
        .order_by("-open_flags", "created_at")
    )


def hidden_comments(limit: int = 50):
    """The comments editors have hidden, newest first, so one can be shown again."""
    return (
        Comment.objects.filter(status=CommentStatus.HIDDEN, deleted_at=None)
        .select_related("author", "initiative", "report", "membership__organisation")
        .order_by("-id")[:limit]
    )


def follows_of(user):
    return Follow.objects.filter(user=user).select_related("initiative", "focus_area", "county")


def follow_of(user, target) -> Follow | None:
    """The user's follow of ``target`` (a measure or focus area), if any."""
    if not user.is_authenticated:
        return None
    return Follow.objects.filter(user=user, **{Follow.field_for(target): target}).first()


def page_context(target: Initiative | ExperienceReport, user, *, comment_url: str) -> dict:
    """What a measure's or report's page needs for its comments section."""
    thread = comment_thread(target, user)
    count = sum(1 + len(c.thread_replies) for c in thread) if thread else 0
    may_comment = thread is not None and can(user, Action.COMMENT_CREATE, target)
    return {
        "thread": thread,
        "comment_count": count,
        "comment_form": CommentForm() if may_comment else None,
        "comment_url": comment_url,
    }
