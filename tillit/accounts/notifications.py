"""E-mails about memberships. Called after commit: a failing mail server is logged, and the
change it reports on is kept."""

from __future__ import annotations

from django.urls import reverse

from tillit.core.mail import absolute_url, send_templated

from .models import Invitation, JoinRequest, Membership, Role
from .selectors import join_request_deciders


def _send(*, template: str, recipients: list[str], context: dict) -> None:
    send_templated(template=f"accounts/email/{template}", recipients=recipients, context=context)


def leader_emails(organisation_id: int) -> list[str]:
    return list(
        Membership.objects.filter(
            organisation_id=organisation_id, roles__contains=[Role.LEDER], user__is_active=True
        ).values_list("user__email", flat=True)
    )


def join_request_created(join_request: JoinRequest) -> None:
    """To the organisation's leaders, or to the portal's editors when it has none."""
    members_url = reverse("accounts:members", args=[join_request.organisation_id])
    leaders_decide, deciders = join_request_deciders(join_request.organisation_id)
    _send(
        template="join_request_created",
        recipients=list(deciders.values_list("email", flat=True)),
        context={
            "join_request": join_request,
            "url": absolute_url(members_url),
            "to_editors": not leaders_decide,
        },
    )


def join_request_decided(join_request: JoinRequest) -> None:
    _send(
        template="join_request_decided",
        recipients=[join_request.user.email],
        context={"join_request": join_request, "url": absolute_url(reverse("accounts:my_work"))},
    )


def invitation_created(invitation: Invitation) -> None:
    url = reverse("accounts:invitation_accept", args=[invitation.token])
    _send(
        template="invitation",
        recipients=[invitation.email],
        context={"invitation": invitation, "url": absolute_url(url)},
    )


def leader_appointed(membership: Membership) -> None:
    url = reverse("accounts:members", args=[membership.organisation_id])
    _send(
        template="leader_appointed",
        recipients=[membership.user.email],
        context={"membership": membership, "url": absolute_url(url)},
    )
