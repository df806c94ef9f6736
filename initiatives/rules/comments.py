"""Rules about comments, their moderation and following.

Comments are for members: a user with at least one membership reads and writes them. The
public, users without a membership, the exports and the API never see them.
"""

from initiatives.models.choices import WorkflowStatus
from tillit.policy.roles import is_editor, memberships_of


def read(user, target=None) -> bool:
    """Members read the comments on anything they can see."""
    return bool(memberships_of(user))


def _is_open(target) -> bool:
    """Comments are open on published initiatives and on published reports of them."""
    initiative = getattr(target, "initiative", target)
    if initiative.workflow_status != WorkflowStatus.PUBLISERT:
        return False
    return target is initiative or target.workflow_status == WorkflowStatus.PUBLISERT


def create(user, target) -> bool:
    """Members comment on published initiatives and published experience reports."""
    return read(user) and _is_open(target)


def reply(user, comment) -> bool:
    """Members answer a visible top-level comment on something still open."""
    return (
        read(user)
        and comment.parent_id is None
        and comment.is_visible
        and _is_open(comment.report or comment.initiative)
    )


def edit(user, comment) -> bool:
    """Authors change their own visible comment for 15 minutes after writing it."""
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.is_visible
        and comment.within_edit_window()
    )


def delete(user, comment) -> bool:
    """Authors delete their own comments."""
    return user.is_authenticated and comment.author_id == user.pk and not comment.is_deleted


def flag(user, comment) -> bool:
    """Members report other people's visible comments."""
    return read(user) and comment.author_id != user.pk and comment.is_visible


def moderate(user, comment=None) -> bool:
    """Editors hide and restore comments."""
    return is_editor(user)


def follow(user, target=None) -> bool:
    """Anyone signed in follows a published initiative, a focus area or a county; comments
    reach them only as members."""
    return (
        user.is_authenticated
        and getattr(target, "workflow_status", WorkflowStatus.PUBLISERT) == WorkflowStatus.PUBLISERT
    )


def manage_follow(user, follow) -> bool:
    return user.is_authenticated and follow.user_id == user.pk
