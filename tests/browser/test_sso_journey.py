"""Single sign-on in Chromium against a real OpenID Connect provider process: the person
presses the ID-porten button, signs in at the provider with a `sub` and no e-mail address, is
asked for one, verifies it from the e-mail, and ends signed in; signing in again reaches the
same account. Every portal page on the way is checked by axe (the provider's page is not ours).
"""

import re

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from playwright.sync_api import expect

from tillit.accounts.models import User
from tillit.accounts.sso.assurance import SSO_MFA_SESSION_KEY

from ..oidc_provider import MFA_ACR, configure, set_claims

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SUB = "idporten-sub-4f7a"
ADDRESS = "kari.nordmann@bergen.kommune.no"


def _at_provider_as(page, sub):
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()


def _session(page, live_server):
    [cookie] = [c for c in page.context.cookies(live_server.url) if c["name"] == "sessionid"]
    return SessionStore(session_key=cookie["value"])


def test_sign_in_with_the_provider_without_email(
    live_server, new_page, axe_check, oidc_provider, settings
):
    configure(settings, oidc_provider)
    set_claims(oidc_provider, SUB, pid="01017012345", acr=MFA_ACR)

    page = new_page()
    page.goto(f"{live_server.url}/konto/login/")
    axe_check(page, "sign-in with single sign-on")
    page.locator("main").get_by_role("button", name=re.compile("ID-porten")).click()

    page.wait_for_url(f"{oidc_provider}/oauth2/authorize?**")
    _at_provider_as(page, SUB)

    page.wait_for_url("**/konto/3rdparty/signup/")
    axe_check(page, "single sign-on: sign-up")
    page.get_by_label("E-post").fill("kari.nordmann")
    page.get_by_label("Fullt navn").fill("Kari Nordmann")
    page.locator("main").get_by_role("button").last.click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    expect(page.get_by_label("Fullt navn")).to_have_value("Kari Nordmann")
    axe_check(page, "single sign-on: sign-up with errors")
    page.get_by_label("E-post").fill(ADDRESS)
    page.locator("main").get_by_role("button").last.click()

    page.wait_for_url("**/konto/confirm-email/")
    axe_check(page, "single sign-on: verification sent")
    [message] = mail.outbox
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    axe_check(page, "single sign-on: confirm e-mail")
    page.locator("main").get_by_role("button").click()

    page.wait_for_url("**/mitt/")
    user = User.objects.get(email=ADDRESS)
    assert SocialAccount.objects.get(user=user).uid == SUB
    assert _session(page, live_server).get(SSO_MFA_SESSION_KEY) is True

    # Signed out and back in through the provider: the same account, no questions asked.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/konto/login/")
    page.locator("main").get_by_role("button", name=re.compile("ID-porten")).click()
    page.wait_for_url(f"{oidc_provider}/oauth2/authorize?**")
    _at_provider_as(page, SUB)
    page.wait_for_url("**/mitt/")
    assert _session(page, live_server).get("_auth_user_id") == str(user.pk)
    assert User.objects.count() == 1
