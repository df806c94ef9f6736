"""Registering a measure that others have tried (issue 22): once title and summary are filled
in, the form lists the published measures like it (htmx), and the button does the same
without script; both pass axe and reflow at 320 px."""

from datetime import date

import pytest
from playwright.sync_api import expect

from initiatives.vocabulary import refresh
from tillit.accounts.models import Membership, Organisation, Role

from ..factories import PASSWORD, InitiativeFactory, UserFactory
from .helpers import reflow_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_form_shows_similar_measures_while_typing_and_with_the_button(
    live_server, new_page, axe_check
):
    bergen = Organisation.objects.get(municipality_id="4601")
    stavanger = Organisation.objects.get(municipality_id="1103")
    staff = UserFactory()
    Membership.objects.create(user=staff, organisation=bergen, roles=[Role.ANSATT])
    other = InitiativeFactory(
        organisation=stavanger,
        workflow_status="publisert",
        title="Samordnet tilsyn med omsorgstjenestene",
        summary="Statsforvalteren og kommunen samler tilsynene med helse- og "
        "omsorgstjenesten i ett årlig tilsynsbesøk.",
        areas=["tilsyn-og-kontroll"],
    )
    refresh()

    page = new_page()
    sign_in(page, live_server.url, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/tiltak/ny/")
    page.locator("#id_title").fill("Samordnet statlig tilsyn med helse- og omsorgstjenesten")
    page.locator("#id_summary").fill(
        "Vi samler tilsynene med helse- og omsorgstjenestene i ett felles tilsynsbesøk i året."
    )
    page.locator("#id_description").click()  # leaving the summary: the check runs
    link = page.locator("#similar-check").get_by_role("link", name=other.title)
    expect(link).to_be_visible()
    expect(page.locator("#similar-check")).to_contain_text("Stavanger")
    axe_check(page, "measure form with similar measures (htmx)")
    assert reflow_problems(page) == []

    page.get_by_role("button", name="Se om andre har gjort noe lignende").click()
    page.wait_for_load_state()
    expect(page.locator("#similar-check").get_by_role("link", name=other.title)).to_be_visible()
    expect(page.locator("#id_title")).to_have_value(
        "Samordnet statlig tilsyn med helse- og omsorgstjenesten"
    )
    axe_check(page, "measure form with similar measures (button)")


def test_the_measure_page_and_its_list_pass_axe(live_server, new_page, axe_check):
    texts = [
        ("Samordnet tilsyn med omsorgstjenestene", "1103"),
        ("Samordnet statlig tilsyn med omsorgstjenesten", "5001"),
    ]
    first, second = (
        InitiativeFactory(
            organisation=Organisation.objects.get(municipality_id=number),
            workflow_status="publisert",
            title=title,
            summary="Statsforvalteren og kommunen samler tilsynene med helse- og "
            "omsorgstjenesten i ett årlig tilsynsbesøk.",
            lifecycle_status="avsluttet",
            end_date=date(2025, 6, 1),
            areas=["tilsyn-og-kontroll"],
        )
        for title, number in texts
    )
    refresh()
    page = new_page()
    for path in (first.get_absolute_url(), f"/tiltak/{first.pk}/lignende/"):
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("link", name=second.title)).to_be_visible()
        axe_check(page, f"similar measures on {path}")
        assert reflow_problems(page) == []


def test_the_check_button_keeps_the_focus_when_the_list_arrives(live_server, new_page):
    """A keyboard user who tabbed onto the button as the list came back stays on it."""
    staff = UserFactory()
    bergen = Organisation.objects.get(municipality_id="4601")
    Membership.objects.create(user=staff, organisation=bergen, roles=[Role.ANSATT])
    page = new_page()
    sign_in(page, live_server.url, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/tiltak/ny/")
    page.locator("#id_title").fill("Samordnet tilsyn")
    button = page.locator("#similar-check button[value=similar]")
    button.focus()
    with page.expect_response("**/tiltak/ny/lignende/**"):
        page.locator("#id_title").dispatch_event("change")
    page.wait_for_timeout(300)  # the swap follows the response
    assert page.evaluate("() => document.activeElement.value") == "similar"
