"""The platform's sections of the user's data export: the account, memberships and
invitations first; the admin log, the audit trail and the optional apps' data after every
app's sections (``last=True``). Imported by ``AccountsConfig.ready()``, which registers them."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.utils.translation import gettext_lazy as _

from tillit.accounts.models import Invitation, JoinRequest, Membership
from tillit.core.models import AuditEvent

from .registry import addressed_to, rows, section


@section(
    "profile",
    _("Profile"),
    covers=(
        "account.EmailAddress.user",
        "accounts.User_groups.user",
        "accounts.User_user_permissions.user",
    ),
)
def _profile(user):
    return {
        "id": user.pk,
        "name": user.name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "work_page_seen_at": user.work_page_seen_at,
        "work_page_news_since": user.work_page_news_since,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "is_demo": user.is_demo,
        "has_password": user.has_usable_password(),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "permissions": sorted(user.user_permissions.values_list("codename", flat=True)),
        "email_addresses": rows(
            EmailAddress.objects.filter(user=user).order_by("pk"), "email", "verified", "primary"
        ),
    }


@section("memberships", _("Memberships and roles"), covers=("accounts.Membership.user",))
def _memberships(user):
    return rows(
        Membership.objects.filter(user=user).order_by("pk"),
        "organisation_id",
        "organisation__name",
        "roles",
        "union_name",
        "created_at",
        "updated_at",
    )


@section(
    "join_requests",
    _("Requests to join"),
    covers=("accounts.JoinRequest.user", "accounts.JoinRequest.decided_by"),
)
def _join_requests(user):
    fields = ("id", "organisation_id", "organisation__name", "status", "created_at")
    return {
        "made": rows(
            JoinRequest.objects.filter(user=user).order_by("pk"),
            *fields,
            "roles",
            "union_name",
            "message",
            "decided_at",
            "decision_note",
        ),
        # Decisions on other people's requests: without the applicant.
        "decided": rows(
            JoinRequest.objects.filter(decided_by=user).order_by("pk"),
            *fields,
            "decided_at",
            "decision_note",
        ),
    }


@section("invitations", _("Invitations"), covers=("accounts.Invitation.invited_by",))
def _invitations(user):
    fields = ("id", "organisation_id", "organisation__name", "roles", "union_name")
    received = rows(
        Invitation.objects.filter(addressed_to(user)).order_by("pk"),
        *fields,
        "email",
        "created_at",
        "expires_at",
        "accepted_at",
    )
    # Invitations the user sent: without the invited person's address.
    sent = rows(
        Invitation.objects.filter(invited_by=user).order_by("pk"),
        *fields,
        "created_at",
        "expires_at",
        "accepted_at",
    )
    return {"received": received, "sent": sent}


@section(
    "admin_log",
    _("Changes in the administration pages"),
    covers=("admin.LogEntry.user",),
    last=True,
)
def _admin_log(user):
    return rows(
        LogEntry.objects.filter(user=user).order_by("pk"),
        "action_time",
        "content_type__app_label",
        "content_type__model",
        "object_id",
        "object_repr",
        "action_flag",
        "change_message",
    )


@section("audit_trail", _("What you did, from the audit trail"), last=True)
def _audit_trail(user):
    # AuditEvent keeps the actor as id and name (no foreign key), so the trail outlives users.
    return rows(
        AuditEvent.objects.filter(actor_id=user.pk).order_by("pk"),
        "created_at",
        "action",
        "actor_name",
        "object_type",
        "object_id",
        "object_repr",
        "organisation_id",
        "ip_address",
        "details",
    )


# --- optional apps: registered only when installed -------------------------------------------
# Their models are imported inside the reader: importing an uninstalled app's models fails.


@section(
    "two_factor",
    _("Two-factor authentication"),
    covers=("mfa.Authenticator.user",),
    app="allauth.mfa",
    last=True,
)
def _authenticators(user):
    from allauth.mfa.models import Authenticator  # an optional app: only if installed

    # The secrets in ``data`` are never exported.
    return rows(
        Authenticator.objects.filter(user=user).order_by("pk"), "type", "created_at", "last_used_at"
    )


@section(
    "sessions",
    _("Where you are signed in"),
    covers=("usersessions.UserSession.user",),
    app="allauth.usersessions",
    last=True,
)
def _user_sessions(user):
    from allauth.usersessions.models import UserSession  # an optional app: only if installed

    # Never the session key: it would let anyone holding the file sign in as the user.
    return rows(
        UserSession.objects.filter(user=user).order_by("pk"),
        "created_at",
        "last_seen_at",
        "ip",
        "user_agent",
    )


@section(
    "single_sign_on",
    _("Single sign-on accounts"),
    covers=("socialaccount.SocialAccount.user",),
    app="allauth.socialaccount",
    last=True,
)
def _social_accounts(user):
    from allauth.socialaccount.models import SocialAccount  # an optional app: only if installed

    return rows(
        SocialAccount.objects.filter(user=user).order_by("pk"),
        "provider",
        "uid",
        "date_joined",
        "last_login",
        "extra_data",
    )
