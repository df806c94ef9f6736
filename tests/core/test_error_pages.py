import pytest
from django.test import RequestFactory

from tillit.core.errors import server_error

pytestmark = pytest.mark.django_db


def test_404_page_is_in_the_site_design_and_language(client):
    response = client.get("/finnes-ikke/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Vi finner ikke siden" in html or "finner ikke" in html
    assert 'class="site-header"' in html and 'class="ds-skip-link"' in html


def test_500_page_renders_without_context_processors():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Tillitsportalen" in response.content.decode()


def test_repeated_failed_sign_ins_are_rate_limited_through_the_database_cache(client, people):
    email = people["ansatt"].email
    for _ in range(5):
        client.post("/konto/login/", {"login": email, "password": "feil-passord"})
    response = client.post("/konto/login/", {"login": email, "password": "feil-passord"})
    assert "For mange mislykkede innloggingsforsøk" in response.content.decode()


def test_unknown_address_gets_the_same_answer_as_a_known_one_on_password_reset(client, people):
    known = client.post("/konto/password/reset/", {"email": people["ansatt"].email})
    unknown = client.post("/konto/password/reset/", {"email": "ingen@example.no"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
