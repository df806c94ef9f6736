"""A reader lands on the front page: the newest published measures and experience reports,
the figures, the focus areas with their counts and the small map come first; the search box
leads to the overview and the map's link to the map view. Checked by axe at 1280, 375 and
320 px, and for reflow at 375 and 320 px."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from initiatives.overview.cache import bump_data_version
from tillit.accounts.models import Organisation

from ..factories import ExperienceReportFactory, InitiativeFactory
from .helpers import reflow_problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WIDTHS = (375, 320)


def _published(organisation, day, title, **kwargs):
    return InitiativeFactory(
        organisation=organisation,
        workflow_status="publisert",
        published_at=timezone.make_aware(dt.datetime(2025, 5, day, 12)),
        title=title,
        **kwargs,
    )


def test_the_front_page_shows_the_register_at_every_width(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    trondheim = Organisation.objects.get(municipality_id="5001")
    confirmed = _published(
        bergen,
        1,
        "Færre skjema i barnevernet med et langt navn som må brytes på en smal skjerm",
        areas=["mindre-rapportering", "styring-og-samordning"],
        union_assessment="bekreftet",
    )
    _published(trondheim, 2, "Tillit i hjemmetjenesten", areas=["tillitsbasert-ledelse"])
    ExperienceReportFactory(
        initiative=confirmed,
        title="Dette lærte vi av færre skjema",
        workflow_status="publisert",
        published_at=timezone.make_aware(dt.datetime(2025, 6, 1, 12)),
    )
    InitiativeFactory(organisation=bergen, title="Et hemmelig utkast")
    bump_data_version()  # the factories write past the services, which would do this

    page = new_page()
    page.goto(f"{live_server.url}/")
    newest = page.get_by_role("region", name="Nyeste tiltak")
    expect(newest.get_by_role("link", name="Tillit i hjemmetjenesten")).to_be_visible()
    expect(newest).to_contain_text("Trondheim kommune")
    expect(page.get_by_role("region", name="Nyeste erfaringsrapporter")).to_contain_text(
        "Dette lærte vi av færre skjema"
    )
    expect(page.locator("main")).not_to_contain_text("Et hemmelig utkast")
    figures = page.get_by_role("region", name="Registeret i tall")
    expect(figures).to_contain_text("2 publiserte tiltak")
    expect(figures).to_contain_text("50 % av de publiserte tiltakene")
    expect(page.get_by_role("region", name="Tiltak etter fylke")).to_contain_text("Vestland: 1")
    axe_check(page, "front page at 1280 px")

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        axe_check(page, f"front page at {width} px")
        assert reflow_problems(page, {"width": width, "height": 800}) == []
    page.set_viewport_size({"width": 1280, "height": 900})

    search = page.get_by_role("search", name="Søk i tiltakene")
    search.get_by_label("Søk i tiltakene").fill("hjemmetjenesten")
    search.get_by_role("button", name="Søk").click()
    expect(page).to_have_url(f"{live_server.url}/tiltak/?q=hjemmetjenesten")
    expect(page.get_by_role("link", name="Tillit i hjemmetjenesten")).to_be_visible()

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Se kartet").click()
    expect(page).to_have_url(f"{live_server.url}/tiltak/kart/")
