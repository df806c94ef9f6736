"""Focus-area names in the reader's language: the official bokmål label in nb, nynorsk and
English translations elsewhere (pages, facets, result cards, API); an area the editors made
is shown as written."""

import csv
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings

from initiatives.models import FocusArea

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db

OFFICIAL = {
    row["kortnavn"]: row["fokusomrade"]
    for row in csv.DictReader(
        (Path(settings.BASE_DIR) / "tillit/data/fokusomrader.csv").open(encoding="utf-8")
    )
}
TRANSLATED = {
    "nn": {
        "faglig-frihet": "Gje meir fagleg fridom til førstelinja",
        "tillitsbasert-ledelse": "Auke bruken av tillitsbasert leiing",
    },
    "en": {
        "faglig-frihet": "Give more professional freedom to the front line",
        "tillitsbasert-ledelse": "Increase the use of trust-based leadership",
    },
}


@pytest.fixture
def measure(bergen):
    return InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Tillit i praksis",
        areas=["faglig-frihet", "tillitsbasert-ledelse"],
    )


def _page(client, language, path):
    client.cookies["django_language"] = language
    return unescape(client.get(path).content.decode())


def test_every_official_area_has_its_bokmal_label_verbatim_and_translations():
    for area in FocusArea.objects.all():
        assert area.name == OFFICIAL[area.slug]
        names = area_names(area)
        assert names["nb"] == OFFICIAL[area.slug]
        assert names["nn"] != names["nb"] and names["en"] != names["nb"], area.slug


def area_names(area):
    from initiatives.models.focus_areas import names_by_language

    return names_by_language(area.slug, area.name)


@pytest.mark.parametrize("language", ["nn", "en"])
def test_pages_show_focus_areas_in_the_chosen_language(client, measure, language):
    expected = TRANSLATED[language]
    pages = ["/", "/tiltak/", "/tiltak/?q=tillit", measure.get_absolute_url()]
    pages += ["/fokusomrader/faglig-frihet/", "/statistikk/", "/api/v1/dokumentasjon/"]
    pages += ["/oversikt/2024/"]
    for path in pages:
        html = _page(client, language, path)
        assert expected["faglig-frihet"] in html, path
        assert OFFICIAL["faglig-frihet"] not in html, path
        assert f'lang="nb">{expected["faglig-frihet"]}' not in html, path


def test_bokmal_pages_keep_the_official_label(client, measure):
    for path in ["/", "/tiltak/", measure.get_absolute_url(), "/fokusomrader/faglig-frihet/"]:
        assert OFFICIAL["faglig-frihet"] in _page(client, "nb", path), path


def test_an_area_the_editors_made_is_shown_as_written(client, bergen):
    FocusArea.objects.create(number=8, slug="lokal-tillit", name="Lokal tillit i Bergen")
    measure = InitiativeFactory(
        organisation=bergen, workflow_status="publisert", areas=["lokal-tillit"]
    )
    html = _page(client, "en", measure.get_absolute_url())
    assert '<li lang="nb">Lokal tillit i Bergen' in html
    api = client.get("/api/v1/fokusomrader/").json()["resultater"]
    [local] = [area for area in api if area["slug"] == "lokal-tillit"]
    assert local["navn_per_sprak"] == dict.fromkeys(["nb", "nn", "en"], "Lokal tillit i Bergen")


def test_the_api_gives_the_names_per_language_and_documents_them(client, measure):
    areas = {a["slug"]: a for a in client.get("/api/v1/fokusomrader/").json()["resultater"]}
    for slug, label in OFFICIAL.items():
        assert areas[slug]["navn"] == label  # unchanged, for compatibility
        assert areas[slug]["navn_per_sprak"]["nb"] == label
    assert areas["faglig-frihet"]["navn_per_sprak"] == {
        "nb": OFFICIAL["faglig-frihet"],
        "nn": TRANSLATED["nn"]["faglig-frihet"],
        "en": TRANSLATED["en"]["faglig-frihet"],
    }
    record = client.get(f"/api/v1/tiltak/{measure.pk}/").json()
    names = {a["slug"]: a["navn_per_sprak"] for a in record["fokusomrader"]}
    assert names["tillitsbasert-ledelse"]["nn"] == TRANSLATED["nn"]["tillitsbasert-ledelse"]
    schema = client.get("/api/v1/schema/").json()["components"]["schemas"]
    for name in ("Fokusomrade", "TiltakFokusomrade"):
        assert "navn_per_sprak" in schema[name]["required"]
        assert "navn" in schema[name]["properties"]
