"""The demo shows measures with indicators and ledger entries, and a report with indicators."""

import pytest
from django.core.management import call_command

from initiatives.models import ExperienceReport, Initiative
from initiatives.models.effects import Indicator, ReportingRemoval

pytestmark = pytest.mark.django_db


def test_the_demo_gives_measures_and_a_report_results_once(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "200", "--seed", "1")
    with_results = Initiative.objects.filter(
        pk__in=[
            *Indicator.objects.filter(experience_report=None).values_list("initiative", flat=True),
            *ReportingRemoval.objects.values_list("initiative", flat=True),
        ]
    )
    assert with_results.count() >= 5
    assert with_results.exclude(evidence_methods=[]).count() == with_results.count()
    report = (
        ExperienceReport.objects.filter(indicators__isnull=False)
        .distinct()
        .get(title="Mindre skjemavelde i heimetenesta")
    )
    counts = (Indicator.objects.count(), ReportingRemoval.objects.count())
    call_command("seed_demo", "--initiatives", "200", "--seed", "1")
    assert (Indicator.objects.count(), ReportingRemoval.objects.count()) == counts
    measure = (
        with_results.filter(workflow_status="publisert", title="Færre skjema i hjemmetjenesten")
        .order_by("pk")
        .first()
    )
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "Månedlig sykefraværsrapport til kommunedirektøren" in html
    assert "3\xa0460 timer i året" in html and "anslått av virksomheten selv" in html
    html = client.get(report.get_absolute_url()).content.decode()
    assert "Tid hos brukaren per besøk" in html and "Spørreundersøkelse" in html
