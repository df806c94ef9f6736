"""Two-factor authentication in a real browser: a passkey is added with Chromium's virtual
authenticator (WebAuthn over CDP) and then signs in without a password; every security page
the journey visits passes axe."""

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from ..factories import PASSWORD, UserFactory
from .helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _virtual_authenticator(page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def test_a_passkey_is_added_and_then_signs_in_alone(live_server, new_page, axe_check):
    user = UserFactory()
    page = new_page()
    _virtual_authenticator(page)
    base = live_server.url
    sign_in(page, base, user.email, PASSWORD)

    page.goto(f"{base}/mitt/")
    page.locator("main a[href='/konto/2fa/']").click()  # «Mitt arbeid» links to security
    page.wait_for_url("**/konto/2fa/")
    axe_check(page, "MFA overview")

    page.goto(f"{base}/konto/2fa/webauthn/add/")
    page.wait_for_url("**/konto/reauthenticate/**")
    axe_check(page, "re-authentication")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/konto/2fa/webauthn/add/")
    axe_check(page, "add a passkey")
    page.locator("#id_name").fill("Bærbar")
    page.locator("#id_passwordless").check()
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    passkey = Authenticator.objects.get(user=user, type=Authenticator.Type.WEBAUTHN)
    assert passkey.wrap().is_passwordless

    for path in ("/konto/2fa/webauthn/", "/konto/2fa/recovery-codes/", "/konto/sessions/"):
        page.goto(f"{base}{path}")
        axe_check(page, path)

    page.goto(f"{base}/konto/2fa/totp/activate/")
    expect(page.locator("img.mfa-qr")).to_be_visible()
    axe_check(page, "activate an authenticator app")

    page.locator(".site-header__account button[type=submit]").click()  # sign out
    page.wait_for_url("**/")
    page.goto(f"{base}/konto/login/")
    axe_check(page, "sign-in with the passkey button")
    page.locator("#passkey_login").click()
    page.wait_for_url("**/mitt/")
    assert Authenticator.objects.get(pk=passkey.pk).last_used_at is not None
