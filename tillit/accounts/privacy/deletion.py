"""Deleting one's own account (``/konto/mine-data/slett/``)."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tillit.accounts.models import Invitation, Membership, User
from tillit.core.audit import audit_maintenance, audit_record
from tillit.core.models import AuditEvent

from .registry import HISTORY_ERASERS, KEPT_ON_DELETION, addressed_to


def is_last_editor(user: User) -> bool:
    """Is ``user`` the only member of the portal-operator organisation left?"""
    editorships = Membership.objects.filter(organisation__is_portal_operator=True)
    return editorships.filter(user=user).exists() and not editorships.exclude(user=user).exists()


def _end_sessions(user: User) -> int:
    """Delete the user's sessions from the session store. Database sessions (the default
    without Redis) are found by decoding each live one; with allauth's user sessions
    installed, those are ended too. In a cache (Redis) the remaining sessions of a deleted
    user no longer load any user and expire on their own."""
    ended = 0
    if apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession  # an optional app: only if installed

        for user_session in UserSession.objects.filter(user=user):
            user_session.end()
            ended += 1
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if issubclass(store_class, DatabaseSessionStore):
        session_model = store_class.get_model_class()
        live = session_model.objects.filter(expire_date__gt=timezone.now())
        keys = [
            session.session_key
            for session in live.iterator()
            if session.get_decoded().get(SESSION_KEY) == str(user.pk)
        ]
        for key in keys:
            store_class(key).delete()
        ended += len(keys)
    return ended


def forget_in_history(user_ids: list[int]) -> None:
    """The audit trail and the apps' histories (``HISTORY_ERASERS``: the measures' history)
    keep only the display names recorded at the time: the users' ids, and the client
    addresses of their events, go. Call inside the transaction that deletes the users."""
    for eraser in HISTORY_ERASERS:
        eraser.forget(user_ids)
    with audit_maintenance():
        AuditEvent.objects.filter(actor_id__in=user_ids).update(actor_id=None, ip_address=None)
        AuditEvent.objects.filter(
            object_type=User._meta.label_lower, object_id__in=[str(pk) for pk in user_ids]
        ).update(object_id="")


def account_delete(*, user: User, password: str) -> dict[str, int]:
    """A signed-in user deletes their own account, confirming with their password (or, for
    an account without one, their e-mail address). In one transaction:

    - comments stay, shown as written by "deleted user"; measures, experience reports and
      attachments stay with their organisation (the creator is set to empty);
    - memberships, requests to join, follows, notifications, e-mail settings, reports of
      comments, import files, e-mail addresses and invitations addressed to them are deleted;
      an organisation may be left without a leader: an editor appoints a new one;
    - the audit trail and the measures' history keep only the display name recorded at the
      time: the user's id, and in the audit trail the client address (IP) of their events,
      are removed, since neither serves the trail once the person is gone;
    - every session of theirs ends.

    The last editor (member of the portal operator) cannot delete their account. Returns
    what was kept, for the confirmation."""
    confirmed = (
        user.check_password(password)
        if user.has_usable_password()
        else password.strip().lower() == user.email.lower()
    )
    if not confirmed:
        raise ValidationError({"password": _("The password is not correct. Nothing was deleted.")})
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if is_last_editor(user):
            raise ValidationError(
                _(
                    "You are the portal's last editor. Make someone else an editor before "
                    "you delete your account."
                )
            )
        kept = {item.key: item.count(user) for item in KEPT_ON_DELETION}
        audit_record(actor=user, action="account.deleted", details=kept)
        Invitation.objects.filter(addressed_to(user)).delete()
        forget_in_history([user.pk])
        _end_sessions(user)
        # Everything else goes by the foreign keys: CASCADE for what was the user's own,
        # SET_NULL for what stays (comments, measures, reports, attachments, decisions).
        user.delete()
    return kept
