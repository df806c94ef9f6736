"""A journalist reads the hours of reporting given back on the front page, follows the link
to how they are counted, reads the tables on the statistics page and a focus area's figures.
Every page is checked by axe and reflows at 320 px."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from initiatives.models import ReportingRemoval
from initiatives.overview.cache import bump_data_version
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory
from .helpers import reflow_problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _published(organisation, title, **kwargs):
    moment = timezone.make_aware(dt.datetime(2025, 4, 1, 12))
    return InitiativeFactory(
        organisation=organisation,
        workflow_status="publisert",
        published_at=moment,
        title=title,
        **kwargs,
    )


def test_hours_given_back_on_the_front_page_statistics_and_focus_area(
    live_server, new_page, axe_check
):
    bergen = Organisation.objects.get(municipality_id="4601")
    fewer = _published(
        bergen,
        "Færre skjema i barnevernet",
        areas=["mindre-rapportering", "faglig-frihet"],
        evidence_methods=["for_og_etter"],
    )
    ReportingRemoval.objects.create(
        initiative=fewer,
        requirement="Månedlig rapport om avvik",
        required_by="direktorat",
        hours_per_year=1200,
        given_back_to="ansatte",
    )
    ReportingRemoval.objects.create(initiative=fewer, requirement="Ukentlig skjema")
    _published(bergen, "Tillit i hjemmetjenesten", areas=["tillitsbasert-ledelse"])
    bump_data_version()  # the factories write past the services, which would do this

    page = new_page()
    page.goto(f"{live_server.url}/")
    figure = page.locator("#hours-heading").locator("xpath=..")
    expect(figure).to_contain_text("1\xa0200")
    axe_check(page, "front page with the hours given back")
    assert reflow_problems(page) == []

    figure.get_by_role("link").click()
    expect(page.locator("#timer")).to_be_visible()
    expect(
        page.get_by_role("table", name="Timer gitt tilbake etter hvem som krevde")
    ).to_contain_text("1\xa0200")
    expect(page.locator("#dekning").locator("xpath=..")).to_contain_text("1 av 2")
    axe_check(page, "statistics with the effect figures")
    assert reflow_problems(page) == []

    page.goto(f"{live_server.url}/fokusomrader/faglig-frihet/")
    expect(page.locator("#timer").locator("xpath=..")).to_contain_text("1\xa0200")
    axe_check(page, "a focus area with its effect figures")
    assert reflow_problems(page) == []
