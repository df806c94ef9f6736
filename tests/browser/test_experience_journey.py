"""Staff write an experience report about a published measure (first forgetting what did not
work), the leader publishes it, and the public finds it in the filtered list of reports, reads
it with its similar measures, and goes on to its focus area's page. Every page visited is
checked by axe."""

import re

import pytest
from playwright.sync_api import expect

from initiatives.models import ExperienceReport
from tillit.accounts.models import Organisation, Role

from ..factories import PASSWORD, InitiativeFactory, MembershipFactory
from .helpers import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_write_publish_find_and_read_an_experience_report(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    staff = MembershipFactory(organisation=bergen, roles=[Role.ANSATT]).user
    leader = MembershipFactory(organisation=bergen, roles=[Role.LEDER]).user
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Selvstyrt turnus i hjemmetjenesten",
        areas=["faglig-frihet"],
    )
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Turnus laget av de ansatte selv",
        areas=["faglig-frihet"],
    )

    page = new_page()
    sign_in(page, live_server.url, staff.email, PASSWORD)
    page.goto(live_server.url + measure.get_absolute_url())
    page.get_by_role("link", name="Skriv en erfaringsrapport").click()
    axe_check(page, "report form")
    page.locator("#id_title").fill("Hva vi lærte av selvstyrt turnus")
    page.locator("#id_summary").fill("Turnusen ble bedre da de ansatte lagde den selv.")
    page.locator("#id_what_was_done").fill("Hver gruppe lagde sin egen turnus i et halvt år.")
    page.locator("#id_what_worked").fill("Færre bytter og mer forutsigbarhet.")
    page.locator("input[name=transferability][value=delvis]").check()
    page.get_by_role("button", name="Lagre").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Hva vi lærte av selvstyrt turnus")
    axe_check(page, "report form with errors")
    page.locator("#id_challenges").fill("Helgene var vanskelige å dekke.")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator("h1")).to_have_text("Hva vi lærte av selvstyrt turnus")
    page.get_by_role("button", name="Send til godkjenning").click()
    axe_check(page, "report awaiting approval")
    report = ExperienceReport.objects.get()
    assert report.workflow_status == "til_godkjenning"

    page = new_page()
    sign_in(page, live_server.url, leader.email, PASSWORD)
    page.goto(live_server.url + report.get_absolute_url())
    page.get_by_role("button", name="Publiser").click()
    expect(page.locator(".ds-alert").first).to_contain_text("publisert")
    axe_check(page, "report published")

    page = new_page()
    page.goto(live_server.url + "/erfaringer/")
    axe_check(page, "reports list")
    page.locator("input[name=fylke][value='46']").check()
    expect(page).to_have_url(re.compile(r".*/erfaringer/\?.*fylke=46"))
    expect(page.locator("#results-heading")).to_contain_text("1 erfaringsrapport")
    axe_check(page, "reports list filtered")
    page.get_by_role("link", name="Hva vi lærte av selvstyrt turnus").click()
    expect(page.locator("#similar-heading")).to_be_visible()
    expect(page.get_by_role("link", name="Turnus laget av de ansatte selv")).to_be_visible()
    axe_check(page, "report read by the public")
    page.goto(live_server.url + "/")
    page.locator("a[href='/fokusomrader/faglig-frihet/']").click()
    expect(page.get_by_role("link", name="Hva vi lærte av selvstyrt turnus")).to_be_visible()
    axe_check(page, "focus area page")
