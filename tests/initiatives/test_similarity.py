"""Similar measures (issue 22): groups of measures about the same thing, written differently
by different organisations, find each other; other groups do not come in; the page shows
who, how it went and why, within its query budget."""

import pytest
from django.core.management import call_command

from initiatives.models import Initiative, WorkflowStatus
from initiatives.similarity.selectors import similar_measures
from initiatives.vocabulary import refresh

from ..factories import ExperienceReportFactory, InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

# Three groups of measures about one thing each, as different organisations word them.
GROUPS = {
    "tilsyn": [
        (
            "Samordnet statlig tilsyn med helse- og omsorgstjenesten",
            "Kommunen prøver sammen med statsforvalteren ut en ordning der tilsyn med helse- og "
            "omsorgstjenestene samles i ett felles tilsynsbesøk i året.",
        ),
        (
            "Samordnet tilsyn med omsorgstjenestene",
            "Statsforvalteren og kommunen samler tilsynene med helse- og omsorgstjenesten i "
            "ett årlig tilsynsbesøk med felles dokumentasjon.",
        ),
        (
            "Ett felles tilsyn i helse- og omsorgstjenesten",
            "Tilsynsmyndighetene samordner tilsynet med omsorgstjenesten til ett besøk i året.",
        ),
    ],
    "lekser": [
        (
            "Leksefri skole på mellomtrinnet",
            "Skolen fjerner hjemmelekser, og elevene gjør leksene på skolen med lærer til stede.",
        ),
        (
            "Leksefri barneskole",
            "Elevene gjør leksene på skolen i stedet for hjemme, og lærerne bestemmer selv "
            "hvordan leksetiden brukes.",
        ),
        (
            "Lekser på skolen i stedet for hjemme",
            "Ungdomsskolen prøver ut leksefri skole der elevene får leksehjelp i skoletiden.",
        ),
    ],
    "ungdom": [
        (
            "Fast veileder for unge i Nav",
            "Unge som søker hjelp hos Nav-kontoret får én fast veileder som følger dem helt til "
            "de er i jobb eller utdanning.",
        ),
        (
            "Én veileder for ungdom i Nav",
            "Nav-kontoret gir ungdom under 30 år en fast veileder som følger dem opp til de er "
            "i arbeid.",
        ),
        (
            "Egen ungdomsveileder på Nav-kontoret",
            "Hver ungdom får en egen veileder i Nav med ansvar for oppfølgingen fram til jobb "
            "eller skole.",
        ),
    ],
}
AREAS = {
    "tilsyn": ["tilsyn-og-kontroll"],
    "lekser": ["faglig-frihet"],
    "ungdom": ["tillitsbasert-ledelse"],
}
# Measures about something else that share a common word or two with the groups.
OTHERS = [
    ("Digital byggesøknad i kommunen", "Kommunen tar i bruk digitale søknader om byggetillatelse."),
    (
        "Kulturskole for alle barn",
        "Kulturskolen gir gratis plass til barn i familier med lav inntekt.",
    ),
]


def _published(organisation, title, summary, areas, **extra):
    return InitiativeFactory(
        organisation=organisation,
        workflow_status=WorkflowStatus.PUBLISERT,
        title=title,
        summary=summary,
        description="",
        areas=areas,
        **extra,
    )


@pytest.fixture
def groups():
    """Each group's members in three organisations (each organisation has one of each)."""
    organisations = [OrganisationFactory() for _ in range(3)]
    made = {
        name: [
            _published(organisation, title, summary, AREAS[name])
            for organisation, (title, summary) in zip(organisations, texts, strict=True)
        ]
        for name, texts in GROUPS.items()
    }
    for title, summary in OTHERS:
        _published(organisations[0], title, summary, ["styring-og-samordning"])
    refresh()
    return made


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_each_member_finds_its_siblings_and_no_other_group(groups, group):
    members = groups[group]
    for member in members:
        found = [row.pk for row in similar_measures(member)]
        siblings = {m.pk for m in members if m.pk != member.pk}
        assert siblings <= set(found[:5]), (member.title, found)
        strangers = {m.pk for name, ms in groups.items() if name != group for m in ms}
        assert not strangers & set(found[:5]), (member.title, found)


def test_never_itself_nor_an_unpublished_measure(groups):
    first, second, _third = groups["tilsyn"]
    draft = InitiativeFactory(
        organisation=OrganisationFactory(), title=first.title, summary=first.summary
    )
    found = {row.pk for row in similar_measures(first)}
    assert first.pk not in found and draft.pk not in found
    assert second.pk in found
    # a draft has a list too, of published measures: its twin first
    assert similar_measures(draft)[0].pk == first.pk


def test_other_organisations_come_before_the_measure_s_own(groups):
    first, second, third = groups["tilsyn"]
    own = _published(first.organisation, second.title, second.summary, ["tilsyn-og-kontroll"])
    refresh()
    found = [row.pk for row in similar_measures(first)]
    assert found.index(own.pk) > max(found.index(second.pk), found.index(third.pk))


def test_the_rows_say_who_how_it_went_and_why(groups):
    first, second, _third = groups["tilsyn"]
    Initiative.objects.filter(pk=second.pk).update(lifecycle_status="avsluttet")
    ExperienceReportFactory(initiative=second, workflow_status="publisert")
    Initiative.objects.filter(pk=second.pk).update(has_experience=True)
    row = next(row for row in similar_measures(first) if row.pk == second.pk)
    assert row.organisation == second.organisation.name
    assert row.lifecycle_status == "avsluttet" and row.has_experience
    assert "samordnet" in row.shared_words or "tilsyn" in row.shared_words


def test_the_measure_page_shows_the_list_within_its_query_budget(
    client, groups, django_assert_max_num_queries
):
    first, second, third = groups["lekser"]
    client.cookies["django_language"] = "en"
    # the page's 10 (its indicators and reporting removed included), the data version set up
    # (5, once), the cache read (2), the list (6: the words, the ranking with its planner
    # setting in a savepoint, the rows) and the cache written (5), and the measure's
    # connections (1)
    with django_assert_max_num_queries(30):
        response = client.get(first.get_absolute_url())
    html = response.content.decode()
    assert "Others who have tried something similar" in html
    assert second.get_absolute_url() in html and third.get_absolute_url() in html
    assert "Both mention" in html
    with django_assert_max_num_queries(13):  # computed once per data version
        client.get(first.get_absolute_url())


def test_the_list_alone_is_a_page_for_whoever_sees_the_measure(client, groups):
    first, second, _third = groups["ungdom"]
    response = client.get(f"/tiltak/{first.pk}/lignende/")
    assert response.status_code == 200
    assert second.get_absolute_url() in response.content.decode()
    draft = InitiativeFactory(organisation=first.organisation)
    assert client.get(f"/tiltak/{draft.pk}/lignende/").status_code == 404


def test_every_demo_group_finds_its_siblings(settings):
    """The demo's copies of one text in different organisations find each other first."""
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "200", "--seed", "1")
    published = Initiative.objects.filter(workflow_status=WorkflowStatus.PUBLISERT)
    by_title: dict[str, list[Initiative]] = {}
    for measure in published.order_by("pk"):
        by_title.setdefault(measure.title, []).append(measure)
    checked = 0
    for title, copies in by_title.items():
        organisations = {m.organisation_id for m in copies}
        if len(organisations) < 2:
            continue
        measure = copies[0]
        others = {m.organisation_id for m in copies if m.organisation_id != measure.organisation_id}
        found = similar_measures(measure)
        expected = min(len(others), 5)
        assert [row.title for row in found[:expected]] == [title] * expected, title
        checked += 1
    assert checked >= 10
