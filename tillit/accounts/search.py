"""Finding organisations by what people type: official names, short names (NAV) and the
parallel Sami, Kven and Norwegian names of municipalities (Røyrvik finds Raarvihke), without
regard to case or accents. In Python: the register is a few thousand short rows."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PARALLEL_NAMES = Path(__file__).resolve().parent.parent / "data" / "parallelle-navn.csv"
# letters that Unicode does not split into a base letter and a mark
FOLDED = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ŋ": "n", "ŧ": "t", "-": " "})


def normalise(text: str) -> str:
    """Lower case, without accents or hyphens: "Snåase" → "snaase", "Røyrvik" → "royrvik"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(FOLDED))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@cache
def parallel_names() -> dict[str, tuple[str, ...]]:
    """Municipality number → its official names in every language (from ``PARALLEL_NAMES``)."""
    names: dict[str, list[str]] = {}
    with PARALLEL_NAMES.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names.setdefault(row["kommunenummer"], []).append(row["navn"])
    return {number: tuple(found) for number, found in names.items()}


@dataclass(frozen=True)
class Hit:
    """One organisation found: ``also`` is the other name that matched, if any."""

    pk: int
    name: str
    also: str
    rank: int


def _rank(query: str, words: list[str], name: str, others: list[str]) -> tuple[int, str] | None:
    """0: the short name exactly; 1: the name starts with the query; 2: every word starts a
    word of a name; 3: every word is inside a name. ``None`` when the query does not match."""
    folded_name = normalise(name)
    candidates = [(folded_name, ""), *((normalise(o), o) for o in others if o)]
    best = None
    for haystack, shown in candidates:
        parts = haystack.split()
        if haystack == query and shown:
            rank = 0
        elif haystack.startswith(query):
            rank = 1
        elif all(any(part.startswith(word) for part in parts) for word in words):
            rank = 2
        elif all(word in haystack for word in words):
            rank = 3
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, shown)
    return best


def search(rows, text: str, *, limit: int = 20) -> tuple[list[Hit], int]:
    """The best ``limit`` of ``rows`` (pk, name, short name, municipality number) matching
    ``text``, and how many match in all."""
    query = normalise(text)
    words = query.split()
    if not words:
        return [], 0
    names = parallel_names()
    hits = []
    for pk, name, short_name, municipality in rows:
        others = [short_name, *(n for n in names.get(municipality or "", ()) if n not in name)]
        found = _rank(query, words, name, others)
        if found is not None:
            rank, shown = found
            hits.append(Hit(pk=pk, name=name, also=shown, rank=rank))
    hits.sort(key=lambda hit: (hit.rank, normalise(hit.name)))
    return hits[:limit], len(hits)
