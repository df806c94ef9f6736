"""Responsible ministries and participants in the overview's facets (migrations 0020-0021):
a measure is found under its owner's place and ministry, its participants' municipalities
and counties and every responsible ministry, whoever wrote the links."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from initiatives.models import OverviewEntry
from initiatives.overview.selectors import overview
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _kommune(number: str) -> Organisation:
    return Organisation.objects.get(kind="kommune", municipality_id=number)


@pytest.fixture
def shared(bergen, ministry):
    """Grong's GP service shared with Lierne, Raarvihke and Namsskogan (HOD), Bergen's
    school measure with KD chosen, and a KDD agency's measure."""
    hod = Organisation.objects.get(short_name="HOD")
    kd = Organisation.objects.get(short_name="KD")
    service = InitiativeFactory(
        organisation=_kommune("5045"),
        workflow_status="publisert",
        kind="prosjekt",
        sector="helse",
        title="Felles legevakt i indre Namdal",
        areas=["faglig-frihet"],
    )
    service.responsible_ministries.add(hod)
    service.participating_organisations.add(_kommune("5042"), _kommune("5043"), _kommune("5044"))
    school = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        kind="pilot",
        title="Lærerne velger selv kartleggingsprøvene",
        areas=["mindre-rapportering"],
    )
    school.responsible_ministries.add(kd)
    agency = OrganisationFactory(name="Testdirektoratet", parent_ministry=ministry)
    InitiativeFactory(
        organisation=agency,
        workflow_status="publisert",
        kind="tildelingsbrev",
        title="Kortere tildelingsbrev",
        areas=["styring-og-samordning"],
    )
    return {"service": service, "school": school, "hod": hod, "kd": kd}


def _run(query: str):
    return overview(query=RequestFactory().get("/tiltak/" + query).GET, user=AnonymousUser())


def _titles(result) -> set[str]:
    return {initiative.title for initiative in result.page.object_list}


def _counts(result, facet) -> dict[str, int]:
    found = next(f for f in result.facets if f.name == facet)
    return {option.value: option.count for option in found.options if option.count}


def test_the_arrays_hold_owner_participants_and_ministries(shared, ministry):
    service = shared["service"]
    service.refresh_from_db()
    assert service.municipality_numbers == ["5042", "5043", "5044", "5045"]
    assert service.county_numbers == ["50"]
    assert service.ministry_ids == [shared["hod"].pk]
    entry = OverviewEntry.objects.get(initiative=service)
    assert entry.municipality_numbers == service.municipality_numbers
    assert entry.ministry_ids == [shared["hod"].pk]
    # the owner columns stay the owner's
    assert service.municipality_id == "5045"


def test_the_arrays_follow_removed_links_and_a_participant_that_moves(shared, bergen):
    service = shared["service"]
    service.participating_organisations.remove(_kommune("5044"))
    service.responsible_ministries.clear()
    other = OrganisationFactory(kind="annet", municipality=None, county_id="03")
    service.participating_organisations.add(other)
    entry = OverviewEntry.objects.get(initiative=service)
    assert entry.municipality_numbers == ["5042", "5043", "5045"]
    assert entry.county_numbers == ["03", "50"]
    assert entry.ministry_ids == []
    other.county_id = "46"
    other.save()
    entry.refresh_from_db()
    assert entry.county_numbers == ["46", "50"]


def test_a_state_agencys_measure_keeps_its_owning_ministry_besides_chosen_ones(shared, ministry):
    agency_measure = InitiativeFactory(organisation=OrganisationFactory(parent_ministry=ministry))
    agency_measure.responsible_ministries.add(shared["kd"])
    agency_measure.refresh_from_db()
    assert agency_measure.ministry_ids == sorted([ministry.pk, shared["kd"].pk])


def test_a_municipal_measure_whose_ministry_is_chosen_is_found_by_that_ministrys_filter(shared):
    assert _titles(_run("?departement=KD")) == {"Lærerne velger selv kartleggingsprøvene"}
    assert _titles(_run("?departement=HOD")) == {"Felles legevakt i indre Namdal"}
    assert _titles(_run("?departement=KDD")) == {"Kortere tildelingsbrev"}


def test_a_participating_municipality_finds_the_shared_measure_by_its_own_filters(shared):
    for number in ("5042", "5043", "5044", "5045"):
        assert _titles(_run(f"?kommune={number}")) == {"Felles legevakt i indre Namdal"}
    assert _titles(_run("?fylke=50")) == {"Felles legevakt i indre Namdal"}
    assert _titles(_run("?kommune=5041")) == set()


def test_facet_counts_count_every_participant_and_ministry(shared):
    result = _run("")
    assert _counts(result, "kommune") == {"4601": 1, "5042": 1, "5043": 1, "5044": 1, "5045": 1}
    assert _counts(result, "fylke") == {"46": 1, "50": 1}
    assert _counts(result, "departement") == {"HOD": 1, "KD": 1, "KDD": 1}
    assert result.total == 3


def test_several_selected_array_facets_count_over_each_other(shared):
    """Four array facets: a selected one counts over the others' selection, not its own."""
    result = _run("?kommune=5043&departement=HOD&departement=KD&fokusomrade=faglig-frihet")
    assert _titles(result) == {"Felles legevakt i indre Namdal"}
    # the municipalities given HOD or KD and the focus area: the shared service's four
    assert _counts(result, "kommune") == {"5042": 1, "5043": 1, "5044": 1, "5045": 1}
    # the ministries over Raarvihke and the focus area, own selection ignored
    assert _counts(result, "departement") == {"HOD": 1}
    # the focus areas over Raarvihke and the ministries
    assert _counts(result, "fokusomrade") == {"faglig-frihet": 1}
    assert _counts(result, "fylke") == {"50": 1}
    wider = _run("?departement=HOD&departement=KD&fylke=50&fylke=46")
    assert _counts(wider, "departement") == {"HOD": 1, "KD": 1}
    assert _counts(wider, "fylke") == {"46": 1, "50": 1}
    assert _counts(wider, "fokusomrade") == {"faglig-frihet": 1, "mindre-rapportering": 1}
    assert wider.total == 2


def test_the_overview_with_the_new_facets_keeps_its_query_budget(
    client, shared, people, django_assert_max_num_queries
):
    client.force_login(people["leder"])
    client.get("/tiltak/")
    with django_assert_max_num_queries(15):  # as the overview's budget without them
        response = client.get("/tiltak/?q=legevakt&kommune=5043&departement=HOD&fylke=50")
    assert response.status_code == 200
    assert "Felles legevakt i indre Namdal" in response.content.decode()


def test_organisation_pages_list_what_they_take_part_in_marked_as_such(client, shared):
    page = client.get(_kommune("5043").get_absolute_url()).content.decode()
    assert "Felles legevakt i indre Namdal" in page
    card = page.split("Felles legevakt i indre Namdal", 1)[1].split("</li>\\n  ", 1)[0]
    assert "Participant" in card or "Deltaker" in card
    ministry_page = client.get(shared["hod"].get_absolute_url()).content.decode()
    assert "Felles legevakt i indre Namdal" in ministry_page
    assert "?departement=HOD" in ministry_page
    own = client.get(_kommune("5045").get_absolute_url()).content.decode()
    own_card = own.split("Felles legevakt i indre Namdal", 1)[1].split("</li>\\n  ", 1)[0]
    assert "Deltaker" not in own_card and "Participant" not in own_card


def test_the_measure_page_names_participants_and_responsible_ministries(client, shared):
    page = client.get(shared["service"].get_absolute_url()).content.decode()
    facts = page.split('id="facts-heading"', 1)[1].split("</section>", 1)[0]
    for name in ("Lierne kommune", "Raarvihke kommune", "Namsskogan kommune"):
        assert name in facts
    assert "Helse- og omsorgsdepartementet" in facts
