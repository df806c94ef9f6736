"""Sign-in and MFA events go to the audit trail: Django's and allauth's signals are the only
place they surface. Besides recording, the receivers start the session clock at sign-in, mark
the session after single sign-on, and end a user's sessions when their password changes or
their account is deactivated."""

from allauth.account.signals import user_logged_in as allauth_user_logged_in
from allauth.account.signals import user_signed_up
from allauth.core import context as allauth_context
from allauth.mfa import signals as mfa_signals
from allauth.socialaccount.signals import social_account_added, social_account_removed
from allauth.usersessions.models import UserSession
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from tillit.core.audit import audit_record

from .middleware import SESSION_EXPIRED_FLAG, start_session_clock
from .models import User
from .security import user_sessions_end
from .sso.assurance import sso_session_mark


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def record_sign_in(sender, request, user, **kwargs):
    audit_record(actor=user, action="auth.signed_in", obj=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def record_sign_out(sender, request, user, **kwargs):
    # A timed-out session is recorded once, as session.expired, by the middleware.
    if user is not None and not getattr(request, SESSION_EXPIRED_FLAG, False):
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


# --- Single sign-on (allauth's social accounts) ----------------------------------------------


@receiver(allauth_user_logged_in, dispatch_uid="sso_mfa_session_mark")
def mark_sso_assurance(sender, request, user, sociallogin=None, **kwargs):
    """allauth's sign-in signal is the one place where the finished sign-in (after e-mail
    verification, if any) meets the provider's ID token; the rule is in ``sso.assurance``."""
    sso_session_mark(request=request, sociallogin=sociallogin)


@receiver(user_signed_up, dispatch_uid="audit_sso_signed_up")
def record_sso_sign_up(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is not None:
        _record_sso(request, user, sociallogin.account, "sso.connected", "signup")


@receiver(social_account_added, dispatch_uid="audit_sso_connected")
def record_sso_connected(sender, request, sociallogin, **kwargs):
    _record_sso(request, sociallogin.user, sociallogin.account, "sso.connected", "connect")


@receiver(social_account_removed, dispatch_uid="audit_sso_disconnected")
def record_sso_disconnected(sender, request, socialaccount, **kwargs):
    _record_sso(request, request.user, socialaccount, "sso.disconnected", "disconnect")


def _record_sso(request, user, account, action: str, how: str) -> None:
    audit_record(
        actor=user,
        action=action,
        obj=user,
        details={"provider": account.provider, "how": how},
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
