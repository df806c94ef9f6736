"""The front page shows the register: the newest published measures and experience reports,
the figures over a fixture whose numbers are known, the focus areas with their counts and
the small map, within its query budget; drafts and archived work never."""

import datetime as dt

import pytest
from django.utils import timezone

from initiatives.overview.cache import bump_data_version, data_version, reference
from tillit.accounts.models import Organisation

from ..factories import ExperienceReportFactory, InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _at(day):
    return timezone.make_aware(dt.datetime(2025, 3, day, 12))


def _published(organisation, day, **kwargs):
    return InitiativeFactory(
        organisation=organisation, workflow_status="publisert", published_at=_at(day), **kwargs
    )


@pytest.fixture
def register(bergen):
    """Four published measures (three confirmed by the union representative, so 75 %) of
    Bergen and Trondheim with Stavanger taking part, an archived one and a draft of a third
    organisation; two published experience reports and a draft."""
    trondheim = Organisation.objects.get(municipality_id="5001")
    stavanger = Organisation.objects.get(municipality_id="1103")
    oldest = _published(bergen, 1, title="Eldst publisert", union_assessment="bekreftet")
    _published(
        trondheim,
        2,
        title="Tillitsbasert ledelse i Trondheim",
        areas=["tillitsbasert-ledelse"],
        union_assessment="bekreftet",
    )
    shared = _published(
        bergen, 3, title="Felles tjeneste", areas=["faglig-frihet", "mindre-rapportering"]
    )
    shared.participating_organisations.add(stavanger)
    newest = _published(bergen, 4, title="Nyeste publisert", union_assessment="bekreftet")
    outside = OrganisationFactory()
    InitiativeFactory(organisation=outside, title="Hemmelig utkast", union_assessment="bekreftet")
    InitiativeFactory(
        organisation=outside,
        title="Arkivert tiltak",
        workflow_status="arkivert",
        published_at=_at(5),
        union_assessment="bekreftet",
    )
    ExperienceReportFactory(
        initiative=oldest,
        title="Erfaringer fra det eldste",
        workflow_status="publisert",
        published_at=_at(6),
    )
    ExperienceReportFactory(
        initiative=newest,
        title="Erfaringer fra det nyeste",
        workflow_status="publisert",
        published_at=_at(7),
    )
    ExperienceReportFactory(initiative=newest, title="Uferdig erfaring")
    bump_data_version()


def test_lists_the_newest_published_measures_and_reports_only(client, register):
    response = client.get("/")
    html = response.content.decode()
    page = response.context["page"]
    assert [measure.title for measure, _names in page.measures] == [
        "Nyeste publisert",
        "Felles tjeneste",
        "Tillitsbasert ledelse i Trondheim",
        "Eldst publisert",
    ]
    assert [report.title for report in page.register.reports] == [
        "Erfaringer fra det nyeste",
        "Erfaringer fra det eldste",
    ]
    for hidden in ("Hemmelig utkast", "Arkivert tiltak", "Uferdig erfaring"):
        assert hidden not in html
    assert "Trondheim kommune" in html  # the organisation of a listed measure
    _measure, names = page.measures[1]
    assert [str(name) for name in names] == [
        "Gi mer faglig frihet til førstelinjen",
        "Redusere unødvendige rapporterings- og dokumentasjonskrav",
    ]
    assert 'href="/tiltak/"' in html and 'href="/erfaringer/"' in html


def test_shows_at_most_five_measures_and_three_reports(client, bergen):
    for day in range(1, 8):
        ExperienceReportFactory(
            initiative=_published(bergen, day, title=f"Tiltak {day}"),
            title=f"Erfaring {day}",
            workflow_status="publisert",
            published_at=_at(day),
        )
    page = client.get("/").context["page"]
    assert [m.title for m, _names in page.measures] == [f"Tiltak {d}" for d in (7, 6, 5, 4, 3)]
    assert [r.title for r in page.register.reports] == [f"Erfaring {d}" for d in (7, 6, 5)]


def test_the_figures_count_published_measures_only(client, register):
    response = client.get("/")
    page = response.context["page"]
    assert page.total == 4
    assert page.register.organisations == 3  # Bergen, Trondheim, and Stavanger taking part
    assert (page.confirmed, page.confirmed_percent) == (3, 75)
    html = response.content.decode()
    assert "<strong>4</strong>" in html
    assert "<strong>75&nbsp;%</strong>" in html
    assert 'href="/tiltak/?bekreftet=ja"' in html


def test_focus_areas_with_their_counts(client, register):
    page = client.get("/").context["page"]
    counts = {area.url: area.count for area in page.focus_areas}
    assert counts["/fokusomrader/mindre-rapportering/"] == 3
    assert counts["/fokusomrader/faglig-frihet/"] == 1
    assert counts["/fokusomrader/tillitsbasert-ledelse/"] == 1
    assert counts["/fokusomrader/medbestemmelse/"] == 0
    assert len(counts) >= 7


def test_the_small_map_leads_to_the_map_view_with_its_text_alternative(client, register):
    response = client.get("/")
    page = response.context["page"]
    top = [(area.name, area.count) for area in page.top_counties]
    assert top == [("Vestland", 3), ("Rogaland", 1), ("Trøndelag", 1)]
    html = response.content.decode()
    assert 'href="/tiltak/kart/"' in html
    assert 'aria-hidden="true"' in html.split('id="kart-heading"')[1]
    assert "Vestland: 3 tiltak" in html
    assert len(response.content) < 150_000


def test_the_search_box_sends_to_the_overview(client, db):
    html = client.get("/").content.decode()
    form = html.split('class="home-search"')[1].split("</form>")[0]
    assert 'action="/tiltak/"' in form and 'method="get"' in html.split('class="home-search"')[1]
    assert 'name="q"' in form and '<label class="ds-label" for="home-q">' in form


def test_an_empty_register_reads_well(client, db):
    response = client.get("/")
    assert response.status_code == 200
    page = response.context["page"]
    assert (page.total, page.confirmed_percent, page.top_counties) == (0, None, [])


def test_the_content_follows_the_data_version(client, register, bergen):
    assert client.get("/").context["page"].total == 4
    _published(bergen, 9, title="Helt ny")
    assert client.get("/").context["page"].total == 4  # cached
    bump_data_version()  # as every service writing a measure does
    page = client.get("/").context["page"]
    assert page.total == 5 and page.measures[0][0].title == "Helt ny"


@pytest.mark.parametrize("who", [None, "leder", "departement"])
def test_query_budget_cold_and_warm(client, register, people, who, django_assert_max_num_queries):
    if who:
        client.force_login(people[who])
    bump_data_version()  # cold: nothing of the page is cached
    reference(data_version())  # the focus areas and counties, held per process, not request
    with django_assert_max_num_queries(15):
        assert client.get("/").status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("who", ["leder", "departement", "redaktor"])
def test_signed_in_people_see_the_public_content_not_their_drafts(client, bergen, people, who):
    _published(bergen, 1, title="Offentlig tiltak")
    InitiativeFactory(organisation=bergen, title="Bergens eget utkast")
    InitiativeFactory(
        organisation=bergen, title="Til godkjenning", workflow_status="til_godkjenning"
    )
    client.force_login(people[who])
    response = client.get("/")
    html = response.content.decode()
    assert "Offentlig tiltak" in html
    assert "Bergens eget utkast" not in html and "Til godkjenning" not in html
    assert response.context["page"].total == 1
