"""Saving indicators and the ledger of reporting removed: only those who may edit the measure
(or report) write them, rows replace rows, and a bad row saves nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from initiatives.models import InitiativeChange
from initiatives.models.effects import Indicator, ReportingRemoval
from initiatives.services import experience_create, experience_update, initiative_update
from initiatives.services.records import InitiativeInput
from tillit.core.models import AuditEvent

from ..factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

SICK_LEAVE = {
    "name": "Sykefravær",
    "unit": "prosent",
    "baseline_value": Decimal("8.4"),
    "baseline_date": date(2024, 1, 31),
    "latest_value": Decimal("6.9"),
    "latest_date": date(2025, 1, 31),
    "source": "HR-systemet",
}
MONTHLY_REPORT = {
    "requirement": "Månedlig sykefraværsrapport til kommunedirektøren",
    "change": "fjernet",
    "required_by": "egen",
    "frequency": "manedlig",
    "hours_per_year": 240,
    "given_back_to": "ledere",
}


def _update(initiative, by, **rows):
    return initiative_update(
        initiative=initiative,
        by=by,
        data=InitiativeInput(
            values={"title": initiative.title, "evidence_methods": ["for_og_etter"]}, **rows
        ),
        expected_version=initiative.version,
    )


def test_staff_of_the_owner_save_indicators_and_the_ledger_recorded_in_history(people, bergen):
    initiative = InitiativeFactory(organisation=bergen)
    _update(
        initiative, people["ansatt"], indicators=[SICK_LEAVE], reporting_removed=[MONTHLY_REPORT]
    )
    indicator = Indicator.objects.get()
    assert indicator.initiative == initiative and indicator.experience_report is None
    assert indicator.latest_value == Decimal("6.90")
    assert ReportingRemoval.objects.get().hours_per_year == 240
    initiative.refresh_from_db()
    assert initiative.evidence_methods == ["for_og_etter"]
    change = InitiativeChange.objects.filter(initiative=initiative, action="edited").get()
    assert {"indicators", "reporting_removed", "evidence_methods"} <= set(change.fields)
    assert "Sykefravær" in change.fields["indicators"][1][0]
    audit = AuditEvent.objects.filter(action="initiative.edited").get()
    assert "reporting_removed" in audit.details["fields"]


def test_rows_given_replace_the_saved_ones_and_none_leaves_them(people, bergen):
    initiative = InitiativeFactory(organisation=bergen)
    initiative = _update(initiative, people["ansatt"], indicators=[SICK_LEAVE, SICK_LEAVE])
    initiative = _update(initiative, people["leder"], reporting_removed=[MONTHLY_REPORT])
    assert Indicator.objects.count() == 2  # indicators=None: left as they were
    _update(initiative, people["leder"], indicators=[{**SICK_LEAVE, "name": "Turnover"}])
    assert list(Indicator.objects.values_list("name", flat=True)) == ["Turnover"]
    assert ReportingRemoval.objects.count() == 1


def test_a_bad_row_saves_nothing_at_all(people, bergen):
    initiative = InitiativeFactory(organisation=bergen, title="Før")
    too_many_hours = {**MONTHLY_REPORT, "hours_per_year": 5_000_000}
    with pytest.raises(ValidationError) as error:
        initiative_update(
            initiative=initiative,
            by=people["ansatt"],
            data=InitiativeInput(
                values={"title": "Etter"},
                indicators=[SICK_LEAVE],
                reporting_removed=[too_many_hours],
            ),
            expected_version=initiative.version,
        )
    assert "reporting_removed" in error.value.message_dict
    initiative.refresh_from_db()
    assert initiative.title == "Før"
    assert not Indicator.objects.exists() and not ReportingRemoval.objects.exists()


@pytest.mark.parametrize("role", ["tillitsvalgt", "departement", "outsider", "leder_annen"])
def test_others_may_not_write_the_rows(people, bergen, role):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    with pytest.raises(PermissionDenied):
        _update(initiative, people[role], indicators=[SICK_LEAVE])
    assert not Indicator.objects.exists()


def test_a_report_keeps_its_own_indicators_apart_from_the_measures(people, bergen):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    Indicator.objects.create(initiative=initiative, **SICK_LEAVE)
    report = experience_create(
        initiative=initiative,
        by=people["ansatt"],
        data={
            "title": "Hva vi lærte",
            "summary": "Kort",
            "what_was_done": "Dette",
            "what_worked": "Mye",
            "challenges": "Noe",
            "transferability": "ja",
            "evidence_methods": ["sporreundersokelse"],
            "indicators": [
                {"name": "Trivsel", "unit": "skala 1–6", "latest_value": Decimal("4.8")}
            ],
        },
    )
    assert report.evidence_methods == ["sporreundersokelse"]
    assert list(report.indicators.values_list("name", flat=True)) == ["Trivsel"]
    assert report.indicators.get().initiative == initiative
    experience_update(report=report, by=people["leder"], data={"indicators": []})
    assert not report.indicators.exists()
    # the measure's own indicator is untouched by the report's rows
    assert list(Indicator.objects.values_list("name", flat=True)) == ["Sykefravær"]


@pytest.mark.parametrize("role", ["tillitsvalgt", "departement", "outsider", "leder_annen"])
def test_others_may_not_write_a_reports_indicators(people, bergen, role):
    report = ExperienceReportFactory(initiative=InitiativeFactory(organisation=bergen))
    with pytest.raises(PermissionDenied):
        experience_update(report=report, by=people[role], data={"indicators": [SICK_LEAVE]})
    assert not Indicator.objects.exists()
