"""The snippet of a search hit, marked in Python: the database's ``ts_headline`` knows only
its own configuration's stems, not our lemmas. Words whose lexemes meet the query's are
marked (private-use characters, escaped into ``<mark>`` by ``safe_headline``); the snippet is
the window of about 30 words with the most hits, at most two of them."""

from __future__ import annotations

import itertools
import re

from tillit.core.norsk.analyser import analyser

from .query import surface_forms

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
HIT_START, HIT_END = "\ue000", "\ue001"
CLOSING = re.compile(r"[^\w\s]*")
WINDOW = 30
MAX_WORDS = 1500  # the snippet is looked for in a long text's first words: a cold page stays fast
FRAGMENTS = 2


def _is_hit(token: str, lexemes: dict[str, frozenset[str]], wanted: frozenset[str]) -> bool:
    parts = token.split("-")
    words = [token, *parts] if len(parts) > 1 else parts
    found = set()
    for word in words:
        found |= lexemes.get(word, frozenset()) | surface_forms(word)
    return not found.isdisjoint(wanted)


def _windows(hits: list[bool]) -> list[tuple[int, int]]:
    """Up to ``FRAGMENTS`` non-overlapping windows of ``WINDOW`` words, the most hits first."""
    if not any(hits):
        return [(0, min(WINDOW, len(hits)))]
    chosen: list[tuple[int, int]] = []
    taken = [False] * len(hits)
    for _ in range(FRAGMENTS):
        best, best_start = 0, None
        for start in range(max(1, len(hits) - WINDOW + 1)):
            end = min(start + WINDOW, len(hits))
            if any(taken[start:end]):
                continue
            score = sum(hits[start:end])
            if score > best:
                best, best_start = score, start
        if best_start is None:
            break
        # begin a little before the window's first hit, so it is read in context
        first = next(i for i in range(best_start, len(hits)) if hits[i])
        start = max(0, first - 3)
        while taken[start]:
            start += 1
        end = min(start + WINDOW, len(hits))
        end = next((i for i in range(start, end) if taken[i]), end)
        chosen.append((start, end))
        for i in range(start, end):
            taken[i] = True
    return sorted(chosen)


def highlight_many(texts: list[str | None], wanted: frozenset[str]) -> list[str]:
    """Each text's snippet with the hits between ``HIT_START`` and ``HIT_END``."""
    found = [list(itertools.islice(WORD.finditer(text or ""), MAX_WORDS)) for text in texts]
    words = {p for matches in found for m in matches for p in [m.group(), *m.group().split("-")]}
    lexemes = analyser().lexemes(words, parts=True)
    return [
        _snippet(text or "", matches, lexemes, wanted)
        for text, matches in zip(texts, found, strict=True)
    ]


def _snippet(text: str, matches, lexemes, wanted) -> str:
    if not matches:
        return text[:300]
    hits = [_is_hit(m.group(), lexemes, wanted) for m in matches]
    pieces = []
    for start, end in _windows(hits):
        piece, cursor = [], matches[start].start()
        for i in range(start, end):
            match = matches[i]
            piece.append(text[cursor : match.start()])
            piece.append(f"{HIT_START}{match.group()}{HIT_END}" if hits[i] else match.group())
            cursor = match.end()
        closing = CLOSING.match(text, cursor).group()  # a full stop, a closing quote
        piece.append(closing)
        more = text[cursor + len(closing) :].strip()
        snippet = "".join(piece).strip()
        pieces.append(("… " if start else "") + snippet + (" …" if more else ""))
    return " ".join(pieces).replace("… …", "…")
