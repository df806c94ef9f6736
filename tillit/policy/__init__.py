"""The one place that answers: may this user do this action on this object?

Views name the action they need (``PolicyRequiredMixin.permission_action``); services call
``require``; querysets use ``visible_to(user)``, built from the same rules.
"""

from __future__ import annotations

from enum import StrEnum

from django.core.exceptions import PermissionDenied

from . import audit, comments, experience, initiatives, organisations, yearbook
from .roles import forget_cached_roles, is_editor, roles_in

__all__ = ["Action", "can", "forget_cached_roles", "is_editor", "require", "roles_in"]


class Action(StrEnum):
    ORGANISATION_CREATE = "organisation.create"
    ORGANISATION_EDIT = "organisation.edit"
    ORGANISATION_REQUEST_JOIN = "organisation.request_join"
    ORGANISATION_MANAGE_MEMBERS = "organisation.manage_members"
    ORGANISATION_APPOINT_LEADER = "organisation.appoint_leader"
    JOIN_REQUEST_DECIDE = "join_request.decide"
    MEMBERSHIP_CHANGE = "membership.change"
    INVITATION_ACCEPT = "invitation.accept"
    INITIATIVE_CREATE = "initiative.create"
    INITIATIVE_VIEW = "initiative.view"
    INITIATIVE_EDIT = "initiative.edit"
    INITIATIVE_SUBMIT = "initiative.submit"
    INITIATIVE_REVIEW = "initiative.review"
    INITIATIVE_ARCHIVE = "initiative.archive"
    INITIATIVE_UNPUBLISH = "initiative.unpublish"
    INITIATIVE_ASSESS = "initiative.assess"
    INITIATIVE_VIEW_HISTORY = "initiative.view_history"
    INITIATIVE_IMPORT = "initiative.import"
    INITIATIVE_DELETE = "initiative.delete"
    EXPERIENCE_CREATE = "experience.create"
    EXPERIENCE_VIEW = "experience.view"
    EXPERIENCE_EDIT = "experience.edit"
    EXPERIENCE_SUBMIT = "experience.submit"
    EXPERIENCE_PUBLISH = "experience.publish"
    EXPERIENCE_UNPUBLISH = "experience.unpublish"
    FOCUS_AREA_EDIT = "focus_area.edit"
    COMMENT_READ = "comment.read"
    COMMENT_CREATE = "comment.create"
    COMMENT_REPLY = "comment.reply"
    COMMENT_EDIT = "comment.edit"
    COMMENT_DELETE = "comment.delete"
    COMMENT_FLAG = "comment.flag"
    COMMENT_MODERATE = "comment.moderate"
    FOLLOW = "follow.create"
    FOLLOW_MANAGE = "follow.manage"
    YEARBOOK_SELECT = "yearbook.select"
    AUDIT_READ = "audit.read"


RULES = {
    Action.ORGANISATION_CREATE: organisations.editor,
    Action.ORGANISATION_EDIT: organisations.editor,
    Action.ORGANISATION_REQUEST_JOIN: organisations.request_join,
    Action.ORGANISATION_MANAGE_MEMBERS: organisations.leader_or_editor,
    Action.ORGANISATION_APPOINT_LEADER: organisations.editor,
    Action.JOIN_REQUEST_DECIDE: organisations.decide_join_request,
    Action.MEMBERSHIP_CHANGE: organisations.change_membership,
    Action.INVITATION_ACCEPT: organisations.accept_invitation,
    Action.INITIATIVE_CREATE: initiatives.create,
    Action.INITIATIVE_VIEW: initiatives.view,
    Action.INITIATIVE_EDIT: initiatives.edit,
    Action.INITIATIVE_SUBMIT: initiatives.submit,
    Action.INITIATIVE_REVIEW: initiatives.review,
    Action.INITIATIVE_ARCHIVE: initiatives.archive,
    Action.INITIATIVE_UNPUBLISH: initiatives.unpublish,
    Action.INITIATIVE_ASSESS: initiatives.assess,
    Action.INITIATIVE_VIEW_HISTORY: initiatives.view_history,
    Action.INITIATIVE_IMPORT: initiatives.import_into,
    Action.INITIATIVE_DELETE: initiatives.delete,
    Action.EXPERIENCE_CREATE: experience.create,
    Action.EXPERIENCE_VIEW: experience.view,
    Action.EXPERIENCE_EDIT: experience.edit,
    Action.EXPERIENCE_SUBMIT: experience.submit,
    Action.EXPERIENCE_PUBLISH: experience.publish,
    Action.EXPERIENCE_UNPUBLISH: experience.unpublish,
    Action.FOCUS_AREA_EDIT: experience.edit_focus_area,
    Action.COMMENT_READ: comments.read,
    Action.COMMENT_CREATE: comments.create,
    Action.COMMENT_REPLY: comments.reply,
    Action.COMMENT_EDIT: comments.edit,
    Action.COMMENT_DELETE: comments.delete,
    Action.COMMENT_FLAG: comments.flag,
    Action.COMMENT_MODERATE: comments.moderate,
    Action.FOLLOW: comments.follow,
    Action.FOLLOW_MANAGE: comments.manage_follow,
    Action.YEARBOOK_SELECT: yearbook.select,
    Action.AUDIT_READ: audit.read,
}


def can(user, action: Action | str, obj=None) -> bool:
    """May ``user`` do ``action`` on ``obj``? Unknown actions are always refused."""
    try:
        rule = RULES[Action(action)]
    except ValueError:
        return False
    return bool(rule(user, obj))


def require(user, action: Action | str, obj=None) -> None:
    """Raise ``PermissionDenied`` unless ``can(user, action, obj)``; used by services."""
    if not can(user, action, obj):
        raise PermissionDenied(f"{action} refused")
