"""The open data gives each measure's evidence, indicators and reporting removed (with the
hours summed) and each report's evidence and indicators, in a fixed number of queries."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives.models.effects import Indicator, ReportingRemoval

from ..factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def _measure_with_effects(bergen):
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        evidence_methods=["egen_vurdering", "for_og_etter"],
    )
    Indicator.objects.create(
        initiative=measure,
        name="Sykefravær",
        unit="prosent",
        baseline_value=Decimal("8.4"),
        baseline_date=date(2024, 1, 31),
        latest_value=Decimal("6.9"),
    )
    for hours in (240, None, 60):
        ReportingRemoval.objects.create(
            initiative=measure, requirement="Avviksrapportering i to systemer", hours_per_year=hours
        )
    return measure


def test_a_measure_record_has_its_evidence_indicators_and_hours(client, bergen):
    measure = _measure_with_effects(bergen)
    report = ExperienceReportFactory(
        initiative=measure, workflow_status="publisert", evidence_methods=["sporreundersokelse"]
    )
    Indicator.objects.create(initiative=measure, experience_report=report, name="Trivsel")
    record = client.get(f"/api/v1/tiltak/{measure.pk}/").json()
    assert record["effekt"]["metoder"] == ["egen_vurdering", "for_og_etter"]
    assert record["effekt"]["evidens"] == "for_og_etter"
    assert record["effekt"]["evidens_etikett"] == "Målt før og etter"
    [indicator] = record["effekt"]["indikatorer"]  # the report's indicator is the report's
    assert indicator["verdi_for"] == 8.4 and indicator["dato_for"] == "2024-01-31"
    assert indicator["siste_dato"] is None
    removed = record["rapportering_fjernet"]
    assert len(removed["krav"]) == 3 and removed["timer_per_ar_sum"] == 300
    assert removed["krav"][0]["endring"] == "fjernet"
    listed = client.get("/api/v1/erfaringer/").json()["resultater"]
    assert listed[0]["effekt"]["evidens"] == "sporreundersokelse"
    assert [i["navn"] for i in listed[0]["effekt"]["indikatorer"]] == ["Trivsel"]


def test_a_measure_without_effects_has_empty_ones(client, bergen):
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    record = client.get(f"/api/v1/tiltak/{measure.pk}/").json()
    assert record["effekt"] == {
        "metoder": [],
        "evidens": None,
        "evidens_etikett": None,
        "indikatorer": [],
    }
    assert record["rapportering_fjernet"] == {"krav": [], "timer_per_ar_sum": None}


def test_the_schema_describes_effects_and_the_ledger(client):
    schemas = client.get("/api/v1/schema/").json()["components"]["schemas"]
    assert {"effekt", "rapportering_fjernet"} <= set(schemas["Tiltak"]["properties"])
    assert "effekt" in schemas["Erfaring"]["properties"]
    assert "timer_per_ar_sum" in schemas["RapporteringFjernet"]["properties"]
    assert "verdi_for" in schemas["Indikator"]["properties"]
    docs = client.get("/api/v1/dokumentasjon/").content.decode()
    assert "effekt.metoder" in docs and "folgeforskning" in docs


def test_the_list_reads_effects_in_a_fixed_number_of_queries(client, bergen):
    _measure_with_effects(bergen)
    client.get("/api/v1/tiltak/")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/tiltak/")
    for _ in range(6):
        _measure_with_effects(bergen)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/api/v1/tiltak/")
    assert response.json()["antall"] == 7
    assert _effect_queries(many) == _effect_queries(few) == 2


def _effect_queries(captured) -> int:
    tables = ('"initiatives_indicator"', '"initiatives_reportingremoval"')
    return sum(1 for q in captured.captured_queries if any(t in q["sql"] for t in tables))


def test_exports_have_evidence_indicators_and_hours(client, bergen):
    from openpyxl import load_workbook

    _measure_with_effects(bergen)
    InitiativeFactory(organisation=bergen, workflow_status="publisert")
    response = client.get("/tiltak/eksport.xlsx?sortering=tittel")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    header = list(rows[0])
    evidence, count, hours = (
        header.index("Evidens"),
        header.index("Antall indikatorer"),
        header.index("Timer i året gitt tilbake"),
    )
    found = {(row[evidence], row[count], row[hours]) for row in rows[1:]}
    assert ("Målt før og etter", 1, 300) in found
    assert (None, 0, None) in found
