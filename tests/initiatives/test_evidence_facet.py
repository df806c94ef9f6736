"""The overview's evidence facet (``evidens``): measures by how their effect was judged,
multi-select like the other facets, counted on the overview entries."""

import pytest

from initiatives.models import OverviewEntry

from ..factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def judged(bergen):
    made = {
        "measured": InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            kind="pilot",
            evidence_methods=["egen_vurdering", "for_og_etter"],
        ),
        "surveyed": InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            kind="prosjekt",
            evidence_methods=["sporreundersokelse"],
        ),
        "unjudged": InitiativeFactory(organisation=bergen, workflow_status="publisert"),
        "draft": InitiativeFactory(organisation=bergen, evidence_methods=["for_og_etter"]),
    }
    return made


def _facet(overview, name="evidens"):
    return {
        option.value: option.count
        for facet in overview.facets
        if facet.name == name
        for option in facet.options
    }


def test_the_entry_copies_the_methods_when_they_change(judged):
    measure = judged["unjudged"]
    assert OverviewEntry.objects.get(pk=measure.pk).evidence_methods == []
    measure.evidence_methods = ["folgeforskning"]
    measure.save()
    assert OverviewEntry.objects.get(pk=measure.pk).evidence_methods == ["folgeforskning"]


def test_the_overview_filters_by_kind_of_evidence(client, judged):
    overview = client.get("/tiltak/?evidens=for_og_etter").context["overview"]
    assert overview.total == 1
    assert [row.pk for row in overview.page.object_list] == [judged["measured"].pk]
    either = client.get("/tiltak/?evidens=for_og_etter&evidens=sporreundersokelse")
    assert either.context["overview"].total == 2


def test_each_method_counts_the_measures_that_record_it(client, judged):
    overview = client.get("/tiltak/").context["overview"]
    assert _facet(overview) == {"for_og_etter": 1, "sporreundersokelse": 1, "egen_vurdering": 1}
    # the facet's own selection does not narrow its counts; the other facets do
    overview = client.get("/tiltak/?evidens=for_og_etter&type=prosjekt").context["overview"]
    assert overview.total == 0
    assert _facet(overview) == {"for_og_etter": 0, "sporreundersokelse": 1}
    assert _facet(overview, "type") == {"pilot": 1, "prosjekt": 0}  # the chosen one stays


def test_the_panel_offers_the_methods_strongest_first(client, judged):
    html = client.get("/tiltak/").content.decode()
    assert 'name="evidens" value="for_og_etter"' in html
    assert html.index('value="for_og_etter"') < html.index('value="sporreundersokelse"')
    assert html.index('value="sporreundersokelse"') < html.index('value="egen_vurdering"')


def test_an_unknown_method_is_ignored_and_named(client, judged):
    response = client.get("/tiltak/?evidens=magefolelse")
    assert response.status_code == 200
    assert response.context["overview"].total == 3
    assert "evidens=magefolelse" in response.content.decode()


def test_experience_reports_filter_by_their_own_methods(client, judged):
    ExperienceReportFactory(
        initiative=judged["unjudged"],
        workflow_status="publisert",
        evidence_methods=["folgeforskning"],
    )
    response = client.get("/erfaringer/?evidens=folgeforskning")
    assert response.status_code == 200
    assert response.context["overview"].total == 1
    assert client.get("/erfaringer/?evidens=for_og_etter").context["overview"].total == 0


def test_statistics_follow_the_evidence_facet(client, judged):
    assert client.get("/statistikk/?evidens=sporreundersokelse").context["stats"].total == 1


def test_overview_query_budget_with_the_evidence_facet(
    client, judged, people, django_assert_max_num_queries
):
    client.force_login(people["leder"])
    client.get("/tiltak/")
    with django_assert_max_num_queries(15):
        response = client.get("/tiltak/?q=skjema&evidens=for_og_etter&type=pilot")
    assert response.status_code == 200
    with django_assert_max_num_queries(15):
        client.get("/tiltak/?evidens=for_og_etter&evidens=egen_vurdering")


def test_the_api_lists_filter_by_kind_of_evidence(client, judged):
    assert client.get("/api/v1/tiltak/?evidens=for_og_etter").json()["antall"] == 1
    assert (
        client.get("/api/v1/tiltak/?evidens=sporreundersokelse&evidens=egen_vurdering").json()[
            "antall"
        ]
        == 2
    )
