"""Security writes: ending a user's signed-in sessions (on the sessions page, on a password
change, on deactivation, in the admin) and removing an authenticator in the admin. Every
one leaves an entry in the audit trail."""

from __future__ import annotations

from allauth.core import context
from allauth.usersessions.adapter import DefaultUserSessionsAdapter
from allauth.usersessions.models import UserSession
from django.db import transaction

from tillit.core.audit import audit_record


def user_sessions_end(
    *, user, reason: str, by=None, sessions=None, keep_session_key="", request=None
):
    """End ``user``'s sessions (all, or the given ones), except ``keep_session_key``.

    The user ends their own other sessions; the system ends them all on a password change or
    deactivation (``by`` is then who made the change, if anyone). Returns how many ended.
    """
    if sessions is None:
        sessions = UserSession.objects.filter(user_id=user.pk)
    ended = 0
    with transaction.atomic():
        for session in list(sessions):
            if keep_session_key and session.session_key == keep_session_key:
                continue
            session.end()
            ended += 1
        if ended:
            audit_record(
                actor=by,
                action="session.ended",
                obj=user,
                details={"reason": reason, "count": ended},
                request=request,
            )
    return ended


class PortalUserSessionsAdapter(DefaultUserSessionsAdapter):
    """allauth's sessions page ends sessions through our service, so they are audited."""

    def end_sessions(self, sessions) -> None:
        sessions = list(sessions)
        if not sessions:
            return
        request = context.request
        actor = getattr(request, "user", None)
        user_sessions_end(
            user=sessions[0].user, by=actor, sessions=sessions, reason="by_user", request=request
        )


def mfa_authenticator_remove(*, authenticator, by, request=None) -> None:
    """Editors remove a user's authenticator in the admin (a lost phone or key); the user's own
    removals go through allauth's pages, whose signal records them the same way."""
    with transaction.atomic():
        user = authenticator.user
        kind = str(authenticator.type)
        authenticator.delete()
        audit_record(
            actor=by,
            action="mfa.authenticator_removed",
            obj=user,
            details={"type": kind, "by_admin": True},
            request=request,
        )
