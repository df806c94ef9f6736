"""allauth's generic OpenID Connect provider with a nonce in every authentication request,
checked against the ID token, and without national identity numbers in what is stored."""

import copy
import logging
import secrets

from allauth.account.models import EmailAddress
from allauth.socialaccount.providers.base import ProviderException
from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProvider,
    _pick_data,
)
from django.conf import settings
from django.utils.crypto import constant_time_compare

logger = logging.getLogger(__name__)

# Claims that carry a national identity number (fødselsnummer / d-nummer): ID-porten's `pid`,
# Feide's extended `nin` claims. They are never stored; accounts are keyed on `sub`.
IDENTITY_NUMBER_CLAIMS = frozenset({"pid", "nin", "https://n.feide.no/claims/nin"})
# Nonces of this session's unfinished sign-ins, by allauth's state id (the newest few).
NONCES_SESSION_KEY = "tillit_oidc_nonces"
NONCES_KEPT = 10


def without_identity_numbers(claims: dict) -> dict:
    return {k: v for k, v in claims.items() if k not in IDENTITY_NUMBER_CLAIMS}


class PortalOpenIDConnectProvider(OpenIDConnectProvider):
    package = "allauth.socialaccount.providers.openid_connect"  # its URLs and views
    # Only the redirect flow, where the nonce is ours; no posting of ID tokens from elsewhere.
    supports_token_authentication = False

    def get_auth_params_from_request(self, request, action):
        # Only the configured parameters: nothing from the query string (allauth's
        # `auth_params`) reaches the provider, and the nonce is always ours.
        return self.get_auth_params()

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        """Send a fresh nonce and remember it for this state in the session."""
        auth_params = dict(kwargs.pop("auth_params", None) or self.get_auth_params())
        auth_params["nonce"] = self._pending_nonce = secrets.token_urlsafe(32)
        return super().redirect(request, process, next_url, data, auth_params=auth_params, **kwargs)

    def stash_redirect_state(self, request, process, next_url=None, data=None, **kwargs):
        state_id = super().stash_redirect_state(request, process, next_url, data, **kwargs)
        nonce = getattr(self, "_pending_nonce", None)
        if nonce:
            nonces = dict(request.session.get(NONCES_SESSION_KEY) or {})
            nonces[state_id] = nonce
            request.session[NONCES_SESSION_KEY] = dict(list(nonces.items())[-NONCES_KEPT:])
        return state_id

    def sociallogin_from_response(self, request, response):
        """Refuse an ID token whose `nonce` is not the one sent for this state (a replayed or
        injected token) before anything is looked up or saved."""
        self._check_nonce(request, response)
        return super().sociallogin_from_response(request, response)

    def _check_nonce(self, request, response) -> None:
        nonces = dict(request.session.get(NONCES_SESSION_KEY) or {})
        expected = nonces.pop(request.GET.get("state") or "", None)
        request.session[NONCES_SESSION_KEY] = nonces
        id_token = response.get("id_token") if isinstance(response, dict) else None
        received = id_token.get("nonce") if isinstance(id_token, dict) else None
        if not (expected and received and constant_time_compare(expected, str(received))):
            logger.warning("OpenID Connect sign-in refused: the ID token's nonce does not match")
            raise ProviderException("The ID token's nonce does not match the request's.")

    def extract_uid(self, data):
        """Always `sub`: a national identity number must never become the key."""
        return str(_pick_data(data)["sub"])

    def extract_extra_data(self, data):
        data = copy.deepcopy(data)
        for part in ("userinfo", "id_token"):
            if isinstance(data.get(part), dict):
                data[part] = without_identity_numbers(data[part])
                data[part].pop("nonce", None)
        return without_identity_numbers(data)

    def extract_email_addresses(self, data):
        """The provider's address, verified only when the operator trusts its `email_verified`."""
        data = _pick_data(data)
        email = data.get("email")
        if not email:
            return []
        verified = settings.OIDC_TRUST_EMAIL_VERIFIED and data.get("email_verified") is True
        return [EmailAddress(email=email, verified=verified, primary=True)]
