"""Sessions: the list of one's own, ending the others, and the sessions that end by themselves
(password change, deactivation, idle and absolute timeouts)."""

import time

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.test import Client

from tillit.accounts.middleware import LAST_SEEN_AT, SIGNED_IN_AT
from tillit.core.models import AuditEvent

from ..factories import PASSWORD, UserFactory
from .helpers import reauthenticate, sign_in

pytestmark = pytest.mark.django_db


def _signed_in_twice(user):
    laptop, phone = (
        Client(headers={"user-agent": "Laptop"}),
        Client(headers={"user-agent": "Telefon"}),
    )
    sign_in(laptop, user)
    sign_in(phone, user)
    assert laptop.get("/mitt/").status_code == phone.get("/mitt/").status_code == 200
    return laptop, phone


def test_users_see_their_sessions_and_end_the_others():
    user = UserFactory()
    laptop, phone = _signed_in_twice(user)
    UserSession.objects.create(user=UserFactory(), ip="10.0.0.9", session_key="someone-else")
    page = laptop.get("/konto/sessions/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Laptop" in html and "Telefon" in html and "10.0.0.9" not in html
    assert 'class="ds-table"' in html

    assert laptop.post("/konto/sessions/").status_code == 302
    assert phone.get("/mitt/").status_code == 302  # signed out
    assert laptop.get("/mitt/").status_code == 200
    assert UserSession.objects.filter(user=user).count() == 1
    event = AuditEvent.objects.get(action="session.ended")
    assert event.actor_id == user.pk and event.details == {"reason": "by_user", "count": 1}


def test_a_password_change_ends_every_session():
    user = UserFactory()
    laptop, phone = _signed_in_twice(user)
    response = laptop.post(
        "/konto/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "nytt-langt-passord-77",
            "password2": "nytt-langt-passord-77",
        },
    )
    assert response.status_code == 302
    assert laptop.get("/mitt/").status_code == 302
    assert phone.get("/mitt/").status_code == 302
    assert not UserSession.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(action="session.ended", details__reason="password_changed")
    assert sign_in(Client(), user, "nytt-langt-passord-77").url == "/mitt/"


def test_deactivating_an_account_ends_its_sessions():
    user = UserFactory()
    laptop, _phone = _signed_in_twice(user)
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    user.is_active = False
    user.save()
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert not UserSession.objects.filter(user=user).exists()
    assert laptop.get("/mitt/").status_code == 302
    event = AuditEvent.objects.get(action="session.ended")
    assert event.details == {"reason": "deactivated", "count": 2}


def test_deactivating_in_the_admin_ends_the_sessions(client, people):
    user = UserFactory()
    other, _ = _signed_in_twice(user)
    editor = people["redaktor"]
    editor.is_staff = editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    form = client.get(f"/admin/accounts/user/{user.pk}/change/").context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "is_active"}
    data.update({"memberships-TOTAL_FORMS": 0, "memberships-INITIAL_FORMS": 0})
    data["last_login_0"], data["last_login_1"] = "", ""
    data["date_joined_0"], data["date_joined_1"] = "2026-01-01", "10:00:00"
    data.pop("last_login", None)
    data.pop("date_joined", None)
    data.pop("groups", None)
    data.pop("user_permissions", None)
    response = client.post(f"/admin/accounts/user/{user.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert not user.is_active
    assert other.get("/mitt/").status_code == 302
    assert AuditEvent.objects.get(action="session.ended").actor_id == editor.pk


def _age_session(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_an_idle_session_ends_with_a_message(client, settings):
    user = UserFactory()
    sign_in(client, user)
    _age_session(client, tillit_last_seen_at=settings.SESSION_IDLE_TIMEOUT + 5)
    response = client.get("/mitt/")
    assert response.status_code == 302 and response.url == "/konto/login/?next=%2Fmitt%2F"
    page = client.get(response.url)
    assert any("inaktiv en stund" in str(m) for m in page.context["messages"])
    assert client.get("/mitt/").status_code == 302
    assert AuditEvent.objects.get(action="session.expired").details == {"reason": "idle"}
    assert not AuditEvent.objects.filter(action="auth.signed_out").exists()  # recorded once


def test_a_session_ends_after_its_absolute_time_even_when_active(client, settings):
    user = UserFactory()
    sign_in(client, user)
    _age_session(client, tillit_signed_in_at=settings.SESSION_ABSOLUTE_TIMEOUT + 5)
    response = client.get("/mitt/")
    assert response.url.startswith("/konto/login/")
    assert any("maksimal varighet" in str(m) for m in client.get(response.url).context["messages"])
    assert AuditEvent.objects.get(action="session.expired").details == {"reason": "absolute"}


def test_an_active_session_goes_on_and_its_clock_moves(client, settings):
    user = UserFactory()
    sign_in(client, user)
    _age_session(client, tillit_last_seen_at=settings.SESSION_IDLE_TIMEOUT - 5)
    assert client.get("/mitt/").status_code == 200
    assert int(time.time()) - client.session[LAST_SEEN_AT] < 5
    assert SIGNED_IN_AT in client.session
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_ABSOLUTE_TIMEOUT


def test_changing_the_email_address_asks_for_the_password_again(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/konto/email/", {"action_add": "", "email": "ny@example.no"})
    assert response.status_code == 302 and response.url.startswith("/konto/reauthenticate/")
    assert not user.emailaddress_set.filter(email="ny@example.no").exists()
    reauthenticate(client)
    client.post("/konto/email/", {"action_add": "", "email": "ny@example.no"})
    assert user.emailaddress_set.filter(email="ny@example.no").exists()
