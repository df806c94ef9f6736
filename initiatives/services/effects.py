"""Saving a measure's (or an experience report's) indicators and reporting removed. Called
inside the transaction of the service that saves the measure or report, after its policy
check: the rows given replace the saved ones, or nothing is saved at all."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from initiatives.models import ExperienceReport, Initiative
from initiatives.models.effects import Indicator, ReportingRemoval

INDICATOR_VALUES = (
    "name",
    "unit",
    "baseline_value",
    "baseline_date",
    "latest_value",
    "latest_date",
    "source",
)
REMOVAL_VALUES = (
    "requirement",
    "change",
    "required_by",
    "required_by_name",
    "frequency",
    "hours_per_year",
    "given_back_to",
)


def _checked(objects: list, *, key: str, exclude: list[str]) -> list:
    """Each row validated by the model; the errors under ``key``, with the row's number."""
    errors = []
    for number, obj in enumerate(objects, start=1):
        try:
            obj.full_clean(exclude=exclude)
        except ValidationError as error:
            for messages in error.message_dict.values():
                errors += [
                    _("Row %(number)s: %(message)s") % {"number": number, "message": m}
                    for m in messages
                ]
    if errors:
        raise ValidationError({key: errors})
    return objects


def _values(row: dict, names, model) -> dict:
    """The row's values; a text or choice left out gets the field's default."""
    values = {}
    for name in names:
        value = row.get(name)
        field = model._meta.get_field(name)
        values[name] = field.get_default() if value is None and not field.null else value
    return values


def indicators_replace(
    *, initiative: Initiative, rows: list[dict], report: ExperienceReport | None = None
) -> None:
    """The measure's own indicators (or the report's) become ``rows``."""
    objects = _checked(
        [
            Indicator(
                initiative=initiative,
                experience_report=report,
                position=position,
                **_values(row, INDICATOR_VALUES, Indicator),
            )
            for position, row in enumerate(rows)
        ],
        key="indicators",
        exclude=["initiative", "experience_report"],
    )
    Indicator.objects.filter(initiative=initiative, experience_report=report).delete()
    Indicator.objects.bulk_create(objects)


def reporting_removed_replace(*, initiative: Initiative, rows: list[dict]) -> None:
    """The measure's ledger of reporting removed becomes ``rows``."""
    objects = _checked(
        [
            ReportingRemoval(
                initiative=initiative,
                position=position,
                **_values(row, REMOVAL_VALUES, ReportingRemoval),
            )
            for position, row in enumerate(rows)
        ],
        key="reporting_removed",
        exclude=["initiative"],
    )
    ReportingRemoval.objects.filter(initiative=initiative).delete()
    ReportingRemoval.objects.bulk_create(objects)


def _line(values) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def effects_snapshot(initiative: Initiative) -> dict:
    """The rows as lines of text, for the measure's history (read fresh)."""
    indicators = Indicator.objects.filter(initiative=initiative, experience_report=None)
    removed = ReportingRemoval.objects.filter(initiative=initiative)
    return {
        "indicators": [_line(row) for row in indicators.values_list(*INDICATOR_VALUES)],
        "reporting_removed": [_line(row) for row in removed.values_list(*REMOVAL_VALUES)],
    }
