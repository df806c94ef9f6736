"""The hours given back, the evidence of effect and how many measures report each, over a
fixture whose sums are known: published measures only, rows without an estimate, measures
in several focus areas."""

import datetime as dt

import pytest
from django.utils import timezone

from initiatives.effect_figures import figures_from_rows, focus_area_figures, national_rows
from initiatives.models import FocusArea, Indicator, ReportingRemoval
from tillit.accounts.models import Organisation

from ..factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def national_figures():
    return figures_from_rows(national_rows())


def _published(organisation, **kwargs):
    moment = timezone.make_aware(dt.datetime(2025, 3, 1, 12))
    return InitiativeFactory(
        organisation=organisation, workflow_status="publisert", published_at=moment, **kwargs
    )


def _removed(initiative, hours, required_by="", given_back_to=""):
    return ReportingRemoval.objects.create(
        initiative=initiative,
        requirement=f"Skjema {hours}",
        hours_per_year=hours,
        required_by=required_by,
        given_back_to=given_back_to,
    )


@pytest.fixture
def ledger(bergen):
    """Four published measures, 200 hours in five rows (two without an estimate) of three
    of them, and a draft with 1 000 hours that must not count."""
    trondheim = Organisation.objects.get(municipality_id="5001")
    both = _published(
        bergen,
        title="To fokusområder",
        areas=["mindre-rapportering", "faglig-frihet"],
        evidence_methods=["egen_vurdering", "for_og_etter"],
    )
    _removed(both, 120, "departement", "ansatte")
    _removed(both, 30, "", "ledere")
    _removed(both, None, "tilsyn")
    Indicator.objects.create(initiative=both, name="Sykefravær")
    surveyed = _published(
        trondheim, areas=["mindre-rapportering"], evidence_methods=["sporreundersokelse"]
    )
    _removed(surveyed, 50, "egen", "ansatte")
    draft_report = ExperienceReportFactory(initiative=surveyed)
    Indicator.objects.create(initiative=surveyed, experience_report=draft_report, name="Utkast")
    reported = _published(bergen, areas=["tillitsbasert-ledelse"])
    report = ExperienceReportFactory(initiative=reported, workflow_status="publisert")
    Indicator.objects.create(initiative=reported, experience_report=report, name="Tid")
    unestimated = _published(bergen, areas=["faglig-frihet"])
    _removed(unestimated, None, "direktorat")
    draft = InitiativeFactory(organisation=bergen, evidence_methods=["sammenlignet"])
    _removed(draft, 1000, "departement", "ansatte")
    return {"both": both, "surveyed": surveyed, "reported": reported, "draft": draft}


def _number(slug):
    return FocusArea.objects.get(slug=slug).number


def test_national_hours_count_published_measures_only(ledger):
    figures = national_figures()
    assert figures.measures == 4
    total = figures.total
    assert (total.hours, total.rows, total.estimated, total.without_estimate) == (200, 5, 3, 2)
    assert (total.measures, total.estimated_measures) == (3, 2)


def test_hours_by_focus_area_count_a_measure_in_each_of_its_areas(ledger):
    by_area = national_figures().by("fokusomrade")
    fewer = by_area[str(_number("mindre-rapportering"))]
    assert (fewer.hours, fewer.rows, fewer.measures) == (200, 4, 2)
    freedom = by_area[str(_number("faglig-frihet"))]
    assert (freedom.hours, freedom.rows, freedom.measures, freedom.estimated_measures) == (
        150,
        4,
        2,
        1,
    )
    assert str(_number("tillitsbasert-ledelse")) not in by_area


def test_hours_by_who_required_the_reporting_and_whom_it_gave_time(ledger):
    figures = national_figures()
    required = {key: (t.hours, t.rows) for key, t in figures.by("kravstiller").items()}
    assert required == {
        "departement": (120, 1),
        "": (30, 1),
        "tilsyn": (0, 1),
        "egen": (50, 1),
        "direktorat": (0, 1),
    }
    given = {key: (t.hours, t.rows) for key, t in figures.by("gitt_til").items()}
    assert given == {"ansatte": (170, 2), "ledere": (30, 1), "": (0, 2)}


def test_evidence_counts_each_measure_by_its_strongest_method(ledger):
    figures = national_figures()
    assert figures.evidence == {"for_og_etter": 1, "sporreundersokelse": 1, "": 2}
    assert (figures.with_evidence, figures.without_evidence) == (2, 2)


def test_indicators_count_on_the_measure_or_a_published_report(ledger):
    assert national_figures().with_indicators == 2


def test_a_focus_area_counts_its_own_measures(ledger):
    figures = focus_area_figures(_number("faglig-frihet"))
    assert figures.measures == 2
    assert (figures.total.hours, figures.total.rows, figures.total.measures) == (150, 4, 2)
    assert figures.evidence == {"for_og_etter": 1, "": 1}
    assert figures.with_indicators == 1


def test_the_statistics_show_the_figures_under_the_overview_filter(client, ledger):
    response = client.get("/statistikk/")
    effects = response.context["effects"]
    assert effects.total.hours == 200 and effects.measures == 4
    html = response.content.decode()
    for slug in ("timer-fokusomrade", "timer-kravstiller", "timer-gitt-til", "evidens-caption"):
        assert f'<caption id="{slug}">' in html
    tables = {table.slug: table for table in response.context["hours_tables"]}
    assert [row.tally.hours for row in tables["timer-kravstiller"].rows] == [50, 120, 0, 0, 30]
    assert tables["timer-fokusomrade"].note
    assert (
        response.context["coverage"][3].startswith("2 ")
        and " 4 " in response.context["coverage"][3]
    )
    in_trondheim = client.get("/statistikk/?fylke=50").context["effects"]
    assert (in_trondheim.total.hours, in_trondheim.measures) == (50, 1)
    measured = client.get("/statistikk/?evidens=for_og_etter").context["effects"]
    assert (measured.total.hours, measured.total.rows) == (150, 3)
    searched = client.get("/statistikk/?q=fokusområder").context["effects"]
    assert searched.measures == 1 and searched.total.hours == 150


def test_the_evidence_table_lists_every_label_then_none(client, ledger):
    rows = client.get("/statistikk/").context["evidence"]
    assert [row.count for row in rows] == [0, 0, 1, 1, 0, 2]
    assert all(row.label and row.explanation for row in rows)


def test_the_front_page_shows_the_national_total_and_links_to_the_method(client, ledger):
    response = client.get("/")
    assert response.context["effects"].total.hours == 200
    html = response.content.decode()
    assert "<strong>200</strong>" in html
    assert 'href="/statistikk/#timer"' in html


def test_a_focus_area_page_shows_its_own_total_and_evidence(client, ledger):
    response = client.get("/fokusomrader/faglig-frihet/")
    assert response.context["effects"].total.hours == 150
    assert [row.count for row in response.context["evidence"]] == [0, 0, 1, 0, 0, 1]
    html = response.content.decode()
    assert "<strong>150</strong>" in html
    assert 'href="/statistikk/?fokusomrade=faglig-frihet#timer"' in html


def test_figures_are_renewed_with_the_data_version(client, ledger):
    from initiatives.overview.cache import bump_data_version

    assert client.get("/").context["effects"].total.hours == 200
    _removed(ledger["reported"], 7, "egen", "ledere")
    assert client.get("/").context["effects"].total.hours == 200  # cached
    bump_data_version()  # as every service writing a measure does
    assert client.get("/").context["effects"].total.hours == 207


def test_thousands_are_grouped_on_the_front_page(client, ledger):
    _removed(ledger["reported"], 12_345)
    html = client.get("/").content.decode()
    assert "<strong>12\xa0545</strong>" in html


def test_front_page_query_budget(client, ledger, people, django_assert_max_num_queries):
    client.get("/")  # the figures are computed and cached once per data version
    with django_assert_max_num_queries(15):
        client.get("/")
    client.force_login(people["leder"])
    client.get("/")
    with django_assert_max_num_queries(15):
        assert client.get("/").status_code == 200


def test_focus_area_page_query_budget(client, ledger, django_assert_max_num_queries):
    client.get("/fokusomrader/faglig-frihet/")
    with django_assert_max_num_queries(13):
        client.get("/fokusomrader/faglig-frihet/")


def test_statistics_with_the_figures_keep_their_query_budget(
    client, ledger, django_assert_max_num_queries
):
    client.get("/statistikk/")
    with django_assert_max_num_queries(4):
        client.get("/statistikk/")  # counts and effect figures from the one cache entry
    with django_assert_max_num_queries(6):
        client.get("/statistikk/?q=skjema&evidens=for_og_etter")
