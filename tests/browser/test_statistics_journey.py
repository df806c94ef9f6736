"""A researcher narrows the statistics to a county with the keyboard, reads a chart's table,
follows a row to the overview, and opens the yearly overview; a ministry picks its measures
for the year. Every page and state visited is checked by axe."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from initiatives.overview.cache import bump_data_version
from tillit.accounts.models import Membership, Organisation, Role

from ..factories import PASSWORD, InitiativeFactory, OrganisationFactory, UserFactory
from .helpers import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _published(organisation, title, day, **kwargs):
    return InitiativeFactory(
        organisation=organisation,
        workflow_status="publisert",
        published_at=timezone.make_aware(dt.datetime(2024, 1 + day % 12, 1 + day, 12)),
        title=title,
        **kwargs,
    )


def test_statistics_and_the_yearly_overview(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    trondheim = Organisation.objects.get(municipality_id="5001")
    ministry = Organisation.objects.get(short_name="KDD")
    agency = OrganisationFactory(name="Tilsynsetaten", parent_ministry=ministry)
    _published(bergen, "Mindre skjema i Bergen", 1, areas=["mindre-rapportering"])
    _published(bergen, "Fagdager i Bergen", 2, kind="prosjekt", areas=["faglig-frihet"])
    _published(trondheim, "Tillit i Trondheim", 3, areas=["tillitsbasert-ledelse"])
    kept = _published(agency, "Færre tilsynsrapporter", 4, areas=["tilsyn-og-kontroll"])
    _published(agency, "Dialogmøter med kommunene", 5, areas=["faglig-frihet"])
    bump_data_version()  # the factories write past the services, which would do this

    page = new_page()
    page.goto(f"{live_server.url}/statistikk/")
    expect(page.locator("#results-heading")).to_contain_text("5")
    axe_check(page, "statistics")

    # keyboard only: tick Vestland in the county facet, the figures update in place
    page.locator("#f-fylke-46").focus()
    page.keyboard.press("Space")
    expect(page.locator("#results-heading")).to_contain_text("2")
    expect(page).to_have_url(re.compile(r"/statistikk/\?(q=&)?fylke=46$"))
    table = page.locator("#type").locator("xpath=..").locator("details")
    table.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(table.locator("table")).to_be_visible()
    axe_check(page, "statistics filtered, a table open")

    table.get_by_role("link", name="Pilot").click()
    expect(page.locator("#results-heading")).to_contain_text("1")
    expect(page.get_by_role("link", name="Mindre skjema i Bergen")).to_be_visible()

    page.goto(f"{live_server.url}/oversikt/2024/")
    expect(page.get_by_role("heading", level=2, name="Kommunesektoren")).to_be_visible()
    axe_check(page, "yearly overview")

    ministry_user = UserFactory()
    Membership.objects.create(user=ministry_user, organisation=ministry, roles=[Role.DEPARTEMENT])
    picker = new_page()
    sign_in(picker, live_server.url, ministry_user.email, PASSWORD)
    picker.goto(f"{live_server.url}/oversikt/2024/")
    picker.get_by_role("link", name="Velg tiltakene til årets oversikt").click()
    axe_check(picker, "picking")
    picker.get_by_label("Færre tilsynsrapporter").check()
    picker.get_by_role("button", name="Lagre utvalget").click()
    expect(picker.locator(".ds-alert, [role=status]").first).to_contain_text("1")
    axe_check(picker, "picked")
    picker.goto(f"{live_server.url}/oversikt/2024/")
    expect(picker.get_by_role("link", name=kept.title)).to_be_visible()
    expect(picker.get_by_role("link", name="Dialogmøter med kommunene")).to_have_count(0)
