"""One row of an import once checked: its cells, what they mean, and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass, field

from initiatives.dates import DatePrecision, partial_date_iso
from initiatives.models import FocusArea, Initiative
from initiatives.models.choices import Kind, LifecycleStatus, Sector
from initiatives.services.records import InitiativeInput
from tillit.accounts.models import Organisation

CHOICE_COLUMNS = {"kind": Kind, "sector": Sector, "lifecycle_status": LifecycleStatus}


@dataclass
class CheckedRow:
    line: int
    cells: dict
    values: dict = field(default_factory=dict)
    focus_areas: list[FocusArea] | None = None  # None: no focus area column in the file
    errors: list[str] = field(default_factory=list)
    target: Initiative | None = None  # the initiative the row's ID updates
    expected_version: int | None = None  # the target's version the row was made from
    partners: list[int] | None = None  # None: no partner column in the file
    ministries: list[int] | None = None  # None: no ministry column in the file
    participating: list[int] | None = None  # None: no participants' column in the file
    # the organisation's measures a new row's title likely repeats: a warning, not an error
    duplicates: list[Initiative] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def title(self) -> str:
        return self.cells.get("title", "")

    @property
    def labels(self) -> dict[str, str]:
        """The chosen choices' labels in the current language, for the preview."""
        return {
            name: str(choices(self.values[name]).label) if self.values.get(name) else ""
            for name, choices in CHOICE_COLUMNS.items()
        }

    @property
    def dates(self) -> dict[str, str]:
        """Start and end as far as the file knows them ("2024", "2024-03"), for the preview."""
        return {
            name: partial_date_iso(
                self.values.get(name),
                self.values.get(name.replace("_date", "_precision"), DatePrecision.DAY),
            )
            for name in ("start_date", "end_date")
        }

    def to_input(self) -> InitiativeInput:
        """The row as a service input; for an update, what the file lacks is kept."""
        areas = self.focus_areas
        partners = list(Organisation.objects.filter(pk__in=self.partners or []))
        if self.target is not None:
            links = self.target.focus_area_links.order_by("-is_primary", "focus_area__number")
            if areas is None:
                areas = [link.focus_area for link in links.select_related("focus_area")]
            if self.partners is None:
                partners = list(self.target.partners.all())
        areas = areas or []
        return InitiativeInput(
            values=dict(self.values),
            focus_areas=list(areas),
            primary_focus_area=areas[0] if areas else None,
            partners=partners,
            responsible_ministries=_organisations(self.ministries),
            participating_organisations=_organisations(self.participating),
        )


def _organisations(ids: list[int] | None) -> list[Organisation] | None:
    """None (the column is not in the file: the relation stays as it is) or the organisations."""
    return None if ids is None else list(Organisation.objects.filter(pk__in=ids))


def row_id(text: str) -> int | None:
    """The measure ID a row's "ID" cell names, or None when it names none."""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 12 else None
