"""The section "Results and effect" on the measure form and the report form: blank rows
ignored, a half-filled row refused with Norwegian messages and the typing kept, nothing
half-saved, and "Add a row" without script; the pages show what was saved."""

from datetime import date
from decimal import Decimal

import pytest

from initiatives.models import Initiative
from initiatives.models.effects import Indicator, ReportingRemoval

from ..factories import ExperienceReportFactory, InitiativeFactory
from .test_views import _full_form

pytestmark = pytest.mark.django_db


def _rows(prefix: str, rows: list[dict]) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": 0}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


BLANK_REMOVAL = {"change": "fjernet"}  # the choice a blank row still holds
SICK_LEAVE = {
    "name": "Sykefravær",
    "unit": "prosent",
    "baseline_value": "8,4",
    "baseline_date": "2024-01-31",
    "latest_value": "6,9",
    "latest_date": "2025-01-31",
    "source": "HR-systemet",
}
MONTHLY_REPORT = {
    "requirement": "Månedlig sykefraværsrapport til kommunedirektøren",
    "change": "fjernet",
    "required_by": "egen",
    "frequency": "manedlig",
    "hours_per_year": "240",
    "given_back_to": "ledere",
}


def _edit_form(initiative, bergen, indicators, removals, **overrides):
    return {
        **_full_form(bergen, version=initiative.version, action="save", **overrides),
        **_rows("indicators", indicators),
        **_rows("reporting_removed", removals),
    }


def test_blank_rows_are_ignored_and_filled_rows_saved(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen)
    client.force_login(people["ansatt"])
    data = _edit_form(
        initiative,
        bergen,
        [{}, SICK_LEAVE, {}],
        [BLANK_REMOVAL, MONTHLY_REPORT],
        evidence_methods=["for_og_etter", "egen_vurdering"],
    )
    response = client.post(f"/tiltak/{initiative.pk}/rediger/", data)
    assert response.status_code == 302
    indicator = Indicator.objects.get()
    assert indicator.baseline_value == Decimal("8.40") and indicator.latest_date == date(
        2025, 1, 31
    )
    assert ReportingRemoval.objects.get().hours_per_year == 240
    initiative.refresh_from_db()
    assert initiative.evidence_methods == ["for_og_etter", "egen_vurdering"]


def test_a_half_filled_row_is_refused_in_norwegian_and_nothing_is_saved(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen, title="Gammel tittel")
    client.force_login(people["ansatt"])
    data = _edit_form(
        initiative,
        bergen,
        [{"unit": "prosent", "latest_value": "6,9"}],
        [MONTHLY_REPORT, {"hours_per_year": "mange"}],
        title="Ny tittel",
    )
    response = client.post(f"/tiltak/{initiative.pk}/rediger/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "ds-error-summary" in html
    assert "Skriv hva som ble målt, eller tøm hele raden." in html
    assert 'href="#id_indicators-0-name"' in html and "Indikator 1" in html
    assert "(obligatorisk)" not in html.split('id="effects"')[1]  # every row is optional
    assert "Skriv hvilket krav det var, eller tøm hele raden." in html
    assert 'href="#id_reporting_removed-1-hours_per_year"' in html
    assert '<details class="ds-details form-section effects-section" id="effects" open>' in html
    # the typing is kept, nothing is saved
    assert 'value="6,9"' in html and 'value="mange"' in html and 'value="Ny tittel"' in html
    initiative.refresh_from_db()
    assert initiative.title == "Gammel tittel"
    assert not Indicator.objects.exists() and not ReportingRemoval.objects.exists()


def test_the_section_is_closed_until_opened(client, people, bergen):
    client.force_login(people["ansatt"])
    html = client.get("/tiltak/ny/").content.decode()
    assert '<details class="ds-details form-section effects-section" id="effects">' in html
    assert "Resultater og effekt" in html and "Legg til en rad" in html


def test_add_a_row_without_script_keeps_the_typing_and_saves_nothing(client, people, bergen):
    client.force_login(people["ansatt"])
    data = {
        **_full_form(bergen, action="add_row:indicators", title="Ikke lagret ennå"),
        **_rows("indicators", [SICK_LEAVE]),
        **_rows("reporting_removed", [MONTHLY_REPORT]),
    }
    response = client.post("/tiltak/ny/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert len(form.row_formsets["indicators"].forms) == 3  # the typed row, a blank one, one more
    assert len(form.row_formsets["reporting_removed"].forms) == 2
    html = response.content.decode()
    assert 'value="Sykefravær"' in html and 'value="8,4"' in html and 'value="240"' in html
    assert 'value="Ikke lagret ennå"' in html and "ds-error-summary" not in html
    assert 'id="effects" open' in html and 'id="id_indicators-2-name"' in html
    assert not Initiative.objects.exists()


def test_the_similar_check_keeps_the_rows_typed(client, people, bergen):
    client.force_login(people["ansatt"])
    data = {
        **_full_form(bergen, action="similar"),
        **_rows("indicators", [SICK_LEAVE]),
        **_rows("reporting_removed", []),
    }
    html = client.post("/tiltak/ny/", data).content.decode()
    assert 'value="Sykefravær"' in html
    assert not Initiative.objects.exists()


def test_a_new_measure_is_saved_with_its_rows(client, people, bergen):
    client.force_login(people["ansatt"])
    data = {
        **_full_form(bergen, action="save", evidence_methods=["folgeforskning"]),
        **_rows("indicators", [SICK_LEAVE, {}]),
        **_rows("reporting_removed", [MONTHLY_REPORT, BLANK_REMOVAL]),
    }
    assert client.post("/tiltak/ny/", data).status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.evidence_methods == ["folgeforskning"]
    assert initiative.indicators.count() == 1 and initiative.reporting_removed.count() == 1


def test_the_edit_form_shows_the_saved_rows_and_one_blank(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen)
    Indicator.objects.create(initiative=initiative, name="Sykefravær", latest_value=Decimal("6.9"))
    client.force_login(people["ansatt"])
    form = client.get(f"/tiltak/{initiative.pk}/rediger/").context["form"]
    indicators = form.row_formsets["indicators"]
    assert len(indicators.forms) == 2
    assert form.effects_filled == "1 indikator" and not form.effects_open
    assert indicators.forms[0]["name"].value() == "Sykefravær"
    assert "6,9" in str(indicators.forms[0]["latest_value"])


def test_the_measure_page_shows_evidence_indicators_and_hours(client, bergen):
    initiative = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        evidence_methods=["egen_vurdering", "for_og_etter"],
    )
    Indicator.objects.create(
        initiative=initiative,
        name="Sykefravær",
        unit="prosent",
        baseline_value=Decimal("8.4"),
        baseline_date=date(2024, 1, 31),
        latest_value=Decimal("6.9"),
        latest_date=date(2025, 1, 31),
        source="HR-systemet",
    )
    for hours in (1000, 240):
        ReportingRemoval.objects.create(
            initiative=initiative,
            requirement=f"Rapport {hours}",
            required_by="direktorat",
            required_by_name="Helsedirektoratet",
            frequency="manedlig",
            hours_per_year=hours,
            given_back_to="ansatte",
        )
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "Resultater og effekt" in html
    assert "Målt før og etter" in html and "Egen vurdering" in html
    assert "8,4" in html and "6,9" in html and "-1,5" in html and "31.01.2024" in html
    assert "8,40" not in html  # no trailing zeros
    assert "Et direktorat (Helsedirektoratet)" in html and "Månedlig" in html
    assert "1\xa0240 timer i året" in html and "anslått av virksomheten selv" in html


def test_nothing_is_shown_when_empty(client, bergen):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert 'id="effects-heading"' not in html


def test_the_report_form_saves_evidence_and_indicators(client, people, bergen):
    report = ExperienceReportFactory(
        initiative=InitiativeFactory(organisation=bergen), created_by=people["ansatt"]
    )
    client.force_login(people["ansatt"])
    form = client.get(f"/erfaringer/{report.pk}/rediger/").context["form"]
    data = {
        name: field.value()
        for name, field in ((name, form[name]) for name in form.fields)
        if field.value() is not None
    }
    data.update(
        {
            "action": "add_row:indicators",
            "evidence_methods": ["sporreundersokelse"],
            **_rows("indicators", [SICK_LEAVE]),
        }
    )
    response = client.post(f"/erfaringer/{report.pk}/rediger/", data)
    assert response.status_code == 200
    assert len(response.context["form"].row_formsets["indicators"].forms) == 3
    assert not report.indicators.exists()
    data["action"] = "save"
    response = client.post(f"/erfaringer/{report.pk}/rediger/", data)
    assert response.status_code == 302, response.context["form"].errors
    report.refresh_from_db()
    assert report.evidence_methods == ["sporreundersokelse"]
    assert report.indicators.get().initiative == report.initiative
    html = client.get(report.get_absolute_url()).content.decode()
    assert "Spørreundersøkelse" in html and "Sykefravær" in html


def test_a_half_filled_report_row_is_refused(client, people, bergen):
    report = ExperienceReportFactory(
        initiative=InitiativeFactory(organisation=bergen), created_by=people["ansatt"]
    )
    client.force_login(people["ansatt"])
    form = client.get(f"/erfaringer/{report.pk}/rediger/").context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"title": "Endret", **_rows("indicators", [{"unit": "timer"}])})
    response = client.post(f"/erfaringer/{report.pk}/rediger/", data)
    assert response.status_code == 200
    assert "Skriv hva som ble målt, eller tøm hele raden." in response.content.decode()
    report.refresh_from_db()
    assert report.title != "Endret" and not report.indicators.exists()


def test_the_history_names_the_rows_changed(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen)
    client.force_login(people["ansatt"])
    data = _edit_form(
        initiative, bergen, [SICK_LEAVE], [MONTHLY_REPORT], evidence_methods=["for_og_etter"]
    )
    assert client.post(f"/tiltak/{initiative.pk}/rediger/", data).status_code == 302
    client.force_login(people["leder"])
    history = client.get(initiative.get_absolute_url()).context["history"]
    rows = {label: new for entry in history for label, _old, new in entry["rows"]}
    assert rows["hvordan effekten ble vurdert"] == "målt før og etter"
    assert rows["indikatorer"].startswith("Sykefravær; prosent; 8.40; 2024-01-31")
    assert "Månedlig sykefraværsrapport" in rows["rapporteringskrav fjernet"]


@pytest.mark.parametrize("role", ["tillitsvalgt", "departement", "leder_annen"])
def test_others_cannot_post_rows_to_the_forms(client, people, bergen, role):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    report = ExperienceReportFactory(initiative=initiative, created_by=people["ansatt"])
    client.force_login(people[role])
    rows = {**_rows("indicators", [SICK_LEAVE]), **_rows("reporting_removed", [MONTHLY_REPORT])}
    for action in ("add_row:indicators", "save"):
        data = {**_full_form(bergen, version=initiative.version, action=action), **rows}
        assert client.post(f"/tiltak/{initiative.pk}/rediger/", data).status_code in (403, 404)
        response = client.post(f"/erfaringer/{report.pk}/rediger/", {**rows, "action": action})
        assert response.status_code in (403, 404)
    assert not Indicator.objects.exists() and not ReportingRemoval.objects.exists()


@pytest.mark.parametrize("total", ["abc", "-1", "1000"])
@pytest.mark.parametrize("action", ["save", "add_row:indicators"])
def test_a_tampered_row_count_never_fails(client, people, bergen, total, action):
    client.force_login(people["ansatt"])
    data = {
        **_full_form(bergen, action=action),
        **_rows("indicators", [SICK_LEAVE]),
        **_rows("reporting_removed", []),
        "indicators-TOTAL_FORMS": total,
    }
    response = client.post("/tiltak/ny/", data)
    assert response.status_code in (200, 302)
    if action == "save" and total != "-1":  # -1: no rows, as Django reads it
        assert response.status_code == 200 and "ds-error-summary" in response.content.decode()
        assert not Initiative.objects.exists()


def test_a_row_holding_only_its_always_chosen_choice_is_blank(client, people, bergen):
    """A saved requirement emptied on the form is removed, whichever choice its select shows."""
    initiative = InitiativeFactory(organisation=bergen)
    ReportingRemoval.objects.create(initiative=initiative, requirement="Gammelt krav")
    client.force_login(people["ansatt"])
    data = _edit_form(initiative, bergen, [], [{"change": "forenklet"}, BLANK_REMOVAL])
    assert client.post(f"/tiltak/{initiative.pk}/rediger/", data).status_code == 302
    assert not ReportingRemoval.objects.exists()
