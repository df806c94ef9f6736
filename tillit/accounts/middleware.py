"""Session lifetime and the two-factor requirement, checked on every signed-in request."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from tillit.core.audit import audit_record
from tillit.policy.mfa import is_exempt_path, must_set_up_mfa

SIGNED_IN_AT = "tillit_signed_in_at"
LAST_SEEN_AT = "tillit_last_seen_at"
# The last request's time is written to the session at most this often (seconds), so that
# not every page view writes the session; an idle timeout may thus come up to this early.
LAST_SEEN_RESOLUTION = 60
# Set on a request whose session timed out, so the sign-out is not audited a second time.
SESSION_EXPIRED_FLAG = "tillit_session_expired"


def _redirect(request, url: str) -> HttpResponse:
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


def start_session_clock(session) -> None:
    """Called at sign-in (tillit/accounts/receivers.py): both timeouts count from now."""
    now = int(time.time())
    session[SIGNED_IN_AT] = now
    session[LAST_SEEN_AT] = now


class SessionTimeoutMiddleware:
    """Signs out a session idle for ``SESSION_IDLE_TIMEOUT`` seconds or signed in for longer
    than ``SESSION_ABSOLUTE_TIMEOUT``, and sends the user to the sign-in page with a message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._check(request)
            if expired:
                return self._sign_out(request, expired)
        return self.get_response(request)

    def _check(self, request) -> str:
        session = request.session
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen_at = session.get(LAST_SEEN_AT)
        if signed_in_at is None:  # signed in before the clock existed: start it now
            start_session_clock(session)
            return ""
        if now - signed_in_at > settings.SESSION_ABSOLUTE_TIMEOUT:
            return "absolute"
        if last_seen_at is not None and now - last_seen_at > settings.SESSION_IDLE_TIMEOUT:
            return "idle"
        if last_seen_at is None or now - last_seen_at >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN_AT] = now
        return ""

    def _sign_out(self, request, reason: str) -> HttpResponse:
        user = request.user
        audit_record(
            actor=user,
            action="session.expired",
            obj=user,
            details={"reason": reason},
            request=request,
        )
        setattr(request, SESSION_EXPIRED_FLAG, True)
        logout(request)
        if reason == "idle":
            text = _(
                "You were signed out because you had been inactive for a while. "
                "Please sign in again."
            )
        else:
            text = _(
                "You were signed out because your session had lasted its maximum time. "
                "Please sign in again."
            )
        messages.info(request, text)
        url = reverse(settings.LOGIN_URL)
        if request.method == "GET":
            url = f"{url}?{urlencode({'next': request.get_full_path()})}"
        return _redirect(request, url)


class MFARequiredMiddleware:
    """A user whose role needs two-factor authentication (``MFA_REQUIRED_ROLES``) and who has
    none yet is sent to its set-up page from every page but the exempt ones
    (``tillit.policy.mfa.MFA_EXEMPT_PREFIXES``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_exempt_path(request.path) and must_set_up_mfa(request):
            messages.warning(
                request,
                _(
                    "Your role in the portal requires two-factor authentication. Set up an "
                    "authenticator app or a passkey to continue."
                ),
            )
            return _redirect(request, reverse("mfa_index"))
        return self.get_response(request)
