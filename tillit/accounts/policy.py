"""The one place that answers: may this user do this action on this object?

Views name the action they need (see ``PolicyRequiredMixin``); services call ``require``.
Roles come from memberships, which are read once per request and cached on the user.
"""

from __future__ import annotations

from enum import StrEnum

from django.core.exceptions import PermissionDenied

from .models import Invitation, JoinRequest, Membership, Organisation, Role


class Action(StrEnum):
    ORGANISATION_CREATE = "organisation.create"
    ORGANISATION_EDIT = "organisation.edit"
    ORGANISATION_REQUEST_JOIN = "organisation.request_join"
    ORGANISATION_MANAGE_MEMBERS = "organisation.manage_members"
    ORGANISATION_APPOINT_LEADER = "organisation.appoint_leader"
    ORGANISATION_VIEW_AUDIT = "organisation.view_audit"
    JOIN_REQUEST_DECIDE = "join_request.decide"
    MEMBERSHIP_CHANGE = "membership.change"
    INVITATION_ACCEPT = "invitation.accept"
    ADMIN_ACCESS = "admin.access"


def _memberships(user) -> dict[int, Membership]:
    cached = getattr(user, "_tillit_memberships", None)
    if cached is None:
        cached = {
            m.organisation_id: m
            for m in Membership.objects.filter(user=user).select_related("organisation")
        }
        user._tillit_memberships = cached
    return cached


def forget_cached_roles(user) -> None:
    """Call after a membership of ``user`` changed within the same request."""
    if hasattr(user, "_tillit_memberships"):
        del user._tillit_memberships


def roles_in(user, organisation: Organisation | int) -> set[str]:
    if not user.is_authenticated:
        return set()
    organisation_id = getattr(organisation, "pk", organisation)
    membership = _memberships(user).get(organisation_id)
    return set(membership.roles) if membership else set()


def is_member(user, organisation) -> bool:
    return bool(roles_in(user, organisation))


def is_editor(user) -> bool:
    """Editors (redaktør) are the members of the portal-operator organisation."""
    if not user.is_authenticated:
        return False
    return any(m.organisation.is_portal_operator for m in _memberships(user).values())


def is_leader(user, organisation) -> bool:
    return Role.LEDER in roles_in(user, organisation)


def _request_join(user, organisation: Organisation) -> bool:
    if not user.is_authenticated or is_member(user, organisation):
        return False
    return not JoinRequest.objects.filter(
        user=user, organisation=organisation, status=JoinRequest.Status.PENDING
    ).exists()


def _accept_invitation(user, invitation: Invitation) -> bool:
    if not user.is_authenticated or not invitation.is_open:
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()


RULES = {
    Action.ORGANISATION_CREATE: lambda user, obj: is_editor(user),
    Action.ORGANISATION_EDIT: lambda user, obj: is_editor(user),
    Action.ORGANISATION_REQUEST_JOIN: _request_join,
    Action.ORGANISATION_MANAGE_MEMBERS: lambda user, obj: is_editor(user) or is_leader(user, obj),
    Action.ORGANISATION_APPOINT_LEADER: lambda user, obj: is_editor(user),
    Action.ORGANISATION_VIEW_AUDIT: lambda user, obj: is_editor(user) or is_leader(user, obj),
    Action.JOIN_REQUEST_DECIDE: lambda user, obj: (
        obj.status == JoinRequest.Status.PENDING
        and (is_editor(user) or is_leader(user, obj.organisation_id))
    ),
    Action.MEMBERSHIP_CHANGE: lambda user, obj: (
        is_editor(user) or is_leader(user, obj.organisation_id)
    ),
    Action.INVITATION_ACCEPT: _accept_invitation,
    Action.ADMIN_ACCESS: lambda user, obj: user.is_authenticated and user.is_staff,
}


def can(user, action: Action | str, obj=None) -> bool:
    """May ``user`` do ``action`` on ``obj``? Unknown actions are always refused."""
    rule = RULES.get(Action(action)) if action in Action._value2member_map_ else None
    return bool(rule and rule(user, obj))


def require(user, action: Action | str, obj=None) -> None:
    """Raise ``PermissionDenied`` unless ``can(user, action, obj)``; used by services."""
    if not can(user, action, obj):
        raise PermissionDenied(f"{action} refused")
