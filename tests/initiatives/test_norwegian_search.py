"""The Norwegian search (issue 21): lemmas, compounds, bokmål and nynorsk, names, weights,
through the real overview at /tiltak/?q=, and the Snowball fallback without dictionaries."""

import pytest
from django.db import connection
from django.test import override_settings

from initiatives.models import Initiative
from initiatives.search.query import LexemeQuery, parse, to_tsquery
from tillit.core.norsk.analyser import analyser

from ..factories import InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
needs_apertium = pytest.mark.skipif(
    not analyser().available, reason="apertium-nno-nob is not installed"
)


def _found(client, q: str) -> list[str]:
    """The titles on the first page of /tiltak/?q=, in the page's order."""
    response = client.get("/tiltak/", {"q": q})
    assert response.status_code == 200
    return [row.title for row in response.context["overview"].page.object_list]


def _published(organisation, title, **texts):
    """A published measure whose text is only what the test gives (not the factory's)."""
    texts = {"summary": "", "description": "", **texts}
    return InitiativeFactory(
        organisation=organisation, workflow_status="publisert", title=title, **texts
    )


# --- the analyser --------------------------------------------------------------------


@needs_apertium
def test_a_compound_in_a_text_is_indexed_with_its_parts_but_a_query_word_is_not():
    words = analyser().lexemes(["fastlegetjenesten"], parts=True)["fastlegetjenesten"]
    assert "fastlege" in words and "tjeneste" in words
    assert "fast" not in analyser().lexemes(["fastlege"], parts=False)["fastlege"]
    assert (
        "fastlege"
        not in analyser().lexemes(["fastlegetjenesten"], parts=False)["fastlegetjenesten"]
    )


@needs_apertium
@pytest.mark.parametrize(
    ("nynorsk", "bokmal"),
    [
        ("sjukeheimen", "sykehjemmet"),
        ("skulen", "skolen"),
        ("tilsette", "ansatte"),
        ("kommunar", "kommuner"),
    ],
)
def test_bokmal_and_nynorsk_forms_share_a_lexeme(nynorsk, bokmal):
    found = analyser().lexemes([nynorsk, bokmal], parts=False)
    assert found[nynorsk] & found[bokmal]


def test_stop_words_give_no_lexemes_and_odd_input_does_not_break_the_analyser():
    found = analyser().lexemes(["og", "ikkje", "3D", "x²", "ǅ", "a" * 300])
    assert found["og"] == frozenset() and found["ikkje"] == frozenset()
    assert found["3D"]  # not a dictionary word, but still a word


# --- the query builder -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "o'brien",
        "back\\slash",
        "' OR 1=1 --",
        "'):* | !(",
        '"unclosed phrase',
        "-",
        "OR OR OR",
        "a:* & b",
        "\x00",
        "ǅ x² ٣",
    ],
)
def test_any_text_makes_a_valid_tsquery_or_none(text):
    tsquery = to_tsquery(parse(text))
    if tsquery is not None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s::tsquery", [tsquery])


def test_phrase_or_and_exclusion_become_tsquery_operators():
    tsquery = to_tsquery(parse('"fast liste" OR turnus -natt'))
    assert "<->" in tsquery and " | " in tsquery and "!" in tsquery


def test_a_query_of_only_stop_words_or_exclusions_looks_for_nothing():
    assert to_tsquery(parse("og i det")) is None
    assert to_tsquery(parse("-turnus")) is None


@pytest.mark.parametrize("q", ["' OR 1=1 --", "'):* | !(", '"', "\\", "-", "fast::*"])
def test_injection_like_searches_never_fail(client, q):
    assert client.get("/tiltak/", {"q": q}).status_code == 200
    assert client.get("/erfaringer/", {"q": q}).status_code == 200


# --- through the overview ----------------------------------------------------------------


@needs_apertium
def test_fastlege_finds_the_fastlege_measure_and_not_fast_halvtime(client, bergen):
    _published(bergen, "Bedre fastlegetjenesten i bydelene")
    _published(bergen, "Fast halvtime til planlegging hver uke")
    found = _found(client, "fastlege")
    assert "Bedre fastlegetjenesten i bydelene" in found
    assert "Fast halvtime til planlegging hver uke" not in found


@needs_apertium
@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("sjukeheim", "Mer tid til beboerne på sykehjemmet"),
        ("sykehjem", "Meir tid til bebuarane på sjukeheimen"),
        ("skule", "Leksefri skole for de minste"),
        ("skole", "Leksefri skule for dei minste"),
        ("tilsette", "De ansatte styrer turnusen selv"),
        ("ansatte", "Dei tilsette styrer turnusen sjølv"),
        ("kommunar", "Tre kommuner deler en barnevernstjeneste"),
        ("kommuner", "Tre kommunar deler ei barnevernsteneste"),
    ],
)
def test_bokmal_and_nynorsk_find_each_other(client, ministry, query, written):
    agency = OrganisationFactory(name="Testetaten", parent_ministry=ministry)  # no "kommune"
    _published(agency, written)
    _published(agency, "Noe helt annet om biblioteket")
    assert _found(client, query) == [written]


def test_an_owner_is_found_by_its_name(client, ministry):
    directorate = OrganisationFactory(name="Helsedirektoratet", parent_ministry=ministry)
    _published(directorate, "Færre rapporteringskrav til sykehusene")
    assert "Færre rapporteringskrav til sykehusene" in _found(client, "Helsedirektoratet")


def test_a_title_hit_ranks_above_a_description_hit(client, bergen):
    _published(bergen, "Turnus i fellesskap", description="Vi prøvde mye nytt.")
    _published(bergen, "Mindre skjema", description="Vi endret også turnus i fellesskap.")
    assert _found(client, "turnus") == ["Turnus i fellesskap", "Mindre skjema"]


@needs_apertium
def test_the_snippet_marks_other_forms_of_the_word(client, bergen):
    _published(bergen, "Mer tid", description="Tilsette på sjukeheimen fekk meir tid.")
    response = client.get("/tiltak/", {"q": "sykehjem"})
    snippet = response.context["overview"].page.object_list[0].snippet
    assert "<mark>sjukeheimen</mark>" in snippet


def test_the_overview_search_stays_within_its_query_budget(
    client, bergen, django_assert_max_num_queries
):
    for n in range(25):
        _published(bergen, f"Sykehjem nummer {n}", description="Sjukeheimen fekk meir tid.")
    client.get("/tiltak/", {"q": "sykehjem"})  # caches warm
    with django_assert_max_num_queries(15):
        assert client.get("/tiltak/", {"q": "sykehjem"}).status_code == 200


def test_a_write_that_leaves_the_vector_out_is_still_found_and_marked_stale(client, bergen):
    measure = _published(bergen, "Mindre skjema")
    Initiative.objects.filter(pk=measure.pk).update(title="Turnus i fellesskap")
    measure.refresh_from_db()
    assert measure.search_version == 0  # the database's Snowball vector until re-indexed
    assert "Turnus i fellesskap" in _found(client, "turnus")
    from initiatives.search.indexing import current_version, reindex, stale

    assert reindex(stale(Initiative)) == 1
    measure.refresh_from_db()
    assert measure.search_version == current_version()


def test_migrate_makes_the_vectors_of_rows_marked_stale(bergen):
    """The vectors are made after ``migrate`` with today's models, not inside a migration
    (which broke a fresh database once a later migration added a column)."""
    from django.core.management import call_command

    from initiatives.search.indexing import current_version

    measure = _published(bergen, "Mindre skjema")
    Initiative.objects.filter(pk=measure.pk).update(title="Turnus i fellesskap")
    call_command("migrate", verbosity=0)
    measure.refresh_from_db()
    assert measure.search_version == current_version()


# --- without the dictionaries ------------------------------------------------------------


def test_without_the_dictionaries_search_falls_back_to_snowball(client, bergen, tmp_path):
    with override_settings(NORSK_ANALYSER_DIR=str(tmp_path), NORSK_HUNSPELL_DIR=str(tmp_path)):
        assert not analyser().available
        _published(bergen, "Tillitsvalgte i turnusarbeidet")
        _published(bergen, "Noe helt annet")
        assert _found(client, "tillitsvalgt") == ["Tillitsvalgte i turnusarbeidet"]
        tsquery = to_tsquery(parse("tillitsvalgte"))
        assert Initiative.objects.filter(search_vector=LexemeQuery(tsquery)).count() == 1


@needs_apertium
def test_experience_reports_find_the_other_written_standard_and_the_owner(client, bergen):
    from ..factories import ExperienceReportFactory

    measure = _published(bergen, "Mer tid")
    ExperienceReportFactory(
        initiative=measure,
        workflow_status="publisert",
        title="Dette lærte vi på sjukeheimen",
    )
    for q in ("sykehjemmet", "Bergen"):
        response = client.get("/erfaringer/", {"q": q})
        titles = [r.title for r in response.context["overview"].page.object_list]
        assert titles == ["Dette lærte vi på sjukeheimen"], q


def test_a_renamed_organisation_is_searched_by_its_new_name(
    client, people, ministry, run_tasks, django_capture_on_commit_callbacks
):
    from tillit.accounts.services import organisation_save

    agency = OrganisationFactory(name="Gammeletaten", parent_ministry=ministry)
    _published(agency, "Færre skjema i etaten")
    agency.name = "Nyetaten"
    with django_capture_on_commit_callbacks(execute=True):
        organisation_save(organisation=agency, by=people["redaktor"])
    assert "SUCCESSFUL" in run_tasks()
    assert _found(client, "Nyetaten") == ["Færre skjema i etaten"]
    assert _found(client, "Gammeletaten") == []


def test_without_the_dictionaries_the_system_check_warns(tmp_path):
    from tillit.core.norsk.checks import dictionaries_installed

    with override_settings(NORSK_ANALYSER_DIR=str(tmp_path)):
        assert [w.id for w in dictionaries_installed(None)] == ["norsk.W001"]


@needs_apertium
def test_a_whole_word_ranks_above_the_same_word_as_a_compound_part(client, bergen):
    """ "skole" finds "kulturskolen" (a part), but a title saying "skolen" comes first."""
    _published(bergen, "Leksehjelp etter skolen")
    _published(bergen, "Kulturskolen samarbeider med biblioteket")  # newer: first on a tie
    assert _found(client, "skole") == [
        "Leksehjelp etter skolen",
        "Kulturskolen samarbeider med biblioteket",
    ]


@needs_apertium
@pytest.mark.parametrize(
    ("query", "own", "other"),
    [
        (
            "sjukeheim",
            "Meir tid til bebuarane på sjukeheimen",
            "Mer tid til beboerne på sykehjemmet",
        ),
        (
            "sykehjem",
            "Mer tid til beboerne på sykehjemmet",
            "Meir tid til bebuarane på sjukeheimen",
        ),
        ("tillitsvalde", "Dei tillitsvalde lagar budsjettet", "De tillitsvalgte lager budsjettet"),
    ],
)
def test_text_in_the_searchers_written_standard_ranks_first(client, bergen, query, own, other):
    """Both are found; the one written as the searcher writes comes first."""
    _published(bergen, own)
    _published(bergen, other)  # newer: first on a tie
    assert _found(client, query) == [own, other]


@needs_apertium
def test_a_spelling_the_other_analyser_accepts_as_a_variant_is_not_its_own():
    """Apertium's nynorsk analyser reads "skolen" as ``skule`` too; that is a translation."""
    found = analyser().analyse(["skolen", "skulen"])
    assert found["skolen"].native == {"skole"} and "skule" in found["skolen"].translated
    assert found["skulen"].native == {"skule"}


@needs_apertium
def test_skule_lists_the_nynorsk_school_first(client, bergen):
    _published(bergen, "Leksefri skule for dei minste")
    _published(bergen, "Leksefri skole for de minste")  # newer: first on a tie
    assert _found(client, "skule") == [
        "Leksefri skule for dei minste",
        "Leksefri skole for de minste",
    ]


def test_a_search_with_an_exclusion_still_ranks_its_hits(client, bergen):
    """``ts_rank`` gives 0 to every row of a query with ``!``: the rank leaves it out."""
    _published(bergen, "Turnus i fellesskap", description="Vi prøvde mye nytt.")
    _published(bergen, "Mindre skjema", description="Vi endret også turnus i fellesskap.")
    _published(bergen, "Turnus og fastlønn", description="Ikke denne.")
    assert _found(client, "turnus -fastlønn") == ["Turnus i fellesskap", "Mindre skjema"]


@needs_apertium
def test_a_compound_within_a_compound_is_found(client, bergen):
    """ "tannhelse" finds "tannhelsetjenesten" (Apertium reads tann+helse+tjeneste)."""
    _published(bergen, "Tannhelsetjenesten på sykehjemmene")
    _published(bergen, "Noe helt annet om biblioteket")
    assert _found(client, "tannhelse") == ["Tannhelsetjenesten på sykehjemmene"]


@needs_apertium
def test_a_compound_query_also_finds_its_parts_written_apart_below_it(client, bergen):
    _published(bergen, "Bedre fastlegetjenesten i bydelene")
    _published(bergen, "Kortere ventetid hos fastlegen", description="Tjenesten ble bedre.")
    _published(bergen, "Tjenesten på biblioteket")  # only one part: not found
    assert _found(client, "fastlegetjenesten") == [
        "Bedre fastlegetjenesten i bydelene",
        "Kortere ventetid hos fastlegen",
    ]
