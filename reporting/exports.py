"""Exports of exactly the overview's current filter, streamed row by row."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

CHUNK = 2000


def columns() -> list[str]:
    return [
        _("ID"),
        _("Title"),
        _("Organisation"),
        _("Municipality number"),
        _("Owning ministry"),
        _("Kind of measure"),
        _("Sector"),
        _("Status"),
        _("Publication status"),
        _("Focus areas"),
        _("Start date"),
        _("End date"),
        _("Employee involvement"),
        _("Summary"),
        _("Address"),
    ]


WIDTHS = [8, 50, 30, 10, 12, 20, 20, 12, 16, 60, 12, 12, 30, 80, 40]


def _row(initiative) -> list:
    organisation = initiative.organisation
    ministry = organisation.parent_ministry
    return [
        initiative.pk,
        initiative.title,
        organisation.name,
        organisation.municipality_id or "",
        ministry.short_name if ministry else "",
        initiative.get_kind_display(),
        initiative.get_sector_display(),
        initiative.get_lifecycle_status_display(),
        initiative.get_workflow_status_display(),
        "; ".join(link.focus_area.name for link in initiative.focus_area_links.all()),
        initiative.start_date.isoformat() if initiative.start_date else "",
        initiative.end_date.isoformat() if initiative.end_date else "",
        initiative.get_union_assessment_display(),
        initiative.summary,
        settings.SITE_URL + initiative.get_absolute_url(),
    ]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe, so opening an
    export never runs what someone typed into a measure (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows(queryset) -> Iterator[list]:
    for initiative in queryset.iterator(chunk_size=CHUNK):
        yield [inert(value) for value in _row(initiative)]


class _Echo:
    def write(self, value):
        return value


def csv_stream(header: list, rows) -> Iterator[str]:
    """Semicolon-separated lines in UTF-8 with a byte-order mark, so Excel shows æ, ø and å.
    Every download of the portal is written this way."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)


def csv_lines(queryset) -> Iterator[str]:
    return csv_stream(columns(), rows(queryset))


def xlsx_file(queryset):
    """A write-only workbook (rows go to disk as they come) in a temporary file."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Measures"))
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title in columns():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows(queryset):
        sheet.append(row)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(handle)
    handle.seek(0)
    return handle
