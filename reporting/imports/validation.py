"""What the cells of an imported row mean: display labels back to choices, focus areas by
name, dates. Every problem becomes a message on the row; nothing is saved here.

Decisions: the organisation the user imports into owns every row; a row naming another
organisation is an error. A row with an ID updates that measure when the importer may edit
it, and is refused otherwise; a row without one becomes a new draft. Responsible ministries
(short names or names) and participating organisations (names or organisation numbers) are
read, several separated by ";". Municipality number, Address and Publication status are
only shown. Employee involvement is
ignored: only the organisation's union representatives confirm it, in the portal. A column
missing from the file leaves that field of an updated measure as it was."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override

from initiatives.dates import DatePrecision, end_not_before_start, parse_partial_date
from initiatives.link_fields import validate_web_address
from initiatives.models import GOAL_FIELDS, FocusArea, Initiative
from initiatives.models.choices import Participant, TrustRelation
from tillit.accounts.models import Organisation, OrganisationKind
from tillit.policy import Action, can

from . import versions
from .duplicates import warn_of_duplicates
from .parsing import normalise
from .rows import CHOICE_COLUMNS, CheckedRow, row_id

LIST_COLUMNS = {"trust_relations": TrustRelation, "participants": Participant}
TEXT_COLUMNS = (
    "title",
    "summary",
    "description",
    "other_focus_area",
    "exemption_from",
    *GOAL_FIELDS,
)
CELL_OF = {"kind": "kind", "sector": "sector", "lifecycle_status": "status"}


def _not_a_choice(name: str, text: str, choices) -> str:
    return _("%(column)s: «%(text)s» is not one of the choices (%(choices)s).") % {
        "column": capfirst(Initiative._meta.get_field(name).verbose_name),
        "text": text,
        "choices": ", ".join(str(label) for label in choices.labels),
    }


def _labels(choices) -> dict[str, str]:
    """Every language's label, and the stored value itself, → the stored value."""
    known = {normalise(value): value for value in choices.values}
    for code, _name in settings.LANGUAGES:
        with override(code):
            known.update({normalise(label): value for value, label in choices.choices})
    return known


class RowChecker:
    """Checks many rows of one import (into ``organisation`` by ``user``) against the same
    vocabularies (read once)."""

    def __init__(self, organisation, user, ids=()):
        self.organisation, self.user = organisation, user
        self.seen_ids: set[int] = set()
        # The initiatives the rows' IDs name, in one query.
        self.initiatives = Initiative.objects.visible_to(user).in_bulk(ids)
        self.organisations: dict[str, int] | None = None  # name → id, read when needed
        self.ministries: dict[str, int] | None = None  # short name or name → id, the same
        self.by_number: dict[str, int] | None = None  # organisation number → id, the same
        self.choices = {
            name: _labels(choices) for name, choices in {**CHOICE_COLUMNS, **LIST_COLUMNS}.items()
        }
        self.areas = {}
        for area in FocusArea.objects.all():
            for key in (area.name, area.slug, str(area.number)):
                self.areas[normalise(key)] = area

    def check(self, raw: dict) -> CheckedRow:
        row = CheckedRow(line=raw["line"], cells=raw["cells"])
        cells = row.cells
        self._organisation(row)
        self._target(row)
        if row.target is not None:
            self._version(row, raw)
        for name in TEXT_COLUMNS:
            if name in cells or name == "title":
                row.values[name] = cells.get(name, "")
        for name, choices in CHOICE_COLUMNS.items():
            if CELL_OF[name] in cells:
                self._choice(row, name, choices)
        for name, choices in LIST_COLUMNS.items():
            if name in cells:
                self._choice_list(row, name, choices)
        if "links" in cells:
            self._links(row)
        if "partners" in cells:
            self._partners(row)
        if "ministry" in cells:
            self._ministries(row)
        if "participating_organisations" in cells:
            self._participating(row)
        for name in ("start_date", "end_date"):
            if name not in cells:
                continue
            text = cells.get(name, "")
            precision = name.replace("_date", "_precision")
            try:
                value, row.values[precision] = (
                    parse_partial_date(text) if text else (None, DatePrecision.DAY)
                )
                row.values[name] = value
            except ValueError:
                row.errors.append(
                    _(
                        "%(column)s: «%(text)s» is not a date. Write it as 2024-03-31, or as "
                        "2024-03 or 2024 when only the month or the year is known."
                    )
                    % {
                        "column": capfirst(Initiative._meta.get_field(name).verbose_name),
                        "text": text,
                    }
                )
        if "focus_areas" in cells:
            self._focus_areas(row)
        self._model_rules(row)
        return row

    def _organisation(self, row: CheckedRow) -> None:
        named = row.cells.get("organisation", "")
        if named and normalise(named) != normalise(self.organisation.name):
            row.errors.append(
                _(
                    "Organisation: the row belongs to «%(name)s», not to %(organisation)s. "
                    "Import it into its own organisation, or empty the cell."
                )
                % {"name": named, "organisation": self.organisation.name}
            )

    def _target(self, row: CheckedRow) -> None:
        """A row with an ID updates that initiative, if the importer may edit it."""
        text = row.cells.get("id", "")
        if not text:
            return
        found = self.initiatives.get(row_id(text))
        if found is None:
            message = _(
                "ID: there is no measure %(id)s that you can see. Empty the ID cell to import "
                "the row as a new measure."
            )
        elif found.organisation_id != self.organisation.pk:
            message = _("ID: measure %(id)s belongs to another organisation.")
        elif not can(self.user, Action.INITIATIVE_EDIT, found):
            message = _("ID: you may not change measure %(id)s, so the row cannot update it.")
        elif found.pk in self.seen_ids:
            message = _("ID: measure %(id)s is on an earlier row of the file too.")
        else:
            self.seen_ids.add(found.pk)
            row.target = found
            return
        row.errors.append(message % {"id": text[:20]})

    def _version(self, row: CheckedRow, raw: dict) -> None:
        """A row never overwrites what was saved after it was exported or uploaded."""
        row.expected_version, problem = versions.expected_version(raw, row.target)
        if problem:
            row.errors.append(problem)

    def _choice_list(self, row: CheckedRow, name: str, choices) -> None:
        values = []
        for text in filter(None, (part.strip() for part in row.cells[name].split(";"))):
            value = self.choices[name].get(normalise(text))
            if value is None:
                row.errors.append(_not_a_choice(name, text, choices))
            elif value not in values:
                values.append(value)
        row.values[name] = values

    def _partners(self, row: CheckedRow) -> None:
        """Partner organisations by their name in the portal (case and spacing aside)."""
        names = self._organisation_names()
        row.partners = []
        for name in _parts(row.cells["partners"]):
            pk = names.get(normalise(name))
            if pk is None:
                row.errors.append(
                    _("Partner organisations: «%(name)s» is not an organisation in the portal.")
                    % {"name": name[:100]}
                )
            elif pk not in row.partners:
                row.partners.append(pk)

    def _ministries(self, row: CheckedRow) -> None:
        """Responsible ministries by short name (KDD) or name, case and spacing aside."""
        if self.ministries is None:
            self.ministries = {}
            departments = Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT)
            for pk, name, short in departments.values_list("pk", "name", "short_name"):
                self.ministries[normalise(name)] = pk
                if short:
                    self.ministries[normalise(short)] = pk
        row.ministries = []
        for name in _parts(row.cells["ministry"]):
            pk = self.ministries.get(normalise(name))
            if pk is None:
                row.errors.append(
                    _(
                        "Responsible ministries: «%(name)s» is not a ministry in the portal. "
                        "Write its short name, for example KDD, or its full name."
                    )
                    % {"name": name[:100]}
                )
            elif pk not in row.ministries:
                row.ministries.append(pk)

    def _participating(self, row: CheckedRow) -> None:
        """Participating organisations by name or organisation number."""
        if self.by_number is None:
            self.by_number = dict(
                Organisation.objects.exclude(organisation_number="").values_list(
                    "organisation_number", "pk"
                )
            )
        names = self._organisation_names()
        row.participating = []
        for name in _parts(row.cells["participating_organisations"]):
            pk = self.by_number.get(name.replace(" ", "")) or names.get(normalise(name))
            if pk is None:
                row.errors.append(
                    _(
                        "Participating organisations: «%(name)s» is neither the name nor the "
                        "organisation number of an organisation in the portal."
                    )
                    % {"name": name[:100]}
                )
            elif pk not in row.participating:
                row.participating.append(pk)

    def _organisation_names(self) -> dict[str, int]:
        if self.organisations is None:
            self.organisations = {
                normalise(name): pk for pk, name in Organisation.objects.values_list("pk", "name")
            }
        return self.organisations

    def _links(self, row: CheckedRow) -> None:
        links = row.cells["links"].split()
        for link in links:
            try:
                validate_web_address(link)
            except ValidationError:
                row.errors.append(
                    _("Links: «%(text)s» is not a web address starting with http:// or https://.")
                    % {"text": link[:100]}
                )
        row.values["links"] = links

    def _choice(self, row: CheckedRow, name: str, choices) -> None:
        text = row.cells.get(CELL_OF[name], "")
        value = self.choices[name].get(normalise(text)) if text else ""
        if value is None:
            row.errors.append(_not_a_choice(name, text, choices))
            value = ""
        row.values[name] = value

    def _focus_areas(self, row: CheckedRow) -> None:
        row.focus_areas = []
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
        end_precision = row.values.get("end_precision", DatePrecision.DAY)
        start, end = row.values.get("start_date"), row.values.get("end_date")
        if not end_not_before_start(start, end, end_precision):
            row.errors.append(_("The end date is before the start date."))


def _parts(text: str) -> list[str]:
    """The items of a list cell, separated by ";"."""
    return [part.strip() for part in text.split(";") if part.strip()]


def check_rows(raw_rows: list[dict], *, organisation, user) -> list[CheckedRow]:
    ids = {row_id(raw["cells"].get("id", "")) for raw in raw_rows} - {None}
    checker = RowChecker(organisation, user, ids)
    rows = [checker.check(raw) for raw in raw_rows]
    warn_of_duplicates(rows, organisation=organisation, user=user)
    return rows
