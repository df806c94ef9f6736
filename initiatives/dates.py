"""Dates known to the day, the month or only the year. The first day of the period is stored
with its precision; these helpers read, show and write such a date (pages, forms, exports)."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _

__all__ = [
    "DatePrecision",
    "PartialDateField",
    "end_not_before_start",
    "end_not_before_start_condition",
    "ends_before",
    "format_partial_date",
    "parse_partial_date",
    "partial_date_input",
    "partial_date_iso",
    "period_over_before",
    "truncate",
]


class DatePrecision(models.TextChoices):
    """How much of a stored date is known."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


# Month names as people type them (bokmål, nynorsk, English), and their common short forms.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "januar january jan",
            "februar february feb",
            "mars march mar",
            "april apr",
            "mai may",
            "juni june jun",
            "juli july jul",
            "august aug",
            "september sept sep",
            "oktober october okt oct",
            "november nov",
            "desember december des dec",
        ],
        start=1,
    )
    for name in names.split()
}
_YEAR = r"(?P<year>\d{4})"
_MONTH = r"(?P<month>\d{1,2})"
_DAY = r"(?P<day>\d{1,2})"
_NAME = r"(?P<name>[^\W\d_]+)\.?"
PATTERNS = [
    re.compile(rf"^{_YEAR}$"),
    re.compile(rf"^{_MONTH}[./-]{_YEAR}$"),
    re.compile(rf"^{_YEAR}-{_MONTH}$"),
    re.compile(rf"^{_NAME}\s*{_YEAR}$"),
    re.compile(rf"^{_DAY}[./]{_MONTH}[./]{_YEAR}$"),
    re.compile(rf"^{_YEAR}-{_MONTH}-{_DAY}$"),
    re.compile(rf"^{_DAY}\.?\s*{_NAME}\s*{_YEAR}$"),
]


def parse_partial_date(text: str) -> tuple[date, str]:
    """ "2024", "03.2024", "2024-03", "mars 2024", "12.03.2024", "2024-03-12" or
    "12. mars 2024" → (the first day of that period, its precision). ``ValueError`` else."""
    text = " ".join(str(text).split()).casefold()
    for pattern in PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        parts = match.groupdict()
        if "name" in parts and parts["name"] not in MONTHS:
            raise ValueError(f"unknown month {parts['name']!r}")
        month = MONTHS[parts["name"]] if "name" in parts else int(parts.get("month") or 1)
        precision = DatePrecision.YEAR
        if "day" in parts:
            precision = DatePrecision.DAY
        elif "month" in parts or "name" in parts:
            precision = DatePrecision.MONTH
        return date(int(parts["year"]), month, int(parts.get("day") or 1)), precision
    raise ValueError(f"not a date, month or year: {text!r}")


def truncate(value: date, precision: str) -> date:
    """The first day of the period ``value`` falls in."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def period_over_before(day: date, *, field: str, precision_field: str) -> Q:
    """A filter: the period stored in ``field`` ended before ``day`` (a date known to the
    year ends with its year, one known to the month with its month)."""
    return (
        Q(**{precision_field: DatePrecision.DAY, f"{field}__lt": day})
        | Q(**{precision_field: DatePrecision.MONTH, f"{field}__lt": truncate(day, "month")})
        | Q(**{precision_field: DatePrecision.YEAR, f"{field}__lt": truncate(day, "year")})
    )


def end_not_before_start(
    start: date | None, end: date | None, end_precision: str = DatePrecision.DAY
) -> bool:
    """Whether an end may follow a start: the end's period does not end before the start's
    begins (start 15.03.2024 with end "March 2024" or "2024" is fine). Empty dates pass."""
    return start is None or end is None or end >= truncate(start, end_precision)


def end_not_before_start_condition() -> Q:
    """``end_not_before_start`` over a measure's columns, for a check constraint (EXTRACT on
    a date is immutable, DATE_TRUNC on a date is not)."""
    start = models.F("start_date")
    return (
        Q(end_date__isnull=True)
        | Q(start_date__isnull=True)
        | Q(end_date__gte=start)
        | Q(
            end_precision=DatePrecision.MONTH,
            end_date__year=models.F("start_date__year"),
            end_date__month=models.F("start_date__month"),
        )
        | Q(end_precision=DatePrecision.YEAR, end_date__year=models.F("start_date__year"))
    )


def ends_before(value: date, precision: str, day: date) -> bool:
    """Whether the whole period stored as ``value`` (with ``precision``) lies before ``day``."""
    return value < truncate(day, precision)


def format_partial_date(value: date | None, precision: str = DatePrecision.DAY) -> str:
    """For people, in the active language: "12. mars 2024", "mars 2024" or "2024"."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return dateformat.format(value, "F Y")
    return dateformat.format(value, "j. F Y")


def partial_date_input(value: date | None, precision: str = DatePrecision.DAY) -> str:
    """For a form's text field: "12.03.2024", "03.2024" or "2024"."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year}"
    if precision == DatePrecision.MONTH:
        return f"{value.month:02d}.{value.year}"
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def partial_date_iso(value: date | None, precision: str = DatePrecision.DAY) -> str:
    """For files (CSV, XLSX): ISO 8601 cut to the precision, "2024-03-12", "2024-03" or
    "2024"; ``parse_partial_date`` reads each back."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year}"
    if precision == DatePrecision.MONTH:
        return f"{value.year}-{value.month:02d}"
    return value.isoformat()


class PartialDateField(forms.Field):
    """A date, a month or a year typed as text (``parse_partial_date``); cleans to
    (first day of the period, precision), or None when left empty."""

    widget = forms.TextInput(attrs={"maxlength": 40, "autocomplete": "off"})
    default_error_messages = {
        "invalid": _(
            "Enter a date (12.03.2024), a month (03.2024 or March 2024) or a year (2024)."
        ),
    }

    def to_python(self, value):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        try:
            if len(text) > 40:
                raise ValueError(text)
            return parse_partial_date(text)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
