import datetime as dt
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures(bergen):
    for day, title, area in [
        (1, "Eldst i Bergen", "faglig-frihet"),
        (3, "Nyest i Bergen", "mindre-rapportering"),
    ]:
        InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            published_at=timezone.make_aware(dt.datetime(2025, 3, day, 12)),
            title=title,
            areas=[area],
        )
    InitiativeFactory(organisation=bergen, title="Utkast i Bergen")


def test_feed_is_atom_with_the_newest_published_measures_first(client, measures):
    response = client.get("/feed/tiltak/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Nyest i Bergen", "Eldst i Bergen"]
    assert feed.entries[0].link.endswith("/")
    assert feed.entries[0].author == "Bergen kommune"
    assert feed.entries[0].published_parsed[:3] == (2025, 3, 3)


def test_feed_takes_the_overview_parameters(client, measures):
    feed = feedparser.parse(client.get("/feed/tiltak/?fokusomrade=faglig-frihet&fylke=46").content)
    assert [entry.title for entry in feed.entries] == ["Eldst i Bergen"]
    assert "fokusomrade=faglig-frihet" in feed.feed.link
    feed = feedparser.parse(client.get("/feed/tiltak/?fylke=03").content)
    assert feed.entries == []


def test_feed_survives_bad_parameters(client, measures):
    response = client.get("/feed/tiltak/?fylke=99&aar=1e9&side=abc&q=%00")
    assert response.status_code == 200
    assert not feedparser.parse(response.content).bozo


HOSTILE = [
    "<svg onload=alert(3)>",
    '<img src=x onerror="alert(1)"> & <b>fet</b>',
    "]]><script>alert('x')</script>",
    "&lt;svg onload=alert(4)&gt;",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_feed_sends_titles_and_summaries_as_text_never_markup(client, bergen, text):
    """Atom's type="html" would make a reader run the summary as markup; type="text" (or no
    type) keeps it literal, so the parsed value is exactly what was typed."""
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        published_at=timezone.now(),
        title=f"Tittel {text}",
        summary=f"Sammendrag {text}",
    )
    root = ET.fromstring(client.get("/feed/tiltak/").content)  # noqa: S314 (our own output)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    (entry,) = root.findall("a:entry", ns)
    for tag, expected in [("title", f"Tittel {text}"), ("summary", f"Sammendrag {text}")]:
        element = entry.find(f"a:{tag}", ns)
        assert element.get("type", "text") == "text", tag
        assert list(element) == [], tag
        assert element.text == expected
    parsed = feedparser.parse(client.get("/feed/tiltak/").content).entries[0]
    assert parsed.summary_detail.type == "text/plain"
    assert parsed.title_detail.type == "text/plain"
