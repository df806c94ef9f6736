import datetime as dt

import pytest
from django.utils import timezone

from reporting.selectors import quarters
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _published(organisation, *, on, **kwargs):
    moment = timezone.make_aware(dt.datetime.combine(on, dt.time(12)))
    return InitiativeFactory(
        organisation=organisation, workflow_status="publisert", published_at=moment, **kwargs
    )


@pytest.fixture
def measures(bergen):
    trondheim = Organisation.objects.get(municipality_id="5001")
    _published(bergen, on=dt.date(2024, 2, 1), kind="pilot", areas=["faglig-frihet"])
    _published(
        bergen,
        on=dt.date(2024, 11, 1),
        kind="prosjekt",
        title="Tillitsreformen i barnehagen",
        areas=["mindre-rapportering", "faglig-frihet"],
        union_assessment="bekreftet",
    )
    _published(trondheim, on=dt.date(2025, 5, 1), kind="pilot", areas=["tillitsbasert-ledelse"])
    InitiativeFactory(organisation=bergen, title="Utkast telles ikke", kind="pilot")


def test_statistics_count_published_measures_by_every_dimension(client, measures, people):
    client.force_login(people["leder"])  # a member: their draft still does not count
    stats = client.get("/statistikk/").context["stats"]
    assert stats.total == 3
    assert stats.counts["fylke"] == {"46": 2, "50": 1}
    assert stats.counts["type"] == {"pilot": 2, "prosjekt": 1}
    assert stats.counts["kvartal"] == {"2024-1": 1, "2024-4": 1, "2025-2": 1}
    assert stats.counts["bekreftet"] == {"bekreftet": 1, "ukjent": 2}
    assert sum(stats.counts["fokusomrade"].values()) == 4  # a measure per focus area it has
    assert stats.matrix[("46", "1")] == 2 and stats.matrix[("50", "6")] == 1


def test_statistics_follow_the_overview_filter_and_its_search(client, measures):
    stats = client.get("/statistikk/?fylke=46&type=pilot").context["stats"]
    assert stats.total == 1
    stats = client.get("/statistikk/?q=tillitsreform").context["stats"]  # Norwegian stemming
    assert stats.total == 1 and stats.counts["type"] == {"prosjekt": 1}


def test_each_row_links_to_the_overview_with_exactly_its_measures(client, measures):
    charts = {
        chart.slug: chart for chart in client.get("/statistikk/?type=pilot").context["charts"]
    }
    rows = [row for row in charts["fylke"].rows if row.value]
    assert rows
    for row in rows:
        overview = client.get(row.url).context["overview"]
        assert overview.total == row.value


def test_every_chart_is_a_picture_with_a_title_a_summary_and_a_table(client, measures):
    response = client.get("/statistikk/")
    html = response.content.decode()
    charts = response.context["charts"]
    assert len(charts) == 9
    assert html.count('role="img"') == len(charts)
    # and the focus area x county table, the map's table, the three tables of hours given
    # back, the one of evidence and whether the measures last
    assert html.count("<table") == len(charts) + 2 + 4 + 1
    for chart in charts:
        # named by the chart's own heading and its summary
        assert f'aria-labelledby="{chart.slug} {chart.slug}-summary"' in html
        assert chart.summary
    assert "shade-" in html
    assert "<canvas" not in html and "<script" not in html.split("</header>")[1].split("<footer")[0]


def test_bars_scale_to_the_largest_value():
    from reporting.charts import Row, bar_chart

    chart = bar_chart("x", "X", "X", [Row("a", 4), Row("b", 2), Row("c", 0)], total=6)
    # in per cent of the room a bar has, so the chart reflows to any width
    assert [row.width for row in chart.rows] == [100, 50, 0]
    assert "a" in chart.summary and "4" in chart.summary


def test_quarters_without_publications_are_shown_as_zero():
    assert quarters({"2024-3": 2, "2025-1": 1}) == [("2024-3", 2), ("2024-4", 0), ("2025-1", 1)]
    assert quarters({}) == []


def test_empty_selection_and_bad_parameters_give_a_page_not_an_error(client, measures):
    response = client.get("/statistikk/?fylke=99&aar=1e9&side=-1&q=%00x&sortering=ukjent")
    assert response.status_code == 200
    assert "fylke=99" in response.content.decode()
    response = client.get("/statistikk/?q=ingenting+treffer+dette+ordet")
    assert response.status_code == 200 and response.context["stats"].total == 0


def test_statistics_query_budget(client, bergen, django_assert_max_num_queries):
    for index in range(25):
        _published(bergen, on=dt.date(2024, 1 + index % 12, 1))
    client.get("/statistikk/")  # the data version and reference data are read once
    # the database cache stores the new facet counts and figures in five queries each
    with django_assert_max_num_queries(16):
        client.get("/statistikk/?type=pilot")
    with django_assert_max_num_queries(4):
        client.get("/statistikk/?type=pilot")  # counts and figures from the cache
    with django_assert_max_num_queries(6):
        client.get("/statistikk/?q=skjema&fylke=46")


def test_cached_figures_are_renewed_when_a_measure_is_published(
    client, measures, people, bergen, django_capture_on_commit_callbacks
):
    from initiatives.services.workflow import initiative_publish

    assert client.get("/statistikk/?fylke=46").context["stats"].total == 2
    pending = InitiativeFactory(organisation=bergen, workflow_status="til_godkjenning")
    assert client.get("/statistikk/?fylke=46").context["stats"].total == 2
    with django_capture_on_commit_callbacks(execute=True):
        initiative_publish(initiative=pending, by=people["leder"])
    assert client.get("/statistikk/?fylke=46").context["stats"].total == 3


def test_a_shared_measure_counts_in_every_participants_county(client, measures, bergen):
    oslo = Organisation.objects.get(municipality_id="0301")
    shared = _published(bergen, on=dt.date(2025, 1, 10), kind="prosjekt", areas=["faglig-frihet"])
    shared.participating_organisations.add(oslo)
    stats = client.get("/statistikk/").context["stats"]
    assert stats.total == 4  # counted once in all
    assert stats.counts["fylke"] == {"03": 1, "46": 3, "50": 1}
    assert stats.matrix[("03", "1")] == 1
    rows = {row.label: row for row in _chart(client, "fylke").rows if row.value}
    assert all(client.get(row.url).context["overview"].total == row.value for row in rows.values())


def _chart(client, slug):
    charts = client.get("/statistikk/").context["charts"]
    return next(chart for chart in charts if chart.slug == slug)
