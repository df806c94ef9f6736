"""Web-search syntax ("a phrase", OR, -word) turned into a ``tsquery`` of our own lexemes.

Each word becomes a group of alternatives: its whole lemmas in both written standards, and the
word as typed, lower-cased and folded (so names and unknown words are found as written). A
compound the dictionaries split also finds all its parts written apart, never one part alone
(and "fastlege", which they know whole, never finds "fast"). The text is sent as
``'…'::tsquery``: no text-search configuration parses our lexemes again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery

from tillit.accounts.search import normalise
from tillit.core.norsk.analyser import analyser
from tillit.core.norsk.stopwords import STOP_WORDS

MAX_WORDS = 16
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"[^\W_]+")


def quote(lexeme: str) -> str:
    """A lexeme as a tsquery/tsvector literal: in single quotes, ``'`` and ``\\`` doubled."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def surface_forms(word: str) -> set[str]:
    lower = word.lower()
    return {lower, normalise(lower).replace(" ", "")} - {""}


@dataclass
class Term:
    """A word or a phrase (several words) of the query; ``excluded`` for -word."""

    words: list[str]
    excluded: bool = False


@dataclass
class Parsed:
    """The query's clauses (ANDed); each clause is a list of terms (ORed)."""

    clauses: list[list[Term]] = field(default_factory=list)

    def words(self) -> list[str]:
        return [w for clause in self.clauses for term in clause for w in term.words]

    def wanted(self) -> Parsed:
        """Without the excluded terms: what a hit is ranked by (PostgreSQL's ``ts_rank``
        gives 0 to every row of a query with ``!``, so the exclusion only filters)."""
        clauses = [[term for term in clause if not term.excluded] for clause in self.clauses]
        return Parsed([clause for clause in clauses if clause])


def parse(text: str) -> Parsed:
    parsed, pending_or, count = Parsed(), False, 0
    for match in TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        if bare is not None and bare.upper() == "OR":
            pending_or = bool(parsed.clauses)
            continue
        excluded = bool(minus) or (bare is not None and bare.startswith("-") and len(bare) > 1)
        words = WORD.findall(phrase if phrase is not None else bare)[: MAX_WORDS - count]
        if not words:
            continue
        count += len(words)
        term = Term(words, excluded)
        if pending_or and not excluded:
            parsed.clauses[-1].append(term)
        else:
            parsed.clauses.append([term])
        pending_or = False
        if count >= MAX_WORDS:
            break
    return parsed


def _group(alternatives: set[str]) -> str:
    quoted = sorted(quote(lexeme) for lexeme in alternatives)
    return quoted[0] if len(quoted) == 1 else "(" + " | ".join(quoted) + ")"


def _term(term: Term, lexemes: dict[str, frozenset[str]], prefix: bool, pieces=None) -> str | None:
    parts, gap = [], 0
    for word in term.words:
        if word.lower() in STOP_WORDS:
            gap += 1
            continue
        if prefix:
            group = f"{quote(word.lower())}:*"
        else:
            group = _group(set(lexemes.get(word, ())) | surface_forms(word))
            split = (pieces or {}).get(word, ())
            if len(term.words) == 1 and not term.excluded and len(split) > 1:
                # a compound also finds its parts written apart: "fastlegetjenesten" finds
                # "tjenesten hos fastlegen" (below the compound itself)
                group = f"({group} | ({' & '.join(_group(set(piece)) for piece in split)}))"
        if parts:
            parts.append(f"<{gap + 1}>" if gap else "<->")
        parts.append(group)
        gap = 0
    if not parts:
        return None
    text = parts[0] if len(parts) == 1 else "(" + " ".join(parts) + ")"
    return "!" + text if term.excluded else text


def to_tsquery(parsed: Parsed, *, prefix: bool = False, native: bool = False) -> str | None:
    """The tsquery text, or ``None`` when nothing is left to search for (only stop words).
    ``native``: each word only in its own written standard (for ranking: text written as the
    searcher writes ranks above text found through the other standard)."""
    analyses = {} if prefix else analyser().analyse(parsed.words())
    pieces = {w: a.pieces for w, a in analyses.items()}
    if native:
        lexemes = {w: a.native for w, a in analyses.items()}
    else:
        lexemes = {w: a.whole for w, a in analyses.items()}
    clauses = []
    for clause in parsed.clauses:
        terms = [t for t in (_term(term, lexemes, prefix, pieces) for term in clause) if t]
        if terms:
            clauses.append(terms[0] if len(terms) == 1 else "(" + " | ".join(terms) + ")")
    if not any(not c.startswith("!") for c in clauses):
        return None  # only exclusions or stop words: nothing to look for
    return " & ".join(clauses)


def wanted_lexemes(parsed: Parsed) -> frozenset[str]:
    """What the query looks for (not what it excludes): the snippet marks these."""
    words = [w for clause in parsed.clauses for t in clause if not t.excluded for w in t.words]
    lexemes = analyser().lexemes(words, parts=False)
    found = set()
    for word in words:
        if word.lower() not in STOP_WORDS:
            found |= lexemes.get(word, frozenset()) | surface_forms(word)
    return frozenset(found)


class LexemeQuery(SearchQuery):
    """A ready ``tsquery`` text, cast as ``%s::tsquery`` (no configuration, no parsing)."""

    def __init__(self, tsquery: str):
        super().__init__(tsquery)

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql})::tsquery", params


def any_of(words: list[str]) -> str | None:
    """A tsquery matching text with any of ``words`` (in any form): related measures."""
    words = [w for w in words if WORD.fullmatch(w) and w.lower() not in STOP_WORDS]
    lexemes = analyser().lexemes(words, parts=False)
    groups = [_group(set(lexemes.get(w, ())) | surface_forms(w)) for w in dict.fromkeys(words)]
    return " | ".join(groups) or None
