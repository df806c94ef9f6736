"""Sign-in events go to the audit trail. Django's and allauth's signals are the only place they
surface; the receivers only record (and mark the session after single sign-on), deciding nothing."""

from allauth.account.signals import user_logged_in as allauth_user_logged_in
from allauth.account.signals import user_signed_up
from allauth.socialaccount.signals import social_account_added, social_account_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from tillit.core.audit import audit_record

from .sso.assurance import sso_session_mark


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def record_sign_in(sender, request, user, **kwargs):
    audit_record(actor=user, action="auth.signed_in", obj=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def record_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action="auth.signed_out", obj=user, request=request)


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
