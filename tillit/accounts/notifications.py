"""E-mails about memberships. Called after commit: a failing mail server is logged, and the
change it reports on is kept."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Invitation, JoinRequest, Membership, Role

logger = logging.getLogger(__name__)


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _send(*, template: str, recipients: list[str], context: dict) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}_body.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # the save stands; the failure is logged for the operators
        logger.exception("Could not send the e-mail %s to %d recipients", template, len(recipients))


def _leader_emails(organisation_id: int) -> list[str]:
    return list(
        Membership.objects.filter(
            organisation_id=organisation_id, roles__contains=[Role.LEDER], user__is_active=True
        ).values_list("user__email", flat=True)
    )


def join_request_created(join_request: JoinRequest) -> None:
    members_url = reverse("accounts:members", args=[join_request.organisation_id])
    _send(
        template="join_request_created",
        recipients=_leader_emails(join_request.organisation_id),
        context={"join_request": join_request, "url": _absolute(members_url)},
    )


def join_request_decided(join_request: JoinRequest) -> None:
    _send(
        template="join_request_decided",
        recipients=[join_request.user.email],
        context={"join_request": join_request, "url": _absolute(reverse("accounts:my_work"))},
    )


def invitation_created(invitation: Invitation) -> None:
    url = reverse("accounts:invitation_accept", args=[invitation.token])
    _send(
        template="invitation",
        recipients=[invitation.email],
        context={"invitation": invitation, "url": _absolute(url)},
    )


def leader_appointed(membership: Membership) -> None:
    url = reverse("accounts:members", args=[membership.organisation_id])
    _send(
        template="leader_appointed",
        recipients=[membership.user.email],
        context={"membership": membership, "url": _absolute(url)},
    )
