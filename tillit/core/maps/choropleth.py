"""Areas shaded by a count: the classes and their legend, the colours, and the table's order.

Nothing here knows what is counted; the caller names the areas, counts them and links them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.utils.formats import number_format

# Fill per shade: 0 for areas with nothing, then lighter to darker. Every fill keeps a contrast
# of at least 3:1 with BOUNDARY (WCAG 1.4.11), so each area's border stays visible.
PALETTE = ("#f4f5f7", "#e0ecf8", "#b9d5ef", "#8dbae4", "#5f9ad6", "#3a7fc4")
BOUNDARY = "#1b2533"
SHADES = len(PALETTE) - 1

# the table's orders → (the column sorted by, its direction as aria-sort says it); ties by name
SORTINGS = {
    "antall": ("antall", "descending"),
    "antall-stigende": ("antall", "ascending"),
    "navn": ("navn", "ascending"),
    "navn-synkende": ("navn", "descending"),
}
DEFAULT_SORTING = "antall"


@dataclass
class Area:
    """One county or municipality: ``title`` names it with its count (the drawing's tooltip
    and the accessible name); ``path`` is its outline, ``shade`` its class."""

    number: str
    name: str
    count: int
    url: str = ""
    title: str = ""
    path: str = ""
    shade: int = 0

    @property
    def fill(self) -> str:
        return PALETTE[self.shade]


@dataclass(frozen=True)
class Band:
    """A legend entry: the counts from ``low`` to ``high`` share ``shade``."""

    shade: int
    low: int
    high: int

    @property
    def fill(self) -> str:
        return PALETTE[self.shade]

    @property
    def label(self) -> str:
        if self.low == self.high:
            return number_format(self.low)
        return f"{number_format(self.low)}–{number_format(self.high)}"


def bands(counts: list[int]) -> list[Band]:
    """Up to ``SHADES`` classes over the counts above zero, each holding about as many areas
    (quantiles), with no gaps between their ranges, plus a class of its own for zero."""
    present = sorted(count for count in counts if count > 0)
    result = [Band(0, 0, 0)] if len(present) < len(counts) else []
    distinct = sorted(set(present))
    if len(distinct) <= SHADES:
        groups = [[value] for value in distinct]
    else:
        groups, start = [], 0
        for shade in range(1, SHADES + 1):
            cut = present[min(len(present) - 1, round(shade * len(present) / SHADES) - 1)]
            group = [value for value in distinct[start:] if value <= cut]
            if group:
                groups.append(group)
                start += len(group)
        if start < len(distinct):
            groups[-1] += distinct[start:]
    step = SHADES / len(groups) if groups else 1
    low = 1
    for index, group in enumerate(groups):  # contiguous ranges: 1–2, 3–7, 8–20, …
        shade = SHADES if index == len(groups) - 1 else max(1, round((index + 1) * step))
        result.append(Band(shade, low, group[-1]))
        low = group[-1] + 1
    return result


def shade(areas: list[Area]) -> list[Band]:
    """Give every area its class; the legend's bands, lowest first."""
    legend = bands([area.count for area in areas])
    for area in areas:
        area.shade = next(band.shade for band in legend if band.low <= area.count <= band.high)
    return legend


def name_key(name: str) -> str:
    """Norwegian alphabetical order: Æ, Ø and Å after Z, other accents ignored."""
    folded = name.casefold().translate({ord("æ"): "{", ord("ø"): "|", ord("å"): "}"})
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sorted_areas(areas: list[Area], sorting: str) -> list[Area]:
    """The table's rows: by count (most first, or fewest) or by name (A–Å, or Å–A)."""
    column, direction = SORTINGS[sorting]
    by_name = sorted(areas, key=lambda area: name_key(area.name))
    if column == "navn":
        return by_name if direction == "ascending" else by_name[::-1]
    return sorted(by_name, key=lambda area: area.count, reverse=direction == "descending")
