"""Sign-in events go to the audit trail. Django's auth signals are the only place they surface;
the receivers only record, they decide nothing."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from tillit.core.audit import audit_record


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
