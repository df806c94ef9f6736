"""What the cells of an imported row mean: display labels back to choices, focus areas by
name, dates. Every problem becomes a message on the row; nothing is saved here.

Decisions: the organisation the user imports into owns every row, so the Organisation,
Municipality number and Owning ministry columns are only shown, never used. ID, Address
and Publication status are ignored (imports become new drafts). Employee involvement is
ignored too: only the organisation's union representatives confirm it, in the portal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override

from initiatives.models import FocusArea, Initiative
from initiatives.models.choices import Kind, LifecycleStatus, Sector
from initiatives.services.records import InitiativeInput

from .parsing import normalise

CHOICE_COLUMNS = {"kind": Kind, "sector": Sector, "lifecycle_status": LifecycleStatus}
CELL_OF = {"kind": "kind", "sector": "sector", "lifecycle_status": "status"}
DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass
class CheckedRow:
    line: int
    cells: dict
    values: dict = field(default_factory=dict)
    focus_areas: list[FocusArea] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

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

    def to_input(self) -> InitiativeInput:
        return InitiativeInput(
            values=dict(self.values),
            focus_areas=list(self.focus_areas),
            primary_focus_area=self.focus_areas[0] if self.focus_areas else None,
        )


def _labels(choices) -> dict[str, str]:
    """Every language's label, and the stored value itself, → the stored value."""
    known = {normalise(value): value for value in choices.values}
    for code, _name in settings.LANGUAGES:
        with override(code):
            known.update({normalise(label): value for value, label in choices.choices})
    return known


def _date(text: str) -> date:
    match = DOTTED_DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    return datetime.strptime(text, "%Y-%m-%d").date()


class RowChecker:
    """Checks many rows against the same vocabularies (read once)."""

    def __init__(self):
        self.choices = {name: _labels(choices) for name, choices in CHOICE_COLUMNS.items()}
        self.areas = {}
        for area in FocusArea.objects.all():
            for key in (area.name, area.slug, str(area.number)):
                self.areas[normalise(key)] = area

    def check(self, raw: dict) -> CheckedRow:
        row = CheckedRow(line=raw["line"], cells=raw["cells"])
        cells = row.cells
        row.values["title"] = cells.get("title", "")
        row.values["summary"] = cells.get("summary", "")
        for name, choices in CHOICE_COLUMNS.items():
            self._choice(row, name, choices)
        for name in ("start_date", "end_date"):
            text = cells.get(name, "")
            try:
                row.values[name] = _date(text) if text else None
            except ValueError:
                row.errors.append(
                    _("%(column)s: «%(text)s» is not a date. Write it as 2024-03-31.")
                    % {
                        "column": capfirst(Initiative._meta.get_field(name).verbose_name),
                        "text": text,
                    }
                )
        self._focus_areas(row)
        self._model_rules(row)
        return row

    def _choice(self, row: CheckedRow, name: str, choices) -> None:
        text = row.cells.get(CELL_OF[name], "")
        value = self.choices[name].get(normalise(text)) if text else ""
        if value is None:
            row.errors.append(
                _("%(column)s: «%(text)s» is not one of the choices (%(choices)s).")
                % {
                    "column": capfirst(Initiative._meta.get_field(name).verbose_name),
                    "text": text,
                    "choices": ", ".join(str(label) for label in choices.labels),
                }
            )
            value = ""
        row.values[name] = value

    def _focus_areas(self, row: CheckedRow) -> None:
        for name in filter(
            None, (part.strip() for part in row.cells.get("focus_areas", "").split(";"))
        ):
            area = self.areas.get(normalise(name))
            if area is None:
                row.errors.append(
                    _("Focus areas: «%(name)s» is not one of the seven.") % {"name": name}
                )
            elif area not in row.focus_areas:
                row.focus_areas.append(area)

    def _model_rules(self, row: CheckedRow) -> None:
        """The model's own field rules (length, required title), without the database."""
        initiative = Initiative(**row.values)
        try:
            initiative.full_clean(
                exclude=["organisation", "created_by"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                label = capfirst(Initiative._meta.get_field(name).verbose_name)
                row.errors.extend(f"{label}: {message}" for message in messages)
        start, end = row.values.get("start_date"), row.values.get("end_date")
        if start and end and end < start:
            row.errors.append(_("The end date is before the start date."))


def check_rows(raw_rows: list[dict]) -> list[CheckedRow]:
    checker = RowChecker()
    return [checker.check(raw) for raw in raw_rows]
