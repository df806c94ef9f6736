"""The organisation search behind the pickers: official names, short names and parallel
Sami and Norwegian names, without regard to case or accents."""

import csv

import pytest

from tillit.accounts.models import Municipality
from tillit.accounts.search import PARALLEL_NAMES, normalise

from ..factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _names(client, text):
    answer = client.get("/organisasjoner/sok.json", {"q": text}).json()
    return [(hit["name"], hit["also"]) for hit in answer["results"]], answer["count"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Røyrvik", ("Raarvihke kommune", "Røyrvik")),
        ("royrvik", ("Raarvihke kommune", "Røyrvik")),
        ("Snåsa", ("Snåase kommune", "Snåsa")),
        ("SNASA", ("Snåase kommune", "Snåsa")),
        ("Kautokeino", ("Guovdageaidnu kommune", "Kautokeino")),
        ("Karasjok", ("Kárášjohka kommune", "Karasjok")),
        ("raarvihke", ("Raarvihke kommune", "")),
        ("karasjohka", ("Kárášjohka kommune", "")),
        ("tromso", ("Tromsø kommune", "")),
        ("KDD", ("Kommunal- og distriktsdepartementet", "KDD")),
    ],
)
def test_names_short_names_and_parallel_names_are_found(client, typed, found):
    hits, _count = _names(client, typed)
    assert hits[0] == found


def test_nav_finds_the_labour_and_welfare_administration(client):
    OrganisationFactory(name="Arbeids- og velferdsetaten", short_name="NAV")
    OrganisationFactory(name="Navarsete skole", kind="annet")
    hits, count = _names(client, "nav")
    assert hits[0] == ("Arbeids- og velferdsetaten", "NAV")  # the short name comes first
    assert count == 2


def test_every_word_must_match_and_an_empty_search_finds_nothing(client):
    hits, _count = _names(client, "indre fosen")
    assert [name for name, _ in hits] == ["Indre Fosen kommune"]
    assert _names(client, "   ") == ([], 0)
    assert _names(client, "x" * 500)[1] == 0  # long input is cut, never an error


def test_the_answer_is_limited_but_counts_every_match(client):
    hits, count = _names(client, "kommune")
    assert len(hits) == 20 and count >= 357


def test_the_parallel_names_file_names_real_municipalities():
    with PARALLEL_NAMES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    numbers = {row["kommunenummer"] for row in rows}
    known = dict(Municipality.objects.filter(number__in=numbers).values_list("number", "name"))
    assert set(known) == numbers
    for number, name in known.items():  # the register's own name is among them
        assert name in {row["navn"] for row in rows if row["kommunenummer"] == number}


def test_normalise_folds_case_accents_and_norwegian_letters():
    assert normalise("Kárášjohka") == "karasjohka"
    assert normalise("Røyrvik") == "royrvik"
    assert normalise("Arbeids- og  velferdsetaten") == "arbeids og velferdsetaten"
