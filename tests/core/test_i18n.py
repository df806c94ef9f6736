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
