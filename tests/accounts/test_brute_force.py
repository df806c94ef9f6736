"""Guessing passwords: allauth's rate limits, with answers that never tell whether an account
exists, and the Django admin's sign-in going through the same page and limits."""

import pytest
from django.test import Client

from ..factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

UNKNOWN = "finnes-ikke@example.no"


def _try(client, email, password, ip):
    response = client.post("/konto/login/", {"login": email, "password": password}, REMOTE_ADDR=ip)
    form = response.context["form"] if response.status_code == 200 else None
    return response, (list(form.non_field_errors()) if form else [])


def _five_wrong_then_one_more(email, ip) -> tuple[list, list]:
    client = Client()
    _, first = _try(client, email, "feil-passord-1", ip)
    for attempt in range(2, 6):
        _try(client, email, f"feil-passord-{attempt}", ip)
    _, limited = _try(client, email, "feil-passord-6", ip)
    return first, limited


def test_failed_sign_ins_are_limited_with_the_same_answer_for_unknown_addresses():
    user = UserFactory()
    existing = _five_wrong_then_one_more(user.email, "10.1.0.1")
    unknown = _five_wrong_then_one_more(UNKNOWN, "10.1.0.2")
    assert existing == unknown
    first, limited = existing
    assert first and limited and first != limited
    # The answer says, in Norwegian, how long to wait.
    assert limited == [
        "For mange mislykkede innloggingsforsøk fra denne enheten. Prøv igjen om 5 minutter."
    ]
    # Past the limit even the right password is refused from that address.
    response, errors = _try(Client(), user.email, PASSWORD, "10.1.0.1")
    assert response.status_code == 200 and errors == limited
    assert limited[0] in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session


def test_wrong_passwords_from_elsewhere_do_not_lock_the_owner_out():
    """The limit counts the client address and the account together."""
    user = UserFactory()
    _five_wrong_then_one_more(user.email, "10.3.0.66")
    response, errors = _try(Client(), user.email, PASSWORD, "10.3.0.1")
    assert errors == [] and response.status_code == 302
    assert response.wsgi_request.session["_auth_user_id"] == str(user.pk)


def test_the_password_reset_answers_alike_for_unknown_addresses(mailoutbox):
    user = UserFactory()
    answers = []
    for email in (user.email, UNKNOWN):
        response = Client().post("/konto/password/reset/", {"email": email})
        answers.append((response.status_code, response.url))
    assert answers[0] == answers[1]


def test_the_admin_sign_in_is_allauths_with_its_limits(people):
    editor = people["redaktor"]
    editor.is_staff = editor.is_superuser = True
    editor.save()
    client = Client()
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response.url == "/konto/login/?next=%2Fadmin%2F"
    # Django's own admin form is never used: a POST there signs no one in.
    response = client.post("/admin/login/", {"username": editor.email, "password": PASSWORD})
    assert response.status_code == 302 and response.url.startswith("/konto/login/")
    assert client.get("/admin/").status_code == 302

    for attempt in range(5):
        _try(client, editor.email, f"feil-{attempt}", "10.2.0.1")
    response, errors = _try(client, editor.email, PASSWORD, "10.2.0.1")
    assert errors and client.get("/admin/").status_code == 302


def test_an_ipv6_network_counts_as_one_address():
    """Hopping between addresses of one IPv6 /64 network gives no fresh attempts."""
    user = UserFactory()
    _five_wrong_then_one_more(user.email, "2001:db8:1:1::66")
    response, errors = _try(Client(), user.email, PASSWORD, "2001:db8:1:1::67")
    assert errors and response.status_code == 200


def _spread_failures(email, count):
    """``count`` wrong passwords against one account, each from a fresh address."""
    for attempt in range(count):
        _try(Client(), email, f"feil-{attempt}", f"10.50.{attempt // 200}.{attempt % 200 + 1}")


def test_failures_spread_over_many_addresses_meet_a_ceiling_per_account():
    """50 failures an hour against one account, from anywhere, close it to password guessing
    for the rest of the hour; the answer says how long, alike for unknown accounts."""
    user = UserFactory()
    answers = []
    for email in (user.email, UNKNOWN):
        _spread_failures(email, 50)
        answers.append(_try(Client(), email, "feil-igjen", "10.60.0.1")[1])
    assert (
        answers[0]
        == answers[1]
        == ["For mange mislykkede innloggingsforsøk for denne kontoen. Prøv igjen om 60 minutter."]
    )
    response, errors = _try(Client(), user.email, PASSWORD, "10.60.0.2")
    assert errors == answers[0] and "_auth_user_id" not in response.wsgi_request.session
    # Another account is not affected.
    other = UserFactory()
    response, errors = _try(Client(), other.email, PASSWORD, "10.60.0.3")
    assert errors == [] and response.status_code == 302


def test_a_few_failures_from_elsewhere_leave_the_ceiling_far_off():
    user = UserFactory()
    _spread_failures(user.email, 49)
    response, errors = _try(Client(), user.email, PASSWORD, "10.60.1.1")
    assert errors == [] and response.status_code == 302


def test_a_password_reset_clears_this_addresss_failures_and_the_accounts_ceiling(mailoutbox):
    user = UserFactory()
    _spread_failures(user.email, 45)
    _five_wrong_then_one_more(user.email, "10.70.0.1")  # 50 in all, and this address is out
    client = Client(REMOTE_ADDR="10.70.0.1")
    client.post("/konto/password/reset/", {"email": user.email})
    link = next(w for w in mailoutbox[-1].body.split() if "/konto/password/reset/key/" in w)
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "Et-nytt-langt-passord-77", "password2": "Et-nytt-langt-passord-77"},
    )
    response, errors = _try(Client(), user.email, "Et-nytt-langt-passord-77", "10.70.0.1")
    assert errors == [] and response.status_code == 302
