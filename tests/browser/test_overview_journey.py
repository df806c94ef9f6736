"""A ministry adviser narrows the overview with facets and a search; the list updates in
place (htmx), the address follows, the back button works, and the export matches."""

import re

import pytest
from playwright.sync_api import expect

from initiatives import vocabulary
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_facets_and_search_work_together(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    oslo = Organisation.objects.get(municipality_id="0301")
    for organisation, kind, title in [
        (bergen, "pilot", "Tillitsbasert turnus i hjemmetjenesten"),
        (bergen, "prosjekt", "Færre rapporter fra barnehagene"),
        (oslo, "pilot", "Selvstyrte team i bydelene"),
        (oslo, "prosjekt", "Tillitsreformen i skolen"),
    ]:
        InitiativeFactory(
            organisation=organisation, kind=kind, title=title, workflow_status="publisert"
        )

    page = new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(live_server.url + "/tiltak/")
    expect(page.locator("#results-heading")).to_have_text("4 tiltak")
    axe_check(page, "overview")

    page.locator("#f-type-pilot").check()
    expect(page.locator("#results-heading")).to_have_text("2 tiltak")
    expect(page).to_have_url(re.compile(r"type=pilot"))
    expect(page.locator("#f-type-pilot")).to_be_checked()
    # The county facet counts respect the kind filter: one pilot in each county.
    expect(page.locator("label[for=f-fylke-46]")).to_contain_text("(1)")
    axe_check(page, "overview, pilots")

    page.locator("#f-fylke-46").check()
    expect(page.locator("#results-heading")).to_have_text("1 tiltak")
    page.locator("#id_q").fill("turnus")
    page.locator("#id_q").press("Enter")
    expect(page).to_have_url(re.compile(r"q=turnus"))
    expect(page.locator("#results-heading")).to_have_text("1 tiltak")
    expect(page.locator(".result h3")).to_have_text("Tillitsbasert turnus i hjemmetjenesten")
    axe_check(page, "overview, pilots in Vestland about turnus")

    page.go_back()
    expect(page.locator("#id_q")).to_have_value("")
    expect(page.locator("#f-fylke-46")).to_be_checked()

    href = page.locator("a[href^='/tiltak/eksport.csv']").get_attribute("href")
    response = page.request.get(live_server.url + href)
    body = response.body().decode("utf-8-sig")
    assert "Tillitsbasert turnus i hjemmetjenesten" in body
    assert "Selvstyrte team" not in body
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_a_mistyped_search_is_corrected_said_aloud_and_can_be_undone(
    live_server, new_page, axe_check
):
    bergen = Organisation.objects.get(municipality_id="4601")
    InitiativeFactory(
        organisation=bergen,
        title="Felles møteplass",
        summary="Et fast møte for tillitsvalgte og ledelsen.",
        description="Ledelsen inviterer hver måned.",
        workflow_status="publisert",
    )
    vocabulary.refresh()
    page = new_page()
    page.goto(live_server.url + "/tiltak/")
    page.locator("#id_q").fill("tilitsvalgte")
    page.locator("#id_q").press("Enter")
    expect(page).to_have_url(re.compile(r"q=tilitsvalgte"))
    expect(page.locator(".result h3")).to_have_text("Felles møteplass")
    expect(page.locator("#live-announcer")).to_have_text(
        "1 tiltak Viser treff for «tillitsvalgte»."
    )
    axe_check(page, "overview, a corrected search")

    page.get_by_role("link", name="Søk i stedet etter «tilitsvalgte»").click()
    expect(page).to_have_url(re.compile(r"eksakt=1"))
    expect(page.locator(".search-correction")).to_have_count(0)
