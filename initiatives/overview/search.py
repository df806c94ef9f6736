"""The overview's text search, as the pipeline asks for it: the condition and rank of a
query, the typo-tolerant fallback (word prefixes and title trigrams), and the marked snippet.
The Norwegian itself lives in ``initiatives.search``: the stored vectors hold lemmas of both
written standards, and the query is built from the same analyser's lexemes."""

from __future__ import annotations

import html
from functools import lru_cache

from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q, Value
from django.utils.safestring import SafeString, mark_safe

from initiatives.search.highlight import HIT_END, HIT_START, highlight_many
from initiatives.search.query import LexemeQuery, parse, to_tsquery, wanted_lexemes

__all__ = ["HIT_END", "HIT_START", "exact_condition", "headline", "safe_headline", "snippets"]
NOTHING = Q(pk__isnull=True)  # never true, and (unlike pk__in=[]) it compiles to SQL


@lru_cache(maxsize=1)
def trigram_available() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def _tsquery(text: str, prefix: bool) -> str | None:
    return to_tsquery(parse(text), prefix=prefix)


def search_query(text: str) -> LexemeQuery | None:
    """Web-search syntax: "quoted phrases", OR, and -word to exclude."""
    tsquery = _tsquery(text, False)
    return LexemeQuery(tsquery) if tsquery else None


def search_rank(text: str):
    """The rank of a search's hits: its wanted words (not the excluded ones) in any form and
    standard, plus a bonus for the words in the searcher's own written standard (the other
    standard's lemmas are indexed a weight lower), so "sjukeheim" lists nynorsk text first
    and "sykehjem" bokmål."""
    wanted = parse(text).wanted()
    every, native = to_tsquery(wanted), to_tsquery(wanted, native=True)
    if every is None:
        return Value(0.0)
    rank = SearchRank(F("search_vector"), LexemeQuery(every))
    if native is None or native == every:
        return rank
    return rank + SearchRank(F("search_vector"), LexemeQuery(native))


def prefix_query(text: str) -> LexemeQuery | None:
    """For plain words (no quotes or operators), also match words that start with them:
    "tillit" finds "tillitsvalgte" and "tillitsbasert"."""
    if any(mark in text for mark in ('"', " OR ", " or ", "-")):
        return None
    tsquery = _tsquery(text, True)
    return LexemeQuery(tsquery) if tsquery else None


def exact_condition(text: str) -> Q:
    """The words in any of their forms, in bokmål or nynorsk; uses the GIN index."""
    query = search_query(text)
    return Q(search_vector=query) if query is not None else NOTHING


def text_condition(text: str, *, fuzzy: bool = False):
    """The filter and the ranking for a free-text search (title > summary > description).

    ``fuzzy`` is the fallback when the words themselves find nothing: plain words then also
    match as the start of longer words and titles match by trigram similarity (small
    typos). The fallback stays out of the common case because prefixes of common stems
    match a large share of all measures. Measures and their overview entries both have
    the fields it reads."""
    if not fuzzy:
        query = search_query(text)
        if query is None:
            return NOTHING, Value(0.0)
        return Q(search_vector=query), search_rank(text)
    prefixed = prefix_query(text)
    condition = NOTHING
    if prefixed is not None:
        condition |= Q(search_vector=prefixed)
    if trigram_available():
        condition |= Q(title__trigram_word_similar=text)
        return condition, TrigramWordSimilarity(Value(text), "title")
    rank = SearchRank(F("search_vector"), prefixed) if prefixed is not None else Value(0.0)
    return condition, rank


def headline(text: str, field: str = "description") -> F:
    """What a snippet is cut from, as an annotation (only for the rows shown): the marking
    is done in Python by ``snippets``."""
    return F(field)


def snippets(text: str, raws: list[str | None]) -> list[SafeString]:
    """The snippets of the rows shown, the query's words marked, everything else escaped."""
    wanted = wanted_lexemes(parse(text))
    return [safe_headline(marked) for marked in highlight_many(raws, wanted)]


def safe_headline(raw: str | None) -> SafeString:
    """The snippet with the hits as ``<mark>``, everything else escaped."""
    escaped = html.escape(raw or "")
    return mark_safe(escaped.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))  # noqa: S308
