import gettext
import re
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    p
    for folder in ("locale", "locale_vendor")
    for p in (BASE_DIR / folder).glob("*/LC_MESSAGES/django.po")
    if p.parts[-3] != "en"
)


def test_there_are_norwegian_catalogues():
    assert {p.parts[-3] for p in CATALOGUES} == {"nb", "nn"}


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: "/".join(p.parts[-4:-2]))
def test_catalogues_are_complete_and_valid(catalogue):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


# The source language is English, so a Norwegian text identical to its English source was
# left untranslated; these few are the same word in both languages.
SAME_IN_ENGLISH = {"Format", "ID", "Parameter", "Status", "status", "pilot", "Token", "token"}
SAME_IN_ENGLISH |= {"Headless", "WebAuthn", "uid"}  # allauth's, in locale_vendor
# Words that are bokmål and never nynorsk: a nynorsk text with one of them was copied from
# the bokmål one.
BOKMAL_ONLY = {
    "ikke", "hva", "hvordan", "hvis", "hvem", "hvor", "hver", "hvilke", "hvilken", "bare",
    "noen", "jeg", "mye", "fra", "være", "uten", "selv", "dem", "deres", "kun", "virksomhet",
    "virksomheter", "ansatte",
}  # fmt: skip
MARKUP = re.compile(r"<[^>]+>|%\([a-z_]+\)[sd]|%[sd]|\{[^}]*\}|&[a-z]+;")


def _translations(catalogue: Path) -> dict[str, str]:
    """msgid → msgstr from the compiled catalogue, one entry per plural form."""
    with catalogue.with_suffix(".mo").open("rb") as compiled:
        entries = gettext.GNUTranslations(compiled)._catalog
    found = {}
    for key, text in entries.items():
        source = key[0] if isinstance(key, tuple) else key
        if source:
            found.setdefault(source, text)
    return found


def _has_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-zÆØÅæøå]{2,}", MARKUP.sub("", text)))


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: "/".join(p.parts[-4:-2]))
def test_no_translation_is_left_in_english(catalogue):
    left = sorted(
        source
        for source, text in _translations(catalogue).items()
        if text == source and _has_words(source) and source not in SAME_IN_ENGLISH
    )
    assert not left, left


@pytest.mark.parametrize(
    "catalogue", [c for c in CATALOGUES if c.parts[-3] == "nn"], ids=lambda p: p.parts[-4]
)
def test_nynorsk_is_not_bokmal(catalogue):
    copied = {}
    for source, text in _translations(catalogue).items():
        words = set(re.findall(r"[a-zæøå]+", MARKUP.sub(" ", text).lower()))
        if words & BOKMAL_ONLY:
            copied[source] = sorted(words & BOKMAL_ONLY)
    assert not copied, copied


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("cookie", "lang", "heading"),
    [
        (None, "nb", "Del det som bygger tillit"),
        ("nn", "nn", None),
        ("en", "en", "Share what builds trust"),
    ],
)
def test_html_lang_follows_the_chosen_language(client, cookie, lang, heading):
    if cookie:
        client.cookies["django_language"] = cookie
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en").content.decode()
    assert f'<html lang="{lang}">' in html
    if heading:
        assert heading in html


@pytest.mark.django_db
def test_set_language_sets_the_cookie_and_returns_to_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "nn", "next": "/organisasjoner/"})
    assert response.status_code == 302 and response["Location"] == "/organisasjoner/"
    assert response.cookies["django_language"].value == "nn"
