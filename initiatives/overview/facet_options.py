"""The overview's filter panel: each facet's legend, and the options worth offering with the
number of measures each would give."""

from __future__ import annotations

from dataclasses import dataclass

from .params import OverviewParams
from .reference import Reference
from .registry import FACETS


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    legend: str
    options: list[FacetOption]
    widget: str = "checkbox"  # or "select" for long lists


def _choices(values, counts: dict, selected: list[str]) -> list[FacetOption]:
    """The options worth offering: those that would give results, and those chosen."""
    options = []
    for value, label in values:
        value = str(value)
        count = counts.get(value, 0)
        if count or value in selected:
            options.append(FacetOption(value, str(label), count, value in selected))
    return options


def facets(params: OverviewParams, counts: dict, reference: Reference) -> list[Facet]:
    """The filter panel's facets in their order, each with its options and their counts;
    a facet without fixed options offers the values counted, newest first (the years)."""
    shown = []
    for facet in FACETS:
        chosen = params.selected[facet.name]
        if facet.options is None:
            values = [(v, v) for v in sorted({*counts[facet.name], *chosen}, reverse=True)]
        else:
            values = facet.options(reference)
        options = _choices(values, counts[facet.name], chosen)
        shown.append(Facet(facet.name, facet.label, options, facet.widget))
    return shown
