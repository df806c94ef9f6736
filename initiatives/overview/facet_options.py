"""The overview's filter panel: each facet's legend, and the options worth offering with the
number of measures each would give."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from initiatives.models import Kind, LifecycleStatus, Sector

from .params import OverviewParams, Reference

CONFIRMATION_LABELS = {
    "ja": _("confirmed by the union representative"),
    "nei": _("employees' organisations not involved"),
    "ukjent": _("not yet assessed"),
}
EXPERIENCE_LABELS = {"ja": _("has an experience report")}


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
    """The filter panel's facets in their order, each with its options and their counts."""
    chosen = params.selected
    years = sorted({*counts["aar"], *chosen.get("aar", [])}, reverse=True)
    return [
        Facet(
            "fokusomrade",
            _("Focus area"),
            _choices(
                reference.options["fokusomrade"], counts["fokusomrade"], chosen["fokusomrade"]
            ),
        ),
        Facet("type", _("Kind of measure"), _choices(Kind.choices, counts["type"], chosen["type"])),
        Facet("sektor", _("Sector"), _choices(Sector.choices, counts["sektor"], chosen["sektor"])),
        Facet(
            "status",
            _("Status"),
            _choices(LifecycleStatus.choices, counts["status"], chosen["status"]),
        ),
        Facet(
            "bekreftet",
            _("Employee involvement"),
            _choices(CONFIRMATION_LABELS.items(), counts["bekreftet"], params.bekreftet),
        ),
        Facet(
            "fylke",
            _("County"),
            _choices(reference.options["fylke"], counts["fylke"], chosen["fylke"]),
        ),
        Facet(
            "kommune",
            _("Municipality"),
            _choices(reference.options["kommune"], counts["kommune"], chosen["kommune"]),
            widget="select",
        ),
        Facet(
            "departement",
            _("Owning ministry"),
            _choices(
                reference.options["departement"], counts["departement"], chosen["departement"]
            ),
        ),
        Facet(
            "erfaring",
            _("Experience"),
            _choices(EXPERIENCE_LABELS.items(), counts["erfaring"], chosen["erfaring"]),
        ),
        Facet(
            "aar",
            _("Start year"),
            _choices([(y, y) for y in years], counts["aar"], chosen["aar"]),
        ),
    ]
