"""Single sign-on against a real OpenID Connect provider process (``tests/oidc_provider``):
the whole flow through the portal's own pages with Django's test client, the provider reached
over HTTP on 127.0.0.1 by both the test (as the browser) and the portal (token, userinfo)."""

import json
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core import mail

from tillit.accounts.models import User
from tillit.accounts.sso.assurance import SSO_MFA_SESSION_KEY
from tillit.accounts.sso.config import sso_apps
from tillit.core.models import AuditEvent

from ..factories import PASSWORD, UserFactory
from ..oidc_provider import MFA_ACR, configure, set_claims

pytestmark = pytest.mark.django_db

PID = "01017012345"  # a made-up national identity number; it must never be stored
LOGIN = "/konto/oidc/idporten/login/"


@pytest.fixture
def provider(oidc_provider, settings):
    configure(settings, oidc_provider)
    return oidc_provider


def start(client, process="login") -> str:
    """Press the portal's SSO button; returns the provider's authorisation URL."""
    response = client.post(f"{LOGIN}?process={process}")
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def authorize(authorize_url: str, sub: str) -> str:
    """Sign in at the provider as ``sub``; returns the portal's callback path and query."""
    response = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text[:500]
    location = urlsplit(response.headers["Location"])
    assert location.netloc == "testserver"
    return f"{location.path}?{location.query}"


def confirm_email(client, address: str):
    message = next(m for m in reversed(mail.outbox) if m.to == [address])
    key = re.search(r"/konto/confirm-email/([^/\s]+)/", message.body).group(1)
    assert client.get(f"/konto/confirm-email/{key}/").status_code == 200
    return client.post(f"/konto/confirm-email/{key}/")


def sign_up_without_email(client, provider, sub, address, **claims):
    """ID-porten's way: no e-mail and no name from the provider, so the portal asks."""
    set_claims(provider, sub, pid=PID, **claims)
    response = client.get(authorize(start(client), sub))
    assert response["Location"] == "/konto/3rdparty/signup/"
    page = client.get("/konto/3rdparty/signup/").content.decode()
    assert 'name="email"' in page
    assert 'name="name"' in page
    response = client.post("/konto/3rdparty/signup/", {"email": address, "name": "Kari Nordmann"})
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    return confirm_email(client, address)


@pytest.fixture
def sso_off(settings):
    """As without OIDC_SERVER_URL, whatever the developer's .env says."""
    apps = sso_apps(
        provider_id="idporten",
        name="ID-porten",
        server_url="",
        client_id="tillitsportalen",
        secret="",
        scopes=["openid"],
    )
    assert apps == []
    providers = settings.SOCIALACCOUNT_PROVIDERS
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {**providers["openid_connect"], "APPS": apps}
    }


def test_sign_in_and_sign_up_pages_show_the_button_only_when_configured(client, settings, sso_off):
    for path in ("/konto/login/", "/konto/signup/"):
        assert "Sign in with" not in client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    configure(settings, "http://127.0.0.1:9", name="Feide")
    for path in ("/konto/login/", "/konto/signup/"):
        client.cookies["django_language"] = "en"
        page = client.get(path).content.decode()
        assert "Sign in with Feide" in page
        assert re.search(rf'<form method="post" action="{LOGIN}\?process=login">', page)


def test_authorisation_request_carries_pkce_state_and_nonce(client, provider):
    query = parse_qs(urlsplit(start(client)).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert len(query["state"][0]) >= 8
    assert len(query["nonce"][0]) >= 32
    assert sorted(query["scope"][0].split()) == ["email", "openid", "profile"]
    assert query["acr_values"] == [MFA_ACR]
    # Each attempt gets a fresh nonce.
    assert parse_qs(urlsplit(start(client)).query)["nonce"] != query["nonce"]
    # Nothing from the query string chooses the nonce (allauth's `auth_params`).
    response = client.post(f"{LOGIN}?process=login&auth_params=nonce%3Dchosen%26prompt%3Dnone")
    forced = parse_qs(urlsplit(response["Location"]).query)
    assert forced["nonce"] != ["chosen"]
    assert "prompt" not in forced


def test_sign_up_without_email_asks_for_one_verifies_it_and_keys_the_account_on_sub(
    client, provider
):
    response = sign_up_without_email(client, provider, "sub-kari", "kari@bergen.kommune.no")
    assert response.status_code == 302
    user = User.objects.get(email="kari@bergen.kommune.no")
    assert user.name == "Kari Nordmann"
    assert int(client.session["_auth_user_id"]) == user.pk
    assert EmailAddress.objects.get(user=user).verified
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("idporten", "sub-kari")
    # The national identity number is nowhere in what is stored, nor the nonce.
    stored = json.dumps(account.extra_data)
    assert PID not in stored
    assert "pid" not in account.extra_data["id_token"]
    assert "pid" not in account.extra_data["userinfo"]
    assert "nonce" not in account.extra_data["id_token"]
    assert account.extra_data["id_token"]["sub"] == "sub-kari"
    event = AuditEvent.objects.get(action="sso.connected")
    assert (event.actor_id, event.details) == (user.pk, {"provider": "idporten", "how": "signup"})


def test_second_sign_in_with_the_same_sub_reaches_the_same_user(client, provider):
    sign_up_without_email(client, provider, "sub-ola", "ola@bergen.kommune.no")
    user = User.objects.get(email="ola@bergen.kommune.no")
    client.post("/konto/logout/")
    assert "_auth_user_id" not in client.session

    response = client.get(authorize(start(client), "sub-ola"))
    assert response.status_code == 302
    assert response["Location"] == "/mitt/"
    assert int(client.session["_auth_user_id"]) == user.pk
    assert User.objects.count() == 1
    assert SocialAccount.objects.get().uid == "sub-ola"


def test_acr_in_the_configured_list_marks_the_session_as_multi_factor(client, provider):
    sign_up_without_email(client, provider, "sub-high", "high@example.no", acr=MFA_ACR)
    assert client.session[SSO_MFA_SESSION_KEY] is True

    # The same person at a lower level next time: the mark is gone.
    client.post("/konto/logout/")
    set_claims(provider, "sub-high", acr="idporten-loa-substantial")
    client.get(authorize(start(client), "sub-high"))
    assert "_auth_user_id" in client.session
    assert SSO_MFA_SESSION_KEY not in client.session


def test_acr_outside_the_list_and_password_sign_in_do_not_mark_the_session(client, provider):
    sign_up_without_email(
        client, provider, "sub-sub", "sub@example.no", acr="idporten-loa-substantial"
    )
    assert "_auth_user_id" in client.session
    assert SSO_MFA_SESSION_KEY not in client.session

    user = UserFactory()
    client.post("/konto/logout/")
    client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert int(client.session["_auth_user_id"]) == user.pk
    assert SSO_MFA_SESSION_KEY not in client.session


def _tampered(url: str, **changes) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    for key, value in changes.items():
        if value is None:
            query.pop(key)
        else:
            query[key] = value
    return parts._replace(query=urlencode(query)).geturl()


@pytest.mark.parametrize("nonce", ["not-the-nonce-we-sent", None])
def test_an_id_token_with_a_wrong_or_no_nonce_is_refused(client, provider, nonce):
    set_claims(provider, "sub-nonce", email="nonce@example.no", name="Nils Nonce")
    callback = authorize(_tampered(start(client), nonce=nonce), "sub-nonce")
    response = client.get(callback)
    assert response.status_code == 401
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()


def test_a_tampered_or_replayed_state_is_refused(client, provider):
    set_claims(provider, "sub-state", email="state@example.no", name="Siri State")
    callback = authorize(start(client), "sub-state")
    path, query = callback.split("?")
    params = {k: v[0] for k, v in parse_qs(query).items()}
    response = client.get(f"{path}?{urlencode({**params, 'state': 'forged-state'})}")
    assert response.status_code == 401
    assert "_auth_user_id" not in client.session

    # The real state once (the portal asks for the e-mail address to be verified) …
    response = client.get(callback)
    assert response.status_code == 302
    # … and the same answer again is refused.
    assert client.get(callback).status_code == 401
    assert SocialAccount.objects.count() == 1


def test_email_from_the_provider_is_verified_before_sign_in(client, provider):
    set_claims(provider, "sub-feide", email="per@uib.no", email_verified=True, name="Per Feide")
    response = client.get(authorize(start(client), "sub-feide"))
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session
    user = User.objects.get(email="per@uib.no")
    assert user.name == "Per Feide"
    assert not EmailAddress.objects.get(user=user).verified
    confirm_email(client, "per@uib.no")
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.parametrize("from_provider", [True, False])
def test_email_of_an_existing_account_neither_signs_in_to_it_nor_reveals_it(
    client, provider, from_provider
):
    """Given by the provider (even as verified) or typed in the sign-up form: the person is
    told to check their e-mail, and the owner gets a notice that the account exists."""
    existing = UserFactory(email="leder@bergen.kommune.no")
    address = "leder@bergen.kommune.no"
    claims = {"email": address, "email_verified": True} if from_provider else {}
    set_claims(provider, "sub-intruder", name="Noen Andre", **claims)
    response = client.get(authorize(start(client), "sub-intruder"))
    if not from_provider:
        assert response["Location"] == "/konto/3rdparty/signup/"
        response = client.post("/konto/3rdparty/signup/", {"email": address, "name": "Noen"})
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()
    assert list(User.objects.all()) == [existing]
    [notice] = mail.outbox
    assert notice.to == [address]
    assert "/konto/confirm-email/" not in notice.body


def test_connecting_and_disconnecting_are_audited(client, provider):
    user = UserFactory()
    client.force_login(user)
    # Connecting an account is a sensitive change: the password is asked for again first.
    assert client.post("/konto/reauthenticate/", {"password": PASSWORD}).status_code == 302
    set_claims(provider, "sub-connect", pid=PID)
    response = client.get(authorize(start(client, process="connect"), "sub-connect"))
    assert response.status_code == 302
    account = SocialAccount.objects.get(user=user)
    assert account.uid == "sub-connect"
    assert PID not in json.dumps(account.extra_data)

    page = client.get("/konto/3rdparty/").content.decode()
    assert "ID-porten" in page
    response = client.post("/konto/3rdparty/", {"account": account.pk})
    assert response.status_code == 302
    assert not SocialAccount.objects.exists()
    assert list(
        AuditEvent.objects.filter(action__startswith="sso.")
        .order_by("id")
        .values_list("action", "actor_id", "details__how")
    ) == [("sso.connected", user.pk, "connect"), ("sso.disconnected", user.pk, "disconnect")]


def test_sign_up_form_shows_errors_and_keeps_what_was_typed(client, provider):
    set_claims(provider, "sub-typo", pid=PID)
    client.get(authorize(start(client), "sub-typo"))
    response = client.post("/konto/3rdparty/signup/", {"email": "kari.bergen", "name": "Kari"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "ds-error-summary" in page
    assert 'value="kari.bergen"' in page
    assert 'value="Kari"' in page
    assert not User.objects.exists()


def test_account_pages_allow_the_provider_as_form_target_only_when_configured(client, provider):
    """The button's POST is redirected to the provider, which CSP form-action must allow."""
    csp = client.get("/konto/login/")["Content-Security-Policy"]
    assert provider in csp.split("form-action")[1].split(";")[0]
    assert provider not in client.get("/tiltak/")["Content-Security-Policy"]


def test_without_configuration_the_provider_urls_are_not_found(client, sso_off):
    assert client.post(f"{LOGIN}?process=login").status_code == 404
    assert "127.0.0.1" not in client.get("/konto/login/")["Content-Security-Policy"]
