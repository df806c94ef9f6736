"""Choosing participating organisations by keyboard in the search-as-you-type combobox
(Røyrvik finds Raarvihke, Snåsa finds Snåase), removing one again, and the sector ticking
its ministry; axe on the form with the list of results open."""

import pytest
from playwright.sync_api import expect

from initiatives.models import Initiative
from tillit.accounts.models import Organisation, Role

from ..factories import PASSWORD, MembershipFactory
from .helpers import reflow_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choose_participants_by_keyboard(live_server, new_page, axe_check):
    grong = Organisation.objects.get(municipality_id="5045")
    staff = MembershipFactory(organisation=grong, roles=[Role.ANSATT]).user
    page = new_page()
    sign_in(page, live_server.url, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/tiltak/ny/")
    page.locator("#id_title").fill("Felles legevakt i indre Namdal")

    # the sector ticks its ministry on a new measure and says so
    page.locator("#id_sector").select_option("helse_omsorg")
    hod = Organisation.objects.get(short_name="HOD")
    expect(page.locator(f"input[name=responsible_ministries][value='{hod.pk}']")).to_be_checked()
    expect(page.locator("#ministry-suggestion")).to_contain_text("Helse- og omsorgsdepartementet")

    combobox = page.get_by_role("combobox", name="Deltakende organisasjoner")
    expect(page.locator("#id_participating_organisations")).to_be_hidden()
    combobox.focus()
    page.keyboard.type("Røyrvik")
    option = page.get_by_role("option", name="Raarvihke kommune (Røyrvik)")
    expect(option).to_be_visible()
    expect(combobox).to_have_attribute("aria-expanded", "true")
    axe_check(page, "form with the results open")
    page.keyboard.press("ArrowDown")
    expect(combobox).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Fjern Raarvihke kommune")).to_be_visible()
    expect(combobox).to_have_value("")
    expect(combobox).to_be_focused()

    page.keyboard.type("snasa")
    expect(page.get_by_role("option", name="Snåase kommune (Snåsa)")).to_be_visible()
    page.keyboard.press("Escape")
    expect(combobox).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Fjern Snåase kommune")).to_be_visible()

    page.keyboard.type("lierne")
    page.keyboard.press("Enter")  # before choosing, Enter does not send the form
    expect(page.get_by_role("option", name="Lierne kommune")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    # the status region says what happened
    expect(page.locator(".organisation-picker [role=status]").first).to_have_text(
        "Lierne kommune er lagt til."
    )

    # Snåase again out: its chip is a button, reached with Shift+Tab
    snaase = page.get_by_role("button", name="Fjern Snåase kommune")
    snaase.focus()
    page.keyboard.press("Enter")
    expect(snaase).to_have_count(0)
    expect(combobox).to_be_focused()
    axe_check(page, "form with chosen participants")
    assert not reflow_problems(page, {"width": 320, "height": 640})

    page.locator("button[name=action][value=save]").click()
    page.wait_for_url("**/tiltak/*/**")
    measure = Initiative.objects.get()
    assert {o.municipality_id for o in measure.participating_organisations.all()} == {
        "5042",
        "5043",
    }
    assert list(measure.responsible_ministries.all()) == [hod]
    axe_check(page, "the measure's page")
