"""One source of truth for the site's address: SITE_URL. E-mail links, allauth's e-mails, the
API and the DCAT catalogue all use it, whatever host the request came in on, and the name in
e-mails is Tillitsportalen."""

import re
import subprocess

import pytest
from django.core import mail

from initiatives import services
from tillit.accounts import services as account_services
from tillit.accounts.models import Role

from ..factories import InitiativeFactory
from .test_security import BASE_DIR

pytestmark = pytest.mark.django_db

SITE = "https://tillit.example.no"
URLS = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def _links(text: str) -> list[str]:
    return URLS.findall(text)


def test_membership_and_workflow_e_mails_link_to_site_url(
    people, bergen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        account_services.invitation_create(
            organisation=bergen,
            email="ny@example.no",
            roles=[Role.ANSATT],
            union_name="",
            by=people["leder"],
        )
        initiative = InitiativeFactory(organisation=bergen, created_by=people["ansatt"])
        services.initiative_submit(initiative=initiative, by=people["ansatt"])
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        links = _links(message.body)
        assert links and all(link.startswith(SITE + "/") for link in links), links


def test_sign_up_mail_greets_from_tillitsportalen_and_links_to_site_url(client):
    response = client.post(
        "/konto/signup/",
        {
            "email": "ny.person@example.no",
            "name": "Ny Person",
            "password1": "Et langt og trygt passord 2026!",
            "password2": "Et langt og trygt passord 2026!",
        },
        HTTP_HOST="127.0.0.1:8020",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    [message] = mail.outbox
    assert "Hei fra Tillitsportalen!" in message.body
    assert "127.0.0.1" not in message.body
    assert "[Tillitsportalen]" in message.subject
    links = _links(message.body)
    assert links and all(link.startswith(SITE + "/") for link in links), links


def test_api_and_dcat_catalogue_link_to_site_url(client, bergen):
    InitiativeFactory(organisation=bergen, workflow_status="publisert")
    for path in ["/api/v1/", "/api/v1/katalog.jsonld", "/api/v1/tiltak/"]:
        body = client.get(path, HTTP_HOST="127.0.0.1:8020").content.decode()
        links = [link for link in _links(body) if "127.0.0.1" in link or SITE in link]
        assert any(link.startswith(SITE) for link in links), path
        assert not [link for link in links if "127.0.0.1" in link], path


def test_make_run_gives_site_url_the_port():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8020"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert 'SITE_URL="${SITE_URL:-http://127.0.0.1:8020}"' in dry_run.stdout, dry_run.stdout
