"""Rules about organisations, memberships and invitations."""

from allauth.account.models import EmailAddress

from tillit.accounts.models import Invitation, JoinRequest, Organisation

from .roles import is_editor, is_leader, is_member


def request_join(user, organisation: Organisation) -> bool:
    if not user.is_authenticated or is_member(user, organisation):
        return False
    return not JoinRequest.objects.filter(
        user=user, organisation=organisation, status=JoinRequest.Status.PENDING
    ).exists()


def accept_invitation(user, invitation: Invitation) -> bool:
    if not user.is_authenticated or not invitation.is_open:
        return False
    return EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()


def editor(user, obj) -> bool:
    return is_editor(user)


def leader_or_editor(user, organisation) -> bool:
    return is_editor(user) or is_leader(user, organisation)


def decide_join_request(user, join_request: JoinRequest) -> bool:
    return join_request.status == JoinRequest.Status.PENDING and leader_or_editor(
        user, join_request.organisation_id
    )


def change_membership(user, membership) -> bool:
    return leader_or_editor(user, membership.organisation_id)
