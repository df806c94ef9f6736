"""A reader goes from the overview to its map, switches to municipalities, sorts the table
and follows an area to the overview narrowed to it: axe finds nothing at a desktop's width and
at 320 px, where the map and its table reflow without sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from initiatives.overview.cache import bump_data_version
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory
from .helpers import PHONE, reflow_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}


def test_the_map_from_the_overview_and_back(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    grong = Organisation.objects.get(municipality_id="5045")
    for title in ("Mindre skjema i Bergen", "Fagdager i Bergen"):
        InitiativeFactory(organisation=bergen, workflow_status="publisert", title=title)
    service = InitiativeFactory(
        organisation=grong, workflow_status="publisert", title="Felles legevakt"
    )
    service.participating_organisations.add(Organisation.objects.get(municipality_id="5042"))
    bump_data_version()  # the factories write past the services, which would do this

    page = new_page()
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/tiltak/")
    page.get_by_role("link", name="På kart").click()
    expect(page).to_have_url(re.compile(r"/tiltak/kart/$"))
    expect(page.locator("#kart-heading")).to_have_text("Kart over tiltak etter fylke")
    axe_check(page, "map of counties")
    assert reflow_problems(page, PHONE) == []

    page.get_by_role("navigation", name="Kartnivå").get_by_role("link", name="Kommuner").click()
    expect(page.locator("#kart-heading")).to_have_text("Kart over tiltak etter kommune")
    table = page.get_by_role("region", name="Tabell: Kart over tiltak etter kommune")
    expect(table.locator("tbody tr")).to_have_count(357)
    expect(table.locator("tbody tr").first).to_contain_text("Bergen")
    # the drawing's links stay out of the tab order: the table is the keyboard's way in
    assert page.locator("svg.area-map__svg > g > a[tabindex='-1']").count() == 357
    axe_check(page, "map of municipalities")
    page.set_viewport_size(PHONE)
    axe_check(page, "map of municipalities at 320 px")
    assert reflow_problems(page, PHONE) == []
    page.set_viewport_size(DESKTOP)

    # sort by name with the keyboard, then follow Lierne (a participant) to the overview
    table.get_by_role("link", name=re.compile("^Kommune")).focus()
    page.keyboard.press("Enter")
    expect(table.locator("tbody tr").first).to_contain_text("Aarborte")
    expect(table.locator("th[aria-sort='ascending']")).to_have_count(1)
    table.get_by_role("link", name="Lierne").click()
    expect(page).to_have_url(re.compile(r"/tiltak/\?kommune=5042$"))
    expect(page.locator("#results-heading")).to_contain_text("1")

    # a click on an area of the drawing goes the same way
    page.goto(f"{live_server.url}/tiltak/kart/")
    page.locator("svg.area-map__svg a[href='/tiltak/?fylke=50'] path").click()
    expect(page).to_have_url(re.compile(r"/tiltak/\?fylke=50$"))
    expect(page.locator("#results-heading")).to_contain_text("1")
