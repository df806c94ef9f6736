"""Two-factor authentication as a condition for using a role's powers.

``settings.MFA_REQUIRED_ROLES`` lists role codes (``leder``, ``departement``, ``redaktor``).
Someone who holds one of them must have two-factor authentication before using the portal
signed in; ``MFARequiredMiddleware`` (tillit/accounts/middleware.py) sends them to set it up.
``redaktor`` is held through membership of the portal-operator organisation and, because the
Django admin is an editor's tool, also by every staff user (``is_staff``).
"""

from __future__ import annotations

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from .roles import is_editor, memberships_of

EDITOR = "redaktor"
# The session key the OIDC sign-in sets when the provider vouched for a second factor
# (its ``acr`` was strong enough). Contract with tillit/accounts' SSO code.
SSO_MFA_SESSION_KEY = "tillit_sso_mfa"
# Paths a user who must set up MFA may still open: the account pages (MFA set-up, sessions,
# sign-out, e-mail, password), the language switch, static files, health checks, the
# accessibility statement and the open data API (which answers as to anyone anonymous).
MFA_EXEMPT_PREFIXES = (
    "/konto/",
    "/i18n/",
    "/static/",
    "/healthz",
    "/readyz",
    "/tilgjengelighet/",
    "/personvern/",
    "/api/v1/",
)


def required_roles() -> set[str]:
    return {role for role in getattr(settings, "MFA_REQUIRED_ROLES", []) if role}


def roles_requiring_mfa(user) -> set[str]:
    """The roles ``user`` holds anywhere that need two-factor authentication."""
    required = required_roles()
    if not required or not user.is_authenticated:
        return set()
    held = {role for membership in memberships_of(user) for role in membership.roles}
    if EDITOR in required and (user.is_staff or is_editor(user)):
        held.add(EDITOR)
    return held & required


def mfa_satisfied(user, session=None) -> bool:
    """Has ``user`` two-factor authentication: an allauth authenticator (app, passkey or
    security key), or a sign-in through an identity provider that vouched for a second factor
    (the session flag ``tillit_sso_mfa``)?"""
    if session is not None and session.get(SSO_MFA_SESSION_KEY) is True:
        return True
    return user.is_authenticated and is_mfa_enabled(user, types=["totp", "webauthn"])


def must_set_up_mfa(request) -> bool:
    """Is the signed-in user barred from their powers until they set up MFA?"""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if not roles_requiring_mfa(user):
        return False
    return not mfa_satisfied(user, getattr(request, "session", None))


def is_exempt_path(path: str) -> bool:
    return path.startswith(MFA_EXEMPT_PREFIXES)
