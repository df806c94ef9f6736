"""Everything the portal holds about one user, for the download at ``/konto/mine-data/``.

Each kind of data is one small function registered with ``@section``, which names the
relations to the user model it accounts for (``covers``); a test fails when a model gains a
relation to the user that no section covers and ``NOT_EXPORTED`` does not explain. A section
for an optional app (``app=``) is only registered when that app is installed. The export
holds only the user's own data: no other person's name or address.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tillit.core.models import AuditEvent


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    read: Callable[[Any], Any]
    covers: tuple[str, ...]


SECTIONS: list[Section] = []

# Relations to the user model that no section exports, and why.
NOT_EXPORTED: dict[str, str] = {}


def section(key: str, label, *, covers: tuple[str, ...] = (), app: str | None = None):
    """Register ``read(user)`` as the export's ``key``; ``covers`` lists the relations to
    the user it accounts for, as ``"app_label.Model.field"``."""

    def register(read):
        if app is None or apps.is_installed(app):
            SECTIONS.append(Section(key, label, read, covers))
        return read

    return register


def user_data_export(user) -> dict[str, Any]:
    """The whole export for ``user`` (only ever the signed-in user themselves)."""
    data: dict[str, Any] = {
        "portal": "Tillitsportalen",
        "exported_at": timezone.now(),
    }
    for item in SECTIONS:
        data[item.key] = item.read(user)
    return data


def user_data_summary(user) -> list[tuple[str, int]]:
    """How many things of each kind the export holds, for the page that explains it."""
    return [(item.label, _count(item.read(user))) for item in SECTIONS]


def _count(value) -> int:
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict) and value and all(isinstance(v, list) for v in value.values()):
        return sum(len(v) for v in value.values())
    return 1 if value else 0


def addressed_to(user) -> Q:
    """Matches rows whose ``email`` is one of the user's addresses, in any case."""
    from allauth.account.models import EmailAddress

    addresses = {user.email} | set(
        EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return reduce(operator.or_, (Q(email__iexact=address) for address in addresses))


def _rows(queryset, *fields) -> list[dict]:
    return list(queryset.values(*fields))


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
    from allauth.account.models import EmailAddress

    return {
        "id": user.pk,
        "name": user.name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "is_demo": user.is_demo,
        "has_password": user.has_usable_password(),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "permissions": sorted(user.user_permissions.values_list("codename", flat=True)),
        "email_addresses": _rows(
            EmailAddress.objects.filter(user=user).order_by("pk"), "email", "verified", "primary"
        ),
    }


@section("memberships", _("Memberships and roles"), covers=("accounts.Membership.user",))
def _memberships(user):
    from tillit.accounts.models import Membership

    return _rows(
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
    from tillit.accounts.models import JoinRequest

    fields = ("id", "organisation_id", "organisation__name", "status", "created_at")
    return {
        "made": _rows(
            JoinRequest.objects.filter(user=user).order_by("pk"),
            *fields,
            "roles",
            "union_name",
            "message",
            "decided_at",
            "decision_note",
        ),
        # Decisions on other people's requests: without the applicant.
        "decided": _rows(
            JoinRequest.objects.filter(decided_by=user).order_by("pk"),
            *fields,
            "decided_at",
            "decision_note",
        ),
    }


@section("invitations", _("Invitations"), covers=("accounts.Invitation.invited_by",))
def _invitations(user):
    from tillit.accounts.models import Invitation

    fields = ("id", "organisation_id", "organisation__name", "roles", "union_name")
    received = _rows(
        Invitation.objects.filter(addressed_to(user)).order_by("pk"),
        *fields,
        "email",
        "created_at",
        "expires_at",
        "accepted_at",
    )
    # Invitations the user sent: without the invited person's address.
    sent = _rows(
        Invitation.objects.filter(invited_by=user).order_by("pk"),
        *fields,
        "created_at",
        "expires_at",
        "accepted_at",
    )
    return {"received": received, "sent": sent}


@section(
    "measures",
    _("Measures you registered, changed or assessed"),
    covers=("initiatives.Initiative.created_by", "initiatives.Initiative.union_assessed_by"),
)
def _measures(user):
    from initiatives.models import Initiative, InitiativeChange

    fields = ("id", "title", "organisation_id", "organisation__name", "workflow_status")
    return {
        "registered": _rows(
            Initiative.objects.filter(created_by=user).order_by("pk"), *fields, "created_at"
        ),
        "assessed_as_union_representative": _rows(
            Initiative.objects.filter(union_assessed_by=user).order_by("pk"),
            *fields,
            "union_assessment",
            "union_assessment_text",
            "union_assessment_union",
            "union_assessed_at",
        ),
        # InitiativeChange keeps the actor as id and name (no foreign key).
        "changes": _rows(
            InitiativeChange.objects.filter(actor_id=user.pk).order_by("pk"),
            "initiative_id",
            "created_at",
            "actor_name",
            "action",
            "note",
            "fields",
        ),
    }


@section(
    "experience_reports",
    _("Experience reports you wrote"),
    covers=("initiatives.ExperienceReport.created_by",),
)
def _experience_reports(user):
    from initiatives.models import ExperienceReport

    return _rows(
        ExperienceReport.objects.filter(created_by=user).order_by("pk"),
        "id",
        "initiative_id",
        "title",
        "workflow_status",
        "created_at",
        "updated_at",
        "published_at",
    )


@section("attachments", _("Files you uploaded"), covers=("initiatives.Attachment.uploaded_by",))
def _attachments(user):
    from initiatives.models import Attachment

    return _rows(
        Attachment.objects.filter(uploaded_by=user).order_by("pk"),
        "id",
        "initiative_id",
        "original_name",
        "content_type",
        "size",
        "uploaded_at",
    )


@section("comments", _("Comments"), covers=("initiatives.Comment.author",))
def _comments(user):
    from initiatives.models import Comment

    return _rows(
        Comment.objects.filter(author=user).order_by("pk"),
        "id",
        "initiative_id",
        "report_id",
        "parent_id",
        "author_label",
        "body",
        "status",
        "created_at",
        "edited_at",
        "deleted_at",
    )


@section(
    "comment_reports",
    _("Comments you reported"),
    covers=("initiatives.CommentFlag.reporter",),
)
def _comment_reports(user):
    from initiatives.models import CommentFlag

    return _rows(
        CommentFlag.objects.filter(reporter=user).order_by("pk"),
        "comment_id",
        "reason",
        "note",
        "created_at",
        "resolved_at",
    )


@section(
    "moderation",
    _("Your moderation of comments"),
    covers=("initiatives.ModerationAction.moderator",),
)
def _moderation(user):
    from initiatives.models import ModerationAction

    return _rows(
        ModerationAction.objects.filter(moderator=user).order_by("pk"),
        "comment_id",
        "moderator_name",
        "kind",
        "reason",
        "created_at",
    )


@section("follows", _("What you follow"), covers=("initiatives.Follow.user",))
def _follows(user):
    from initiatives.models import Follow

    return _rows(
        Follow.objects.filter(user=user).order_by("pk"),
        "initiative_id",
        "focus_area__slug",
        "county_id",
        "frequency",
        "created_at",
    )


@section(
    "mail_preferences",
    _("E-mail settings"),
    covers=("initiatives.MailPreferences.user",),
)
def _mail_preferences(user):
    from initiatives.models import MailPreferences

    rows = _rows(MailPreferences.objects.filter(user=user), "comments_on_own", "overdue_reminders")
    return rows[0] if rows else None


@section("notifications", _("Notifications"), covers=("initiatives.Notification.recipient",))
def _notifications(user):
    from initiatives.models import Notification

    return _rows(
        Notification.objects.filter(recipient=user).order_by("pk"),
        "event",
        "initiative_id",
        "report_id",
        "comment_id",
        "immediate",
        "created_at",
        "sent_at",
    )


@section(
    "yearbook_picks",
    _("Measures you picked for the yearly overview"),
    covers=("initiatives.YearbookPick.picked_by",),
)
def _yearbook_picks(user):
    from initiatives.models import YearbookPick

    return _rows(
        YearbookPick.objects.filter(picked_by=user).order_by("pk"),
        "year",
        "initiative_id",
        "picked_at",
    )


@section("imports", _("Files you imported"), covers=("reporting.ImportBatch.created_by",))
def _imports(user):
    from reporting.models import ImportBatch

    rows = _rows(
        ImportBatch.objects.filter(created_by=user).order_by("created_at"),
        "id",
        "organisation_id",
        "file_name",
        "mode",
        "status",
        "created_at",
        "saved_at",
        "rows",
        "result",
    )
    for row in rows:
        row["id"] = str(row["id"])
    return rows


@section("admin_log", _("Changes in the administration pages"), covers=("admin.LogEntry.user",))
def _admin_log(user):
    from django.contrib.admin.models import LogEntry

    return _rows(
        LogEntry.objects.filter(user=user).order_by("pk"),
        "action_time",
        "content_type__app_label",
        "content_type__model",
        "object_id",
        "object_repr",
        "action_flag",
        "change_message",
    )


@section("audit_trail", _("What you did, from the audit trail"))
def _audit_trail(user):
    # AuditEvent keeps the actor as id and name (no foreign key), so the trail outlives users.
    return _rows(
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


# --- optional apps: registered only when installed -----------------------------------------


@section(
    "two_factor",
    _("Two-factor authentication"),
    covers=("mfa.Authenticator.user",),
    app="allauth.mfa",
)
def _authenticators(user):
    from allauth.mfa.models import Authenticator

    # The secrets in ``data`` are never exported.
    return _rows(
        Authenticator.objects.filter(user=user).order_by("pk"), "type", "created_at", "last_used_at"
    )


@section(
    "sessions",
    _("Where you are signed in"),
    covers=("usersessions.UserSession.user",),
    app="allauth.usersessions",
)
def _user_sessions(user):
    from allauth.usersessions.models import UserSession

    # Never the session key: it would let anyone holding the file sign in as the user.
    return _rows(
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
)
def _social_accounts(user):
    from allauth.socialaccount.models import SocialAccount

    return _rows(
        SocialAccount.objects.filter(user=user).order_by("pk"),
        "provider",
        "uid",
        "date_joined",
        "last_login",
        "extra_data",
    )
