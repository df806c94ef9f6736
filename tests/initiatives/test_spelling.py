"""Mistyped search words are corrected to words of published text, with a notice and a way
back to what was typed; exact hits keep their place; drafts never lend a word."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives import services, vocabulary
from initiatives.models import SearchVocabulary
from initiatives.overview import search, spelling

from ..factories import ExperienceReportFactory, InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

PLAIN = "Ansatte og ledere gikk gjennom rutinene sammen."


def _measure(organisation, title, summary, status="publisert", description=PLAIN):
    return InitiativeFactory(
        organisation=organisation,
        workflow_status=status,
        title=title,
        summary=summary,
        description=description,
    )


@pytest.fixture
def union_measures(bergen):
    """Two published measures that say "tillitsvalgte" in their summaries only."""
    made = [
        _measure(bergen, "Turnus laget sammen", "Ledere og tillitsvalgte la turnusen sammen."),
        _measure(bergen, "Felles møteplass", "Et fast møte for tillitsvalgte og ledelsen."),
        _measure(bergen, "Enklere innkjøp", "Færre skjema for innkjøp i barnehagene."),
    ]
    vocabulary.refresh()
    return made


def _count_queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_mistyped_word_finds_summaries_with_a_notice_and_a_way_back(client, union_measures):
    client.get("/tiltak/")  # the reference data and the extension check are cached
    exact, _ = _count_queries(client, "/tiltak/?q=tillitsvalgte&eksakt=1")
    corrected, html = _count_queries(client, "/tiltak/?q=tilitsvalgte")
    assert "Turnus laget sammen" in html and "Felles møteplass" in html
    assert "Enklere innkjøp" not in html
    assert "Viser treff for «tillitsvalgte»." in html
    assert 'href="?q=tilitsvalgte&amp;eksakt=1"' in html
    assert "Søk i stedet etter «tilitsvalgte»" in html
    assert corrected <= exact + 2  # the vocabulary look-up, at most one more search
    assert corrected <= 15


def test_a_word_the_vocabulary_knows_is_searched_as_it_is(client, union_measures):
    client.get("/tiltak/")
    with_lookup, html = _count_queries(client, "/tiltak/?q=tillitsvalgte")
    without, _ = _count_queries(client, "/tiltak/?q=tillitsvalgte&eksakt=1")
    assert "Viser treff for" not in html and "Felles møteplass" in html
    assert with_lookup == without  # the dictionaries know it: no look-up in the vocabulary


def test_eksakt_searches_what_was_typed(client, union_measures):
    html = client.get("/tiltak/?q=tilitsvalgte&eksakt=1").content.decode()
    assert "Viser treff for" not in html
    assert "Felles møteplass" not in html


def test_a_bad_eksakt_value_is_ignored_and_named(client, union_measures):
    html = client.get("/tiltak/?q=tilitsvalgte&eksakt=kanskje").content.decode()
    assert "eksakt=kanskje" in html
    assert "Viser treff for «tillitsvalgte»." in html


def test_experience_reports_are_corrected_too(client, bergen):
    measure = _measure(bergen, "Turnus laget sammen", "Ledere la turnusen sammen.")
    ExperienceReportFactory(
        initiative=measure,
        workflow_status="publisert",
        title="Hva vi lærte om turnus",
        summary="De tillitsvalgte var med fra første dag.",
    )
    vocabulary.refresh()
    html = client.get("/erfaringer/?q=tilitsvalgte").content.decode()
    assert "Hva vi lærte om turnus" in html
    assert "Viser treff for «tillitsvalgte»." in html
    assert 'href="?q=tilitsvalgte&amp;eksakt=1"' in html


def test_an_exact_hit_ranks_above_every_corrected_hit(client, bergen, union_measures):
    # "turnus" only in the description: a weak hit, but of a word as typed
    _measure(bergen, "Noe annet", "Om noe helt annet.", description="Her nevnes vaktplan.")
    vocabulary.refresh()
    html = client.get("/tiltak/?q=vaktplan OR tilitsvalgte").content.decode()
    assert "Viser treff for «vaktplan OR tillitsvalgte»." in html
    assert html.index("Noe annet") < html.index("Turnus laget sammen")
    assert html.index("Noe annet") < html.index("Felles møteplass")


def test_a_word_only_in_drafts_is_never_offered(client, bergen, people):
    draft = _measure(
        bergen, "Hemmelig", "Om gnomeprosjektet vårt.", status="utkast", description=PLAIN
    )
    ExperienceReportFactory(
        initiative=_measure(bergen, "Åpent tiltak", "Noe alle kan lese."),
        summary="Om gnomeprosjektene i utkast.",
    )
    vocabulary.refresh()
    assert not SearchVocabulary.objects.filter(word__startswith="gnomeprosjekt").exists()
    html = client.get("/tiltak/?q=gnomeprojsektet").content.decode()
    assert "Viser treff for" not in html and "gnomeprosjektet" not in html
    # its leader sees the draft, but no correction leads there either
    client.force_login(people["leder"])
    html = client.get("/tiltak/?q=gnomeprojsektet").content.decode()
    assert "Viser treff for" not in html
    assert draft.pk  # (the draft exists all along)


def test_publishing_adds_its_words_and_taking_it_down_removes_them(
    client, bergen, people, run_tasks
):
    measure = _measure(bergen, "Gnomeprosjektet", "Om gnomeprosjektet.", status="til_godkjenning")
    vocabulary.refresh()
    services.initiative_publish(initiative=measure, by=people["leder"])
    assert SearchVocabulary.objects.get(word="gnomeprosjektet").documents == 1
    html = client.get("/tiltak/?q=gnomeprojsektet").content.decode()
    assert "Viser treff for «gnomeprosjektet»." in html
    services.initiative_unpublish(initiative=measure, by=people["redaktor"], reason="Feil")
    run_tasks()
    assert not SearchVocabulary.objects.filter(word="gnomeprosjektet").exists()


def test_the_refresh_counts_published_documents_and_keeps_only_words(bergen):
    measure = _measure(
        bergen,
        "Tillitsvalgte i 2024",
        "Tillitsvalgte og ledere, se www.bergen.kommune.no eller skriv til post@bergen.no.",
        description="Vi og de tillitsvalgte.",
    )
    measure.goal_outputs = "Resultatkjeden nevner ordet resultatkjedeord."
    measure.save()
    ExperienceReportFactory(
        initiative=measure, workflow_status="publisert", summary="Tillitsvalgte lærte."
    )
    _measure(bergen, "Utkast", "Tillitsvalgte i et utkast.", status="utkast")
    _measure(OrganisationFactory(name="Skjultetaten"), "Utkast", "Et utkast.", status="utkast")
    measure.partners.add(OrganisationFactory(name="Samarbeidsetaten"))
    words = vocabulary.refresh()
    assert SearchVocabulary.objects.count() == words
    assert SearchVocabulary.objects.get(word="tillitsvalgte").documents == 2
    assert SearchVocabulary.objects.filter(word="resultatkjedeord").exists()
    names = SearchVocabulary.objects.filter(word__in=["samarbeidsetaten", "skjultetaten"])
    assert list(names.values_list("word", flat=True)) == ["samarbeidsetaten"]
    assert SearchVocabulary.objects.filter(word__in=["vestland", "tromsø"]).count() == 2
    kept = set(SearchVocabulary.objects.values_list("word", flat=True))
    assert not {"2024", "vi", "og", "www.bergen.kommune.no", "post@bergen.no"} & kept
    assert all(len(word) >= 3 and not any(c.isdigit() for c in word) for word in kept)
    measure.title = "Tillitsvalgte"
    measure.workflow_status = "arkivert"
    measure.save()
    vocabulary.refresh()
    assert not SearchVocabulary.objects.filter(word="resultatkjedeord").exists()


def test_without_pg_trgm_there_is_no_correction_and_a_warning(client, union_measures, caplog):
    """The pgserver fallback has no pg_trgm: dropped here, inside the test's transaction."""
    with connection.cursor() as cursor:
        cursor.execute("DROP EXTENSION pg_trgm CASCADE")
    search.trigram_available.cache_clear()
    spelling._warned = False  # the warning is given once per process
    try:
        with caplog.at_level(logging.WARNING, logger="initiatives.overview.spelling"):
            response = client.get("/tiltak/?q=tilitsvalgte")
        assert response.status_code == 200
        assert "Viser treff for" not in response.content.decode()
        assert any("pg_trgm" in record.getMessage() for record in caplog.records)
    finally:
        search.trigram_available.cache_clear()


def test_a_word_the_dictionaries_know_is_not_corrected(client, bergen):
    """Nynorsk "kommunar" is no typo of the bokmål "kommuner" that the vocabulary holds:
    the search finds the bokmål text through the dictionaries and says nothing of spelling."""
    _measure(bergen, "Felles innkjøp", "Fire kommuner kjøper inn sammen.")
    vocabulary.refresh()
    html = client.get("/tiltak/?q=kommunar").content.decode()
    assert "Felles innkjøp" in html
    assert "Viser treff for" not in html
