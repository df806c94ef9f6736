"""The words a measure is compared by: the content words of its title and summary, each with
how rare it is among published text (the search vocabulary's document counts: rarer shared
words count more) and the tsquery group that finds it in any form and written standard."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.db import connection

from initiatives.search.query import quote, surface_forms
from tillit.core.norsk.analyser import analyser
from tillit.core.norsk.stopwords import STOP_WORDS

WORD = re.compile(r"[^\W\d_]{3,}")
MAX_WORDS = 60  # of title and summary, in their order
# Words as common as this share of the published documents say little about a measure.
TOO_COMMON = 0.2


@dataclass(frozen=True)
class Term:
    """One content word: ``query`` finds it anywhere, ``weighted`` only in a title, a summary
    or a name (weights A and B); ``idf`` is its weight (rarer is higher)."""

    word: str
    query: str
    weighted: str
    idf: float


def content_words(*texts: str) -> list[str]:
    """The distinct words of ``texts`` in lower case, in order, without stop words."""
    words = [m.group().lower() for text in texts for m in WORD.finditer(text or "")]
    return [w for w in dict.fromkeys(words) if w not in STOP_WORDS][:MAX_WORDS]


def _counts(words: list[str]) -> tuple[dict[str, int], float]:
    """How many published documents use each word, and about how many documents there are
    (the planner's estimate of the overview's rows: no count over a million rows)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT v.word, v.documents, (SELECT reltuples FROM pg_class"
            " WHERE oid = 'initiatives_overviewentry'::regclass)"
            " FROM initiatives_searchvocabulary v WHERE v.word = ANY(%s)",
            [words],
        )
        rows = cursor.fetchall()
    counts = {word: documents for word, documents, _total in rows}
    estimate = rows[0][2] if rows else 0
    return counts, max(float(estimate or 0), float(max(counts.values(), default=0)), 1.0)


def _group(alternatives: set[str], weights: str = "") -> str:
    suffix = f":{weights}" if weights else ""
    quoted = sorted(quote(lexeme) + suffix for lexeme in alternatives)
    return quoted[0] if len(quoted) == 1 else "(" + " | ".join(quoted) + ")"


def rarest_terms(title: str, summary: str, *, published: bool = False, limit: int = 8):
    """The ``limit`` rarest content words of a title and summary (a word and its other forms
    once), rarest first. A word's count is its forms' (its lemmas written as words among them);
    words no other published document uses are left out (``published``: the text is one of
    them), and words in a fifth of all documents are used only when nothing rarer is left."""
    words = content_words(title, summary)
    if not words:
        return []
    lexemes = analyser().lexemes(words, parts=False)
    merged: dict[frozenset[str], tuple[str, set[str]]] = {}
    for word in words:
        key = frozenset(lexemes.get(word, ())) or frozenset({word})
        alternatives = set(lexemes.get(word, ())) | surface_forms(word)
        first, known = merged.get(key, (word, set()))
        merged[key] = (first, known | alternatives)  # "tilsyn" and "tilsynet": one term
    counts, total = _counts(
        sorted({a for _w, alternatives in merged.values() for a in alternatives})
    )
    counted = [(word, alts, sum(counts.get(a, 0) for a in alts)) for word, alts in merged.values()]
    own = 1 if published else 0
    shared = [item for item in counted if item[2] > own] or counted
    ranked = sorted(shared, key=lambda item: item[2])
    informative = [item for item in ranked if item[2] <= total * TOO_COMMON] or ranked
    return [
        Term(
            word=word,
            query=_group(alternatives),
            weighted=_group(alternatives, "AB"),
            idf=math.log(1 + (total + 1) / (count + 1)),
        )
        for word, alternatives, count in informative[:limit]
    ]
