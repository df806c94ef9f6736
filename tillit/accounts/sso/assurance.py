"""The provider's assurance level (`acr`) as multi-factor sign-in.

CONTRACT with the MFA enforcement: ``request.session[SSO_MFA_SESSION_KEY] is True`` means this
session's sign-in was through the provider at an `acr` listed in ``OIDC_MFA_ACR_VALUES``.
"""

from django.conf import settings

from tillit.policy.mfa import SSO_MFA_SESSION_KEY


def acr_satisfies_mfa(sociallogin) -> bool:
    """True when the ID token's `acr` is one the operator counts as multi-factor."""
    claims = (sociallogin.account.extra_data or {}).get("id_token") or {}
    acr = claims.get("acr") if isinstance(claims, dict) else None
    return bool(acr) and acr in settings.OIDC_MFA_ACR_VALUES


def sso_session_mark(*, request, sociallogin=None) -> None:
    """Set the session key for a sign-in through the provider at a multi-factor level, and
    remove it for every other sign-in (password, or a lower level)."""
    if sociallogin is not None and acr_satisfies_mfa(sociallogin):
        request.session[SSO_MFA_SESSION_KEY] = True
    else:
        request.session.pop(SSO_MFA_SESSION_KEY, None)
