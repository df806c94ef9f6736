"""The trial scheme in the browser: Grong and Lierne apply together from Grong's measure
(first forgetting the law, which the form points out with the typing kept), KDD sends it for
assessment, KD and HOD assess, KDD selects it, Lierne sends the final application with the
council's decision, KDD approves, the trial runs, is evaluated and ends; then the public reads
it. Every page visited is checked by axe."""

import pytest
from playwright.sync_api import expect

from tillit.accounts.models import Organisation, Role
from trials.models import TrialApplication, TrialRound

from ..factories import PASSWORD, InitiativeFactory, MembershipFactory
from ..trials.world import PDF
from .helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _person(organisation, role):
    return MembershipFactory(organisation=organisation, roles=[role]).user


def test_two_municipalities_apply_and_the_trial_runs_to_its_end(live_server, new_page, axe_check):
    grong = Organisation.objects.get(municipality_id="5045")
    lierne = Organisation.objects.get(municipality_id="5042")
    kd, hod = (Organisation.objects.get(short_name=name) for name in ("KD", "HOD"))
    kdd = Organisation.objects.get(short_name="KDD")
    people = {
        "grong": _person(grong, Role.LEDER),
        "lierne": _person(lierne, Role.LEDER),
        "kd": _person(kd, Role.DEPARTEMENT),
        "hod": _person(hod, Role.DEPARTEMENT),
        "kdd": _person(kdd, Role.DEPARTEMENT),
    }
    measure = InitiativeFactory(
        organisation=grong, workflow_status="publisert", title="Felles legevakt i Indre Namdal"
    )
    measure.responsible_ministries.set([kd, hod])
    TrialRound.objects.create(title="Forsøksrunde 2027", max_years=4)
    base = live_server.url

    def as_person(key):
        page = new_page()
        sign_in(page, base, people[key].email, PASSWORD)
        axe_check(page, f"my work of {key}")
        return page

    def step(page, link, label):
        page.goto(base + application.get_absolute_url())
        page.get_by_role("link", name=link).click()
        axe_check(page, label)

    def submit(page, button):
        page.get_by_role("button", name=button).click()
        expect(page.locator("h1")).to_have_text(application.title)
        axe_check(page, f"after {button}")

    # Grong's leader writes the application with Lierne.
    page = as_person("grong")
    page.goto(base + measure.get_absolute_url())
    axe_check(page, "measure with the trial panel")
    page.get_by_role("link", name="Søk om forsøk i forsøksordningen").click()
    axe_check(page, "application form")
    page.locator("#id_applicants").select_option([str(lierne.pk)])
    page.locator("#id_period_years").fill("3")
    page.locator("#id_exemption-0-section").fill("§ 3-5")
    page.locator("#id_exemption-0-obstacle").fill("Hver kommune må ha egen legevakt.")
    page.locator("#id_exemption-0-alternative").fill("Én felles legevakt for fire kommuner.")
    page.locator("#id_exemption-0-evaluation").fill("Følgeforskning fra Nord universitet.")
    page.get_by_role("button", name="Lagre utkastet").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("Velg loven eller forskriften")
    expect(page.locator("#id_exemption-0-section")).to_have_value("§ 3-5")
    axe_check(page, "application form with errors")
    page.locator("#id_exemption-0-legal_act").select_option(label="helse- og omsorgstjenesteloven")
    page.get_by_role("button", name="Lagre utkastet").click()
    expect(page.locator("h1")).to_have_text("Felles legevakt i Indre Namdal")
    application = TrialApplication.objects.get()
    axe_check(page, "draft application")
    page.get_by_role("link", name="Send forhåndssøknaden").click()
    axe_check(page, "send the preliminary application")
    submit(page, "Send søknaden")

    page = as_person("kdd")
    step(page, "Send til vurdering", "send for assessment")
    submit(page, "Send til vurdering")

    for key, verdict in (("kd", "Anbefalt"), ("hod", "Trenger avklaring")):
        page = as_person(key)
        step(page, "Vurder søknaden", f"assessment by {key}")
        page.get_by_label(verdict, exact=True).check()
        page.locator("#id_reasons").fill("Vurdert mot regelverket på vårt område.")
        submit(page, "Lagre vurderingen")

    page = as_person("kdd")
    step(page, "Velg ut eller ikke", "selection")
    page.get_by_label("Valgt ut: går videre").check()
    page.get_by_role("button", name="Lagre vedtaket").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("Begrunn vedtaket.")
    axe_check(page, "selection without reasons")
    page.locator("#id_reasons").fill("Godt forankret, og overførbart til andre kommuner.")
    submit(page, "Lagre vedtaket")

    page = as_person("lierne")
    step(page, "Send den endelige søknaden", "final application")
    page.locator("#id_council_body").fill("Lierne kommunestyre")
    page.locator("#id_council_date").fill("2026-11-20")
    page.locator("#id_council_case_number").fill("26/118")
    page.locator("#id_document").set_input_files(
        files=[{"name": "vedtak.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    submit(page, "Send søknaden")
    expect(page.get_by_role("link", name="vedtak.pdf")).to_be_visible()

    page = as_person("kdd")
    step(page, "Godkjenn forsøket", "approval")
    page.locator("#id_approving_ministry").select_option(label="Helse- og omsorgsdepartementet")
    page.locator("#id_regulation_title").fill("Forskrift om forsøk med felles legevakt")
    page.locator("#id_regulation_date").fill("2026-12-01")
    page.locator("#id_trial_start").fill("2027-01-01")
    page.locator("#id_trial_end").fill("2030-12-31")
    submit(page, "Godkjenn")

    page = as_person("grong")
    step(page, "Start forsøket", "start")
    submit(page, "Forsøket har startet")

    page = as_person("lierne")
    step(page, "Rapporter evalueringen", "evaluation")
    page.locator("#id_evaluation_url").fill("https://www.example.no/evaluering.pdf")
    page.locator("#id_evaluation_summary").fill("Kortere ventetid, like trygg legevakt.")
    submit(page, "Lagre evalueringen")

    page = as_person("hod")
    step(page, "Avslutt forsøket", "end")
    page.get_by_label("Gjort varig ved lovendring").check()
    submit(page, "Avslutt forsøket")

    application.refresh_from_db()
    assert application.workflow_status == "avsluttet"
    assert set(application.applicants.all()) == {grong, lierne}

    page = new_page()
    page.goto(base + "/forsok/")
    axe_check(page, "the public list")
    page.get_by_role("link", name="Felles legevakt i Indre Namdal").click()
    expect(page.locator("#decision-heading")).to_be_visible()
    expect(page.get_by_text("Gjort varig ved lovendring")).to_be_visible()
    expect(page.locator("#assessments-heading")).to_have_count(0)
    axe_check(page, "the trial read by the public")
    page.goto(base + "/forsok/statistikk/")
    expect(page.locator("tbody")).to_contain_text("helse- og omsorgstjenesteloven")
    axe_check(page, "statistics of the laws")
