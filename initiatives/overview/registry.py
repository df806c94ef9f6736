"""Every facet of the faceted lists, declared once, in the filter panel's order: its URL
parameter, the column it reads, its public values and their labels, and its widget. The
parser, the conditions, the facet statement, the panel, the statistics and the API's
parameter check all derive from ``FACETS``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from initiatives.models import Kind, LifecycleStatus, Sector, UnionAssessment
from initiatives.models.effects import EVIDENCE_LABELS

from .reference import Reference

# public value → the stored ``union_assessment``
CONFIRMATION = {
    "ja": UnionAssessment.BEKREFTET,
    "nei": UnionAssessment.IKKE_INVOLVERT,
    "ukjent": UnionAssessment.UKJENT,
}
CONFIRMATION_LABELS = {
    "ja": _("confirmed by the union representative"),
    "nei": _("employees' organisations not involved"),
    "ukjent": _("not yet assessed"),
}
EXPERIENCE_LABELS = {"ja": _("has an experience report")}
# how the effect was judged, strongest first, by the label a measure shows
EVIDENCE_OPTIONS = [(method.value, label) for method, (label, _text) in EVIDENCE_LABELS.items()]
YEAR_PATTERN = re.compile(r"^(19|20)\d{2}$")


@dataclass(frozen=True)
class FacetSpec:
    """One facet. ``column`` is a column of both ``Initiative`` and ``OverviewEntry`` (and of
    the reports' annotation); ``options`` gives the (public value, label) pairs offered, in
    order, or is None when the values are whatever is counted and match ``pattern``;
    ``stored`` maps public values to stored ones where they differ; ``many``: an array column."""

    name: str
    column: str
    label: Promise
    options: Callable[[Reference], Iterable[tuple]] | None
    stored: Callable[[Reference], Mapping[str, object]] | None = None
    pattern: re.Pattern | None = None
    widget: str = "checkbox"
    many: bool = False

    def allowed(self, reference: Reference) -> set[str]:
        """The public values the facet accepts (``pattern`` decides when there are none)."""
        return {str(value) for value, _label in self.options(reference)} if self.options else set()

    def accepts(self, value: str, allowed: set[str]) -> bool:
        return bool(self.pattern.match(value)) if self.pattern else value in allowed

    def condition(self, values: list[str], reference: Reference) -> Q:
        """The rows matching any of ``values``; indexed on both tables (migrations 0006-0012)."""
        if self.stored is not None:
            mapping = self.stored(reference)
            values = [mapping[value] for value in values]
        return Q(**{f"{self.column}__{'overlap' if self.many else 'in'}": values})

    def public(self, reference: Reference) -> dict[str, str] | None:
        """Stored values as SQL text → public values; None when they are the same."""
        if self.stored is None:
            return None
        return {_as_text(stored): public for public, stored in self.stored(reference).items()}


def _as_text(value) -> str:
    """A stored value as PostgreSQL's ``::text`` writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec(
        "fokusomrade",
        "focus_area_numbers",
        _("Focus area"),
        options=lambda r: r.options["fokusomrade"],
        stored=lambda r: r.focus_numbers,
        many=True,
    ),
    FacetSpec("type", "kind", _("Kind of measure"), options=lambda _r: Kind.choices),
    FacetSpec("sektor", "sector", _("Sector"), options=lambda _r: Sector.choices),
    FacetSpec(
        "status", "lifecycle_status", _("Status"), options=lambda _r: LifecycleStatus.choices
    ),
    FacetSpec(
        "bekreftet",
        "union_assessment",
        _("Employee involvement"),
        options=lambda _r: CONFIRMATION_LABELS.items(),
        stored=lambda _r: CONFIRMATION,
    ),
    # The place and ministry facets read arrays (migration 0020): a measure is found under
    # its owner's place and ministry and under its participants' places and its responsible
    # ministries.
    FacetSpec(
        "fylke", "county_numbers", _("County"), options=lambda r: r.options["fylke"], many=True
    ),
    FacetSpec(
        "kommune",
        "municipality_numbers",
        _("Municipality"),
        options=lambda r: r.options["kommune"],
        widget="select",
        many=True,
    ),
    FacetSpec(
        "departement",
        "ministry_ids",
        _("Responsible ministry"),
        options=lambda r: r.options["departement"],
        stored=lambda r: r.ministry_ids,
        many=True,
    ),
    FacetSpec(
        "erfaring",
        "has_experience",
        _("Experience"),
        options=lambda _r: EXPERIENCE_LABELS.items(),
        stored=lambda _r: {"ja": True},
    ),
    FacetSpec(
        "evidens",
        "evidence_methods",
        _("How the effect was judged"),
        options=lambda _r: EVIDENCE_OPTIONS,
        many=True,
    ),
    FacetSpec("aar", "start_year", _("Start year"), options=None, pattern=YEAR_PATTERN),
)
BY_NAME = {facet.name: facet for facet in FACETS}
COLUMNS = [facet.column for facet in FACETS]


def allowed_values(reference: Reference) -> dict[str, set[str]]:
    """The public values each facet accepts, for ``params.parse``."""
    return {facet.name: facet.allowed(reference) for facet in FACETS}
