"""Sign-in and MFA events go to the audit trail: Django's and allauth's signals are the only
place they surface. Besides recording, the receivers start the session clock at sign-in and
end a user's sessions when their password changes or their account is deactivated."""

from allauth.core import context as allauth_context
from allauth.mfa import signals as mfa_signals
from allauth.usersessions.models import UserSession
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from tillit.core.audit import audit_record

from .middleware import start_session_clock
from .models import User
from .security import user_sessions_end


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def record_sign_in(sender, request, user, **kwargs):
    audit_record(actor=user, action="auth.signed_in", obj=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def record_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action="auth.signed_out", obj=user, request=request)
    # The signed-out session leaves the list of the user's sessions at once.
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def record_sign_in_failure(sender, credentials, request=None, **kwargs):
    attempted = str(credentials.get("email") or credentials.get("username") or "")[:254]
    audit_record(
        actor=None,
        action="auth.sign_in_failed",
        details={"attempted_email": attempted},
        request=request,
    )


@receiver(user_logged_in, dispatch_uid="start_session_clock")
def start_session_clock_on_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        start_session_clock(request.session)


# --- Two-factor authentication: every change of a user's authenticators is recorded --------


def _record_authenticator(action: str):
    def record(sender, request, user, authenticator, **kwargs):
        audit_record(
            actor=user,
            action=action,
            obj=user,
            details={"type": str(authenticator.type)},
            request=request,
        )

    return record


mfa_signals.authenticator_added.connect(
    _record_authenticator("mfa.authenticator_added"), dispatch_uid="audit_mfa_added", weak=False
)
mfa_signals.authenticator_removed.connect(
    _record_authenticator("mfa.authenticator_removed"), dispatch_uid="audit_mfa_removed", weak=False
)
mfa_signals.authenticator_reset.connect(
    _record_authenticator("mfa.authenticator_reset"), dispatch_uid="audit_mfa_reset", weak=False
)
mfa_signals.authentication_failed.connect(
    _record_authenticator("mfa.authentication_failed"), dispatch_uid="audit_mfa_failed", weak=False
)


# --- A new password or a deactivated account ends the user's sessions -----------------------
# Wherever it happens (the account pages, the admin, a management command), so on the model.


@receiver(pre_save, sender=User, dispatch_uid="note_deactivation")
def note_deactivation(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or instance.is_active:
        return
    if update_fields is not None and "is_active" not in update_fields:
        return
    instance._tillit_deactivated = User.objects.filter(pk=instance.pk, is_active=True).exists()


@receiver(post_save, sender=User, dispatch_uid="end_sessions_on_password_or_deactivation")
def end_sessions_on_password_or_deactivation(sender, instance, created, **kwargs):
    if created:
        return
    deactivated = getattr(instance, "_tillit_deactivated", False)
    instance._tillit_deactivated = False
    password_changed = getattr(instance, "_password", None) is not None
    if not (deactivated or password_changed):
        return
    # The request being served keeps its session: allauth signs it out after a password
    # change (ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE) and the admin gives it a new key.
    request = allauth_context.request
    current = getattr(getattr(request, "session", None), "session_key", "") or ""
    actor = getattr(request, "user", None)
    user_sessions_end(
        user=instance,
        by=actor if actor is not None and actor.is_authenticated else None,
        reason="deactivated" if deactivated else "password_changed",
        keep_session_key=current,
        request=request,
    )
