"""The outline of Norway's counties and municipalities: SVG path strings per area number,
projected (UTM zone 33) and simplified once by ``scripts/build_map.py`` from Kartverket's
boundaries (CC BY 4.0), and read once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "kart-norge.json"
LEVELS = ("fylke", "kommune")  # the area kinds, by their public names
INSET_LABELS = {"oslo": _("Around Oslo, enlarged")}


@dataclass(frozen=True)
class Inset:
    """An enlarged copy of a crowded part of the drawing: ``window`` (left, top, width,
    height) drawn at ``place`` (left, top, size), with the areas it touches per level."""

    name: str
    window: tuple[int, int, int, int]
    place: tuple[int, int, int]
    numbers: dict[str, frozenset[str]]

    @property
    def label(self):
        return INSET_LABELS[self.name]


@dataclass(frozen=True)
class Outline:
    """``paths[level][number]``: an area's SVG path in a ``width`` × ``height`` drawing
    (kilometres, north up); ``county_borders``: the lines between counties, each once, to
    draw over the municipalities."""

    width: int
    height: int
    paths: dict[str, dict[str, str]]
    county_borders: str
    insets: tuple[Inset, ...]


@cache
def outline() -> Outline:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    insets = tuple(
        Inset(
            name,
            tuple(inset["window"]),
            tuple(inset["place"]),
            {level: frozenset(inset[level]) for level in LEVELS},
        )
        for name, inset in data["insets"].items()
    )
    paths = {level: data[level] for level in LEVELS}
    return Outline(data["width"], data["height"], paths, data["county_borders"], insets)
