"""Bokmål ↔ nynorsk with the real Apertium (``apertium-nno-nob``): the written standard of a
text, its translation with paragraphs kept, and a portal that runs on without Apertium."""

import logging

import pytest

from tillit.core.norsk import translate

BOKMAL = (
    "De ansatte i hjemmetjenesten brukte mye tid på å fylle ut skjema ved hvert besøk.\n\n"
    "Nå avgjør sykepleierne selv hva som må dokumenteres."
)
NYNORSK = (
    "Dei tilsette i heimetenesta brukte mykje tid på å fylle ut skjema ved kvart besøk.\n\n"
    "No avgjer sjukepleiarane sjølve kva som må dokumenterast."
)


@pytest.fixture(autouse=True)
def apertium_installed():
    if not translate.available():
        pytest.fail("apertium-nno-nob is not installed (make install / .ci/run install it)")


def test_bokmal_becomes_nynorsk_with_the_e_infinitive_and_its_paragraphs():
    nynorsk = translate.translate(BOKMAL, "nb", "nn")
    assert "tilsette" in nynorsk
    assert "heimetenesta" in nynorsk
    assert "å fylle ut" in nynorsk  # e-infinitive (nob-nno_e), not "å fylla"
    assert "sjukepleiarane" in nynorsk
    assert nynorsk.count("\n\n") == 1


def test_nynorsk_becomes_bokmal():
    bokmal = translate.translate(NYNORSK, "nn", "nb")
    assert "hjemmetjenesten" in bokmal
    assert "mye tid" in bokmal
    assert "sykepleierne" in bokmal


def test_several_parts_go_through_one_run_in_order():
    parts = ["Tid på sykehjemmet", "", "Første linje\nandre linje\n", "Hvert besøk"]
    done = translate.translate_parts(parts, "nb", "nn")
    assert done[0] == "Tid på sjukeheimen"
    assert done[1] == ""
    assert done[2] == "Første linje\nandre linje\n"
    assert done[3] == "Kvart besøk"


def test_the_written_standard_of_each():
    assert translate.written_standard(BOKMAL) == "nb"
    assert translate.written_standard(NYNORSK) == "nn"
    assert translate.written_standard("Kva skal vi gjere med skulen?") == "nn"
    assert translate.written_standard("Hva skal vi gjøre med skolen?") == "nb"


def test_a_text_too_short_or_without_words_cannot_be_told():
    assert translate.written_standard("Møte") is None
    assert translate.written_standard("2024 – 12 %") is None


def test_an_unknown_direction_is_refused():
    with pytest.raises(ValueError):
        translate.translate("Hei", "nb", "en")


def test_without_apertium_nothing_is_translated_and_a_warning_says_why(settings, caplog):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    translate._warn_missing.cache_clear()
    with caplog.at_level(logging.WARNING, logger="tillit.norsk"):
        assert translate.available() is False
        assert translate.written_standard(BOKMAL) is None
        with pytest.raises(translate.TranslationUnavailable):
            translate.translate(BOKMAL, "nb", "nn")
    assert "/nonexistent/apertium not found" in caplog.text
    assert "apertium-nno-nob" in caplog.text
    translate._warn_missing.cache_clear()


def test_a_missing_language_pair_is_reported_too(settings, tmp_path):
    settings.NORSK_ANALYSER_DIR = str(tmp_path)
    assert translate.available() is False
