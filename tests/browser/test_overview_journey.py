"""A ministry adviser narrows the overview with facets and a search; the list updates in
place (htmx), the address follows, the back button works, and the export matches."""

import re

import pytest
from playwright.sync_api import expect

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
