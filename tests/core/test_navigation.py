"""The header names the portal's sections and marks the one the page belongs to."""

import re

import pytest

from tillit.core.navigation import section_of

from ..factories import InitiativeFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def current_links(html: str) -> dict[str, str]:
    """The header's links marked current: href → aria-current value."""
    menu = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    return dict(re.findall(r'href="([^"]+)" aria-current="(page|true)"', menu))


def test_the_header_links_every_section(client):
    menu = client.get("/").content.decode().split('class="site-nav"', 1)[1].split("</nav>")[0]
    for href, label in [
        ("/tiltak/", "Tiltak"),
        ("/erfaringer/", "Erfaringer"),
        ("/forsok/", "Forsøk"),
        ("/statistikk/", "Statistikk"),
        ("/organisasjoner/", "Organisasjoner"),
    ]:
        assert f'href="{href}"' in menu and f">{label}</a>" in menu, label


@pytest.mark.parametrize(
    "path, marked",
    [
        ("/", {}),
        ("/tiltak/", {"/tiltak/": "page"}),
        ("/erfaringer/", {"/erfaringer/": "page"}),
        ("/forsok/", {"/forsok/": "page"}),
        ("/statistikk/", {"/statistikk/": "page"}),
        ("/organisasjoner/", {"/organisasjoner/": "page"}),
        ("/tiltak/kart/", {"/tiltak/": "true"}),
        ("/personvern/", {}),
    ],
)
def test_the_current_section_is_marked(client, path, marked):
    response = client.get(path)
    assert response.status_code == 200
    assert current_links(response.content.decode()) == marked


def test_a_measure_page_belongs_to_the_measures(client):
    initiative = InitiativeFactory(workflow_status="publisert")
    response = client.get(initiative.get_absolute_url())
    assert current_links(response.content.decode()) == {"/tiltak/": "true"}


def test_my_work_is_marked_for_the_signed_in(client):
    client.force_login(MembershipFactory().user)
    assert current_links(client.get("/mitt/").content.decode()) == {"/mitt/": "page"}


@pytest.mark.parametrize(
    "path, section",
    [("/", ""), ("/fokusomrader/x/", "tiltak"), ("/oversikt/2025/", "statistikk"), ("/konto/", "")],
)
def test_section_of(path, section):
    assert section_of(path) == section
