"""The one place that answers: may this user do this action on this object?

The platform names every action (``Action``) and answers with ``can`` and ``require``; the
apps declare the rules. Each app hands its rules (``{Action: rule(user, obj) -> bool}``) to
``register`` in its ``AppConfig.ready()``: the platform declares the rules about organisations
and the audit trail here, ``initiatives.rules`` those about initiatives, experience reports,
comments and the yearbook. An action gets exactly one rule; a second registration fails, and
a system check (``tillit.policy.E001``) fails while any action has none. Views name the action
they need (``PolicyRequiredMixin.permission_action``); services call ``require``; querysets use
``visible_to(user)``, built by the apps from the same rules.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from . import audit, organisations
from .actions import Action
from .roles import forget_cached_roles, is_editor, roles_in
from .rules import register, rule_for

__all__ = [
    "Action",
    "can",
    "forget_cached_roles",
    "is_editor",
    "register",
    "require",
    "roles_in",
]


register(
    {
        Action.ORGANISATION_CREATE: organisations.editor,
        Action.ORGANISATION_EDIT: organisations.editor,
        Action.ORGANISATION_REQUEST_JOIN: organisations.request_join,
        Action.ORGANISATION_MANAGE_MEMBERS: organisations.leader_or_editor,
        Action.ORGANISATION_APPOINT_LEADER: organisations.editor,
        Action.JOIN_REQUEST_DECIDE: organisations.decide_join_request,
        Action.MEMBERSHIP_CHANGE: organisations.change_membership,
        Action.INVITATION_ACCEPT: organisations.accept_invitation,
        Action.AUDIT_READ: audit.read,
    }
)


def can(user, action: Action | str, obj=None) -> bool:
    """May ``user`` do ``action`` on ``obj``? Unknown actions, and actions without a rule,
    are always refused."""
    try:
        rule = rule_for(Action(action))
    except ValueError:
        return False
    return rule is not None and bool(rule(user, obj))


def require(user, action: Action | str, obj=None) -> None:
    """Raise ``PermissionDenied`` unless ``can(user, action, obj)``; used by services."""
    if not can(user, action, obj):
        raise PermissionDenied(f"{action} refused")
