"""Corrections for mistyped search words, from the vocabulary of published text
(``SearchVocabulary``) by trigram similarity. A word counts as known when the vocabulary has
it or a word that begins with it (a stem or the start of a compound); an unknown word becomes
its most similar known word (similarity at least ``THRESHOLD``; ties go to the word more
documents use). A word the Norwegian dictionaries know is never corrected: the search
already finds it in either written standard ("sjukeheim" finds "sykehjem"). Without pg_trgm
no correction is made, and a warning says so once."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from django.db import connection

from tillit.core.norsk.analyser import analyser

from . import search

logger = logging.getLogger(__name__)

THRESHOLD = 0.5
MAX_WORDS = 8
# A word of the search text, and whether a minus (exclusion) comes before it.
TOKEN = re.compile(r"(-?)(\w+)")
OPERATORS = {"or"}

NEIGHBOURS = """
SELECT typed.word, best.word
  FROM unnest(%s::text[]) AS typed(word)
 CROSS JOIN LATERAL (
       SELECT v.word FROM initiatives_searchvocabulary v
        WHERE v.word %% typed.word AND similarity(v.word, typed.word) >= %s
        ORDER BY similarity(v.word, typed.word) DESC, v.documents DESC, v.word
        LIMIT 1) AS best
 WHERE NOT starts_with(coalesce((SELECT k.word FROM initiatives_searchvocabulary k
                                    WHERE k.word >= typed.word ORDER BY k.word LIMIT 1), ''),
                        typed.word)
"""


@dataclass(frozen=True)
class Correction:
    """The search text as typed and as corrected (what is searched and shown)."""

    typed: str
    text: str


def _candidates(text: str) -> list[str]:
    """The words worth checking: not excluded, not an operator, three letters or more, no
    digits (as the vocabulary keeps them)."""
    words = []
    for minus, word in TOKEN.findall(text):
        word = word.lower()
        if minus or word in OPERATORS or len(word) < 3 or not word.isalpha():
            continue
        words.append(word)
    return list(dict.fromkeys(words))[:MAX_WORDS]


_warned = False


def correct(text: str) -> Correction | None:
    """``text`` with each unknown word replaced by its nearest known word, or None when
    every word is known or has no near neighbour (one query)."""
    global _warned
    if not search.trigram_available():
        if not _warned:
            logger.warning("pg_trgm is not installed: mistyped search words are not corrected")
            _warned = True
        return None
    words = _candidates(text)
    if words:
        unknown = analyser().unknown(words)
        words = [word for word in words if word in unknown]
    if not words:
        return None
    with connection.cursor() as cursor:
        cursor.execute(NEIGHBOURS, [words, THRESHOLD])
        found = dict(cursor.fetchall())
    if not found:
        return None

    def replace(match: re.Match) -> str:
        minus, word = match.groups()
        return match.group(0) if minus else found.get(word.lower(), word)

    return Correction(typed=text, text=TOKEN.sub(replace, text))
