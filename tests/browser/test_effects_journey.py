"""Staff open "Resultater og effekt" on the measure form with the keyboard, add a row without
script's help, fill in an indicator and a reporting requirement removed, and save; the
measure's page shows them. axe checks the form and the page; neither scrolls sideways at
320 px."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from initiatives.models.effects import Indicator, ReportingRemoval
from tillit.accounts.models import Organisation, Role

from ..factories import PASSWORD, ExperienceReportFactory, InitiativeFactory, MembershipFactory
from .helpers import reflow_problems, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_staff_record_an_indicator_and_reporting_removed(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    staff = MembershipFactory(organisation=bergen, roles=[Role.ANSATT]).user
    measure = InitiativeFactory(organisation=bergen, created_by=staff)
    page = new_page()
    sign_in(page, live_server.url, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/tiltak/{measure.pk}/rediger/")

    section = page.locator("details#effects")
    expect(section).not_to_have_attribute("open", "")
    section.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(section).to_have_attribute("open", "")
    page.locator("input[name=evidence_methods][value=for_og_etter]").focus()
    page.keyboard.press("Space")
    page.locator("#id_indicators-0-name").fill("Sykefravær")
    page.locator("#id_indicators-0-unit").fill("prosent")
    page.locator("#id_indicators-0-baseline_value").fill("8,4")
    page.locator("#id_indicators-0-latest_value").fill("6,9")
    page.locator("#id_reporting_removed-0-requirement").fill(
        "Månedlig sykefraværsrapport til kommunedirektøren"
    )
    page.locator("#id_reporting_removed-0-required_by").select_option("egen")
    page.locator("#id_reporting_removed-0-frequency").select_option("manedlig")
    page.locator("#id_reporting_removed-0-hours_per_year").fill("240")

    # "Legg til en rad" draws the form again with what was typed and one more row
    page.get_by_role("button", name=re.compile(r"^Legg til en rad\W+Indikatorer")).click()
    expect(page.locator("#id_indicators-1-name")).to_be_visible()
    expect(page.locator("#id_indicators-0-baseline_value")).to_have_value("8,4")
    expect(page.locator("#id_reporting_removed-0-hours_per_year")).to_have_value("240")
    assert not Indicator.objects.exists()
    axe_check(page, "measure form with results and effect open")
    assert reflow_problems(page) == []

    page.locator("button[name=action][value=save]").click()
    expect(page.locator("#effects-heading")).to_have_text("Resultater og effekt")
    assert Indicator.objects.get().latest_value == Decimal("6.9")
    assert ReportingRemoval.objects.get().hours_per_year == 240
    expect(page.locator("[data-evidence=for_og_etter]")).to_have_text("Målt før og etter")
    expect(page.get_by_text("anslått av virksomheten selv")).to_be_visible()
    axe_check(page, "measure page with results and effect")
    assert reflow_problems(page) == []


def test_a_report_with_indicators_reads_well(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    staff = MembershipFactory(organisation=bergen, roles=[Role.ANSATT]).user
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    report = ExperienceReportFactory(
        initiative=measure,
        workflow_status="publisert",
        created_by=staff,
        evidence_methods=["sporreundersokelse"],
    )
    Indicator.objects.create(
        initiative=measure,
        experience_report=report,
        name="Ansatte som opplever mer tillit",
        unit="prosent",
        baseline_value=Decimal("41"),
        latest_value=Decimal("68.5"),
        source="Medarbeiderundersøkelsen",
    )
    page = new_page()
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    expect(page.locator("[data-evidence=sporreundersokelse]")).to_have_text("Spørreundersøkelse")
    expect(page.get_by_role("cell", name="+27,5")).to_be_visible()
    axe_check(page, "experience report with indicators")
    assert reflow_problems(page) == []

    sign_in(page, live_server.url, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/erfaringer/{report.pk}/rediger/")
    page.locator("details#effects > summary").click()
    expect(page.locator("#id_indicators-0-name")).to_have_value("Ansatte som opplever mer tillit")
    axe_check(page, "experience report form with results and effect open")
    assert reflow_problems(page) == []
