"""Norwegian full-text search with a trigram fallback for small typos."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, Q, Value
from django.utils.safestring import SafeString, mark_safe

CONFIG = "norwegian"
# Private-use characters mark the hits in headlines, so user text can be escaped safely.
HIT_START, HIT_END = "\ue000", "\ue001"
WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def trigram_available() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def search_query(text: str) -> SearchQuery:
    """Web-search syntax: "quoted phrases", OR, and -word to exclude."""
    return SearchQuery(text, config=CONFIG, search_type="websearch")


def prefix_query(text: str) -> SearchQuery | None:
    """For plain words (no quotes or operators), also match words that start with them:
    Norwegian compounds, so "tillit" finds "tillitsvalgte" and "tillitsbasert"."""
    if any(mark in text for mark in ('"', " OR ", " or ", "-")):
        return None
    words = WORD.findall(text)[:8]
    if not words:
        return None
    return SearchQuery(" & ".join(f"{word}:*" for word in words), config=CONFIG, search_type="raw")


def exact_condition(text: str) -> Q:
    """Word matches (with Norwegian stemming, and prefixes for plain words); uses the GIN index."""
    condition = Q(search_vector=search_query(text))
    prefixed = prefix_query(text)
    if prefixed is not None:
        condition |= Q(search_vector=prefixed)
    return condition


def text_condition(text: str, *, fuzzy: bool = False):
    """The filter and the ranking for a free-text search (title > summary > description).
    ``fuzzy`` searches titles by trigram similarity instead: the fallback for small typos,
    used when the words themselves find nothing."""
    if fuzzy and trigram_available():
        return Q(title__trigram_word_similar=text), TrigramWordSimilarity(Value(text), "title")
    return exact_condition(text), SearchRank(F("search_vector"), search_query(text))


def _safe_headline(raw: str | None) -> SafeString:
    escaped = html.escape(raw or "")
    return mark_safe(escaped.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))  # noqa: S308


def headlines(queryset, text: str) -> dict[int, SafeString]:
    """Snippets with the hits marked, for the rows in ``queryset`` (one query)."""
    query = search_query(text)
    prefixed = prefix_query(text)
    if prefixed is not None:
        query = query | prefixed
    headline = SearchHeadline(
        "description",
        query,
        config=CONFIG,
        start_sel=HIT_START,
        stop_sel=HIT_END,
        max_words=30,
        min_words=12,
        max_fragments=2,
    )
    rows = queryset.annotate(snippet=headline).values_list("pk", "snippet")
    return {pk: _safe_headline(snippet) for pk, snippet in rows}
