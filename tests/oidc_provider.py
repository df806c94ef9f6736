"""A real OpenID Connect provider for the single sign-on tests: the `oidc-provider-mock`
package's server, run as its own process on a free port of 127.0.0.1 (no network).

On its authorisation page one types a `sub` and presses "Authorize"; claims for a `sub`
(`acr`, `pid`, e-mail …) are set beforehand with ``PUT /users/<sub>``, and both the ID token
and the userinfo answer then carry them.
"""

import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import requests

from tillit.accounts.sso.config import sso_apps

from .subprocess_env import clean_environment

CLIENT_ID = "tillitsportalen-test"
CLIENT_SECRET = "test-secret"
MFA_ACR = "idporten-loa-high"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_provider():
    """Start the provider process, wait until its discovery document answers, stop it after."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
        env=clean_environment(NO_COLOR="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(
                    f"{url}/.well-known/openid-configuration", timeout=2
                ).raise_for_status()
                break
            except requests.RequestException:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the OpenID Connect test provider did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def configure(settings, provider_url: str, *, name: str = "ID-porten") -> None:
    """Point the portal's single sign-on at the test provider, as OIDC_* would."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        **settings.SOCIALACCOUNT_PROVIDERS,
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            "APPS": sso_apps(
                provider_id="idporten",
                name=name,
                server_url=provider_url,
                client_id=CLIENT_ID,
                secret=CLIENT_SECRET,
                scopes=["openid", "profile", "email"],
                acr_values=MFA_ACR,
            ),
        },
    }
    settings.OIDC_MFA_ACR_VALUES = [MFA_ACR]


def set_claims(provider_url: str, sub: str, **claims) -> None:
    """What the provider will say about ``sub`` (replacing what it said before)."""
    requests.put(f"{provider_url}/users/{sub}", json=claims, timeout=5).raise_for_status()
