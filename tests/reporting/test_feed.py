import datetime as dt

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
