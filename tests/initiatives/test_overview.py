import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from initiatives.overview.pipeline import Selection
from initiatives.overview.selectors import INITIATIVES, overview
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures(bergen, ministry):
    """Six published measures with known facets, one draft, one archived."""
    oslo = Organisation.objects.get(municipality_id="0301")
    agency = OrganisationFactory(name="Testdirektoratet", parent_ministry=ministry)
    made = {
        "bergen_pilot": InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            kind="pilot",
            title="Tillitsreformen i hjemmetjenesten",
            areas=["faglig-frihet", "mindre-rapportering"],
        ),
        "bergen_project": InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            kind="prosjekt",
            title="Samarbeid med tillitsvalgte om turnus",
            areas=["medbestemmelse"],
        ),
        "oslo_pilot": InitiativeFactory(
            organisation=oslo,
            workflow_status="publisert",
            kind="pilot",
            title="Forenklet rapportering i barnehagene",
            areas=["mindre-rapportering"],
        ),
        "oslo_project": InitiativeFactory(
            organisation=oslo,
            workflow_status="publisert",
            kind="prosjekt",
            sector="kultur",
            title="Bibliotekene styrer selv åpningstidene",
            areas=["faglig-frihet"],
        ),
        "agency": InitiativeFactory(
            organisation=agency,
            workflow_status="publisert",
            kind="tildelingsbrev",
            title="Kortere tildelingsbrev med færre styringsparametere",
            areas=["styring-og-samordning"],
            union_assessment="bekreftet",
        ),
        "bergen_draft": InitiativeFactory(organisation=bergen, title="Hemmelig utkast"),
        "archived": InitiativeFactory(organisation=bergen, workflow_status="arkivert"),
    }
    return made


def _run(query: str, user=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/tiltak/" + query)
    return overview(query=request.GET, user=user or AnonymousUser())


def _counts(result, facet):
    found = next(f for f in result.facets if f.name == facet)
    return {option.value: option.count for option in found.options if option.count}


def _titles(result):
    return {initiative.title for initiative in result.page.object_list}


def test_public_sees_published_measures_only(measures):
    result = _run("")
    assert result.total == 5
    assert "Hemmelig utkast" not in _titles(result)


def test_members_also_see_their_own_unpublished_measures_marked(measures, people):
    result = _run("", people["ansatt"])
    assert "Hemmelig utkast" in _titles(result)
    assert result.total == 6


def test_facet_counts_respect_other_filters_but_ignore_their_own(measures):
    result = _run("?type=pilot&fylke=03")
    assert _titles(result) == {"Forenklet rapportering i barnehagene"}
    # kind counts: Oslo only (the county filter applies), every kind shown (own filter ignored)
    assert _counts(result, "type") == {"pilot": 1, "prosjekt": 1}
    # county counts: pilots only (the kind filter applies), every county shown
    assert _counts(result, "fylke") == {"03": 1, "46": 1}
    # focus areas: both filters apply
    assert _counts(result, "fokusomrade") == {"mindre-rapportering": 1}
    assert result.total == 1


def test_ministry_facet_and_union_confirmation(measures):
    result = _run("?departement=KDD&bekreftet=ja")
    assert _titles(result) == {"Kortere tildelingsbrev med færre styringsparametere"}
    assert _counts(result, "departement") == {"KDD": 1}
    assert _counts(result, "bekreftet") == {"ja": 1}


def test_norwegian_stemming_finds_other_word_forms(measures):
    assert _titles(_run("?q=tillitsreform")) == {"Tillitsreformen i hjemmetjenesten"}


def test_websearch_syntax_or_and_minus(measures):
    both = _titles(_run("?q=barnehagene OR bibliotekene"))
    assert both == {
        "Forenklet rapportering i barnehagene",
        "Bibliotekene styrer selv åpningstidene",
    }
    assert _titles(_run("?q=barnehagene OR bibliotekene -åpningstidene")) == {
        "Forenklet rapportering i barnehagene"
    }


def test_small_typos_still_find_the_title(measures):
    assert "Bibliotekene styrer selv åpningstidene" in _titles(_run("?q=bibliotekne"))


def test_title_hits_rank_above_description_hits(measures, bergen):
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Noe helt annet",
        description="Her nevnes turnus en gang.",
    )
    result = _run("?q=turnus")
    assert result.page.object_list[0].title == "Samarbeid med tillitsvalgte om turnus"


def test_snippets_mark_hits_and_escape_user_text(measures, bergen):
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Skript",
        description="<script>alert(1)</script> om tillitsreform i praksis",
    )
    result = _run("?q=tillitsreform")
    snippets = [i.snippet for i in result.page.object_list if i.title == "Skript"]
    assert "<mark>" in snippets[0] and "<script>" not in snippets[0]


@pytest.mark.parametrize(
    "query",
    [
        "?fylke=99",
        "?side=-1",
        "?side=999999",
        "?aar=1e9",
        "?q=" + "x" * 5000,
        "?q=%00nul",
        "?fokusomrade=finnes-ikke",
        "?sortering=baklengs",
        "?type=pilot&type=<script>",
    ],
)
def test_bad_parameters_are_ignored_and_named(client, measures, query):
    response = client.get("/tiltak/" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("</header>", 1)[1]
    assert 'data-color="warning"' in html


def test_overview_query_budget(client, measures, people, django_assert_max_num_queries):
    client.force_login(people["leder"])
    client.get("/tiltak/")
    with django_assert_max_num_queries(15):
        response = client.get("/tiltak/?q=tillitsreform&type=pilot&fylke=46&sortering=relevans")
    assert response.status_code == 200


PARAMETERS = ["q", "fokusomrade", "type", "sektor", "status", "fylke", "kommune", "departement"]
PARAMETERS += ["aar", "bekreftet", "erfaring", "evidens", "side", "sortering", "eksakt", "ukjent"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.sampled_from(PARAMETERS), st.text(max_size=40)),
        max_size=6,
    )
)
def test_no_combination_of_parameters_gives_a_server_error(client, measures, pairs):
    from urllib.parse import urlencode

    response = client.get("/tiltak/?" + urlencode(pairs))
    assert response.status_code == 200


def test_a_plain_word_also_finds_compounds_that_start_with_it(measures):
    # a compound is indexed with its parts: "tillit" finds "Tillitsreformen"
    assert "Tillitsreformen i hjemmetjenesten" in _titles(_run("?q=tillit"))
    # a word found nowhere falls back to the words it begins: "tillitsvalg" → "tillitsvalgte"
    assert "Samarbeid med tillitsvalgte om turnus" in _titles(_run("?q=tillitsvalg"))


def test_facets_offer_only_options_that_give_results(measures):
    result = _run("?type=pilot")
    municipality = next(f for f in result.facets if f.name == "kommune")
    assert {option.value for option in municipality.options} == {"4601", "0301"}


def test_cached_unfiltered_counts_follow_every_write(
    measures, people, django_capture_on_commit_callbacks
):
    from initiatives import services

    before = _counts(_run(""), "type")
    draft = measures["bergen_draft"]
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_submit(initiative=draft, by=people["ansatt"])
        services.initiative_publish(initiative=draft, by=people["leder"])
    after = _counts(_run(""), "type")
    assert after["pilot"] == before["pilot"] + 1


def test_unfiltered_counts_are_kept_apart_per_visibility_scope(measures, people):
    public = _run("")
    member = _run("", people["ansatt"])
    assert sum(_counts(member, "type").values()) == sum(_counts(public, "type").values()) + 1


def test_prefixes_are_only_the_fallback_when_the_word_itself_is_found(measures, bergen):
    InitiativeFactory(
        organisation=bergen, workflow_status="publisert", title="Tillit i praksis på sykehjemmet"
    )
    # the word and the compounds made with it, not every word that merely begins with it
    assert _titles(_run("?q=tillit")) == {
        "Tillit i praksis på sykehjemmet",
        "Tillitsreformen i hjemmetjenesten",
    }


def test_one_selected_facet_counts_its_options_over_everything_else(measures):
    result = _run("?type=pilot")
    assert _counts(result, "type") == {"pilot": 2, "prosjekt": 2, "tildelingsbrev": 1}
    assert _counts(result, "fylke") == {"03": 1, "46": 1}
    assert result.total == 2


def _query(selection: dict[str, list[str]]) -> str:
    from urllib.parse import urlencode

    return "?" + urlencode(
        [(name, value) for name, values in selection.items() for value in values]
    )


# A value in every facet: no facet is left to count over the measures passing them all.
EVERY_FACET = {
    "q": ["tillitsreformen OR turnus OR tildelingsbrev"],
    "fokusomrade": ["faglig-frihet", "medbestemmelse"],
    "type": ["pilot", "prosjekt"],
    "sektor": ["helse_omsorg"],
    "status": ["planlagt", "pagar", "avsluttet", "avbrutt"],
    "bekreftet": ["ja", "ukjent"],
    "fylke": ["46"],
    "kommune": ["4601"],
    "departement": ["KDD"],
    "aar": ["2024"],
    "erfaring": ["ja"],
}


@pytest.mark.parametrize(
    "selection",
    [
        {"q": ["tillitsreformen OR turnus OR barnehagene OR bibliotekene OR tildelingsbrev"]},
        {"q": ["rapportering OR turnus OR bibliotekene"], "type": ["pilot"]},
        {"q": ["rapportering OR turnus OR bibliotekene"], "type": ["pilot"], "fylke": ["46"]},
        {
            "q": ["rapportering OR turnus OR bibliotekene OR hjemmetjenesten"],
            "type": ["pilot", "prosjekt"],
            "fylke": ["46"],
            "fokusomrade": ["faglig-frihet"],
        },
        {"type": ["pilot", "prosjekt"], "fylke": ["03"], "fokusomrade": ["faglig-frihet"]},
        EVERY_FACET,
    ],
)
def test_each_option_counts_what_choosing_it_instead_would_give(measures, selection):
    """The definition of a facet count, checked against the page totals themselves."""
    result = _run(_query(selection))
    assert not result.params.ignored
    for facet in result.facets:
        for option in facet.options:
            instead = {**selection, facet.name: [option.value]}
            assert option.count == _run(_query(instead)).total, (facet.name, option.value)


@pytest.mark.parametrize("sorting", ["relevans", "nyeste", "oppdatert", "tittel"])
def test_a_search_pages_in_the_same_order_as_the_export(bergen, sorting):
    """A search's page comes from the facet statement; the export from the conditions."""
    for n in range(27):
        InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            title=f"Kvalitetsløft nummer {n % 9}",  # equal titles: the id breaks the tie
            summary="kvalitetsløft " * (n % 4),
            kind="pilot" if n % 2 else "prosjekt",
        )
    query = f"?q=kvalitetsløft&type=pilot&type=prosjekt&sortering={sorting}"
    request = RequestFactory().get("/tiltak/" + query)
    selection = Selection(request.GET, user=AnonymousUser(), source=INITIATIVES)
    expected = [i.pk for i in selection.rows()]
    assert len(expected) == 27
    first, second = _run(query), _run(query + "&side=2")
    assert [i.pk for i in first.page.object_list] == expected[:20]
    assert [i.pk for i in second.page.object_list] == expected[20:]


def _order_select(html: str) -> list[tuple[str, bool, str]]:
    """(submitted value, selected, label) of each option of the order select."""
    import re

    select = re.search(r'<select[^>]*name="sortering".*?</select>', html, re.S).group(0)
    return [
        (value, bool(selected), label)
        for value, selected, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select
        )
    ]


def test_a_typed_search_is_sorted_by_relevance_and_the_select_says_so(client, measures, bergen):
    """Sending the form from the unfiltered page with a search text must not keep "newest":
    the default order submits as empty, and a search then sorts by relevance."""
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Noe helt annet, nyest av alle",
        description="Her nevnes turnus en gang.",
    )
    options = _order_select(client.get("/tiltak/").content.decode())
    [(default_value, _sel, default_label)] = [o for o in options if o[1]]
    assert default_label == "Nyeste" and default_value == ""

    page = client.get("/tiltak/", {"q": "turnus", "sortering": default_value})
    titles = [i.title for i in page.context["overview"].page.object_list]
    assert titles[0] == "Samarbeid med tillitsvalgte om turnus"
    [(value, _sel, label)] = [o for o in _order_select(page.content.decode()) if o[1]]
    assert (value, label) == ("", "Relevans")

    chosen = client.get("/tiltak/", {"q": "turnus", "sortering": "nyeste"})
    assert chosen.context["overview"].page.object_list[0].title == "Noe helt annet, nyest av alle"
    [(value, _sel, label)] = [o for o in _order_select(chosen.content.decode()) if o[1]]
    assert (value, label) == ("nyeste", "Nyeste")


def _statements(query: str) -> tuple:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        result = _run(query)
    return result, [entry["sql"] for entry in captured.captured_queries]


def _probes(statements: list[str]) -> list[str]:
    """``exists()``'s form: the LIMIT 1 that a million measures turned into a full scan."""
    return [sql for sql in statements if 'SELECT 1 AS "a"' in sql]


def test_a_search_finding_nothing_falls_back_on_the_statements_own_total(measures):
    # No facets: the facet statement's total is what the words find; no second look, and
    # no exists() probe (LIMIT 1), which the planner made a sequential scan at a million.
    result, statements = _statements("?q=tillitsvalg")
    assert "Samarbeid med tillitsvalgte om turnus" in _titles(result)
    assert not _probes(statements)
    assert not [sql for sql in statements if "WITH hits AS MATERIALIZED" in sql]


def test_with_facets_the_fallback_asks_the_search_index_planned_for_every_row(measures):
    # a word found, but not with this kind: no fallback, and nothing shown
    result, statements = _statements("?q=turnus&type=pilot")
    assert result.total == 0 and not _titles(result)
    looked = [sql for sql in statements if "WITH hits AS MATERIALIZED" in sql]
    assert len(looked) == 1 and "initiatives_overviewentry" in looked[0]
    assert not _probes(statements)
    # a word found nowhere: the fallback, within the kind
    result, statements = _statements("?q=turnu&type=prosjekt")
    assert _titles(result) == {"Samarbeid med tillitsvalgte om turnus"}
    assert not _probes(statements)


@pytest.mark.parametrize("sorting", ["nyeste", "oppdatert", "tittel"])
def test_a_small_facet_selection_is_paged_from_its_own_rows_sorted(bergen, sorting):
    """A selection without text that matches few measures takes its page's ids from its own
    entries, sorted (planned for all of them), not from a walk of the order's index that
    stops at 20 (at a million measures that walk read 700 000 rows for a rare selection);
    the pages are the export's order."""
    for n in range(45):
        InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            title=f"Kvalitetsløft nummer {n % 9}",  # equal titles: the id breaks the tie
            kind="pilot" if n % 3 else "prosjekt",
        )
    query = f"?type=pilot&sortering={sorting}"
    request = RequestFactory().get("/tiltak/" + query)
    expected = [
        i.pk for i in Selection(request.GET, user=AnonymousUser(), source=INITIATIVES).rows()
    ]
    assert len(expected) == 30
    from django.core.cache import cache

    for cold in (True, False):
        shown = []
        for page in ("", "&side=2"):
            if cold:  # counted afresh: the facet statement gives the page's ids too
                cache.clear()
            result, statements = _statements(query + page)
            shown += [i.pk for i in result.page.object_list]
            sorted_here = [sql for sql in statements if "WITH hits AS MATERIALIZED" in sql]
            if cold:
                assert not sorted_here
            else:  # the counts cached: the page from the selection's own entries, sorted
                assert len(sorted_here) == 1 and "initiatives_overviewentry" in sorted_here[0]
            walked = [sql for sql in statements if "LIMIT 20" in sql and "ORDER BY" in sql]
            assert not [sql for sql in walked if "initiatives_initiative" in sql.split("WHERE")[0]]
        assert shown == expected, cold
