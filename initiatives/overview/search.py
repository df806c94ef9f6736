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
    """The words, with Norwegian stemming; uses the GIN index."""
    return Q(search_vector=search_query(text))


def text_condition(text: str, *, fuzzy: bool = False):
    """The filter and the ranking for a free-text search (title > summary > description).

    ``fuzzy`` is the fallback when the words themselves find nothing: plain words then also
    match as the start of longer words (Norwegian compounds: "tillit" finds "tillitsvalgte")
    and titles match by trigram similarity (small typos). The fallback stays out of the
    common case because prefixes of common stems match a large share of all measures.
    Measures and their overview entries both have the fields it reads."""
    if not fuzzy:
        return exact_condition(text), SearchRank(F("search_vector"), search_query(text))
    prefixed = prefix_query(text)
    condition = Q(pk__in=[])
    if prefixed is not None:
        condition |= Q(search_vector=prefixed)
    if trigram_available():
        condition |= Q(title__trigram_word_similar=text)
        return condition, TrigramWordSimilarity(Value(text), "title")
    rank = SearchRank(F("search_vector"), prefixed) if prefixed is not None else Value(0.0)
    return condition, rank


def safe_headline(raw: str | None) -> SafeString:
    """The database's snippet with the hits as ``<mark>``, everything else escaped."""
    escaped = html.escape(raw or "")
    return mark_safe(escaped.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))  # noqa: S308


def headline(text: str, field: str = "description") -> SearchHeadline:
    """A snippet of ``field`` with the hits marked, as an annotation: PostgreSQL works it
    out after sorting and paging, so only for the rows shown."""
    query = search_query(text)
    prefixed = prefix_query(text)
    if prefixed is not None:
        query = query | prefixed
    return SearchHeadline(
        field,
        query,
        config=CONFIG,
        start_sel=HIT_START,
        stop_sel=HIT_END,
        max_words=30,
        min_words=12,
        max_fragments=2,
    )
