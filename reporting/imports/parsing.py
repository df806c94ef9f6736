"""Reading an uploaded CSV or XLSX file in the export's format into rows of cell texts.

Everything here is about the file itself; what the cells mean is checked in ``validation``.
Every problem is a ``ValidationError`` with a message the user can act on."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import load_workbook

from reporting.exports import KEYS, columns

MAX_SIZE = 5 * 1024 * 1024
MAX_ROWS = 2000
MAX_COLUMNS = 50
MAX_UNPACKED = 50 * 1024 * 1024  # an XLSX is a ZIP package: refuse what unpacks to more
REQUIRED_KEYS = ("title",)
FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class ParsedFile:
    rows: list[dict] = field(default_factory=list)  # {"line": 2, "cells": {key: text}}
    ignored_columns: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    return " ".join(str(text).split()).casefold()


# Headings of files exported before a column was renamed, still read: key → heading.
FORMER_HEADINGS = {"ministry": lambda: _("Owning ministry")}


def header_keys() -> dict[str, str]:
    """Each language's column header (normalised) → its key, former headings included."""
    known = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            known.update({normalise(str(label())): key for key, label in FORMER_HEADINGS.items()})
            known.update(
                {normalise(label): key for label, key in zip(columns(), KEYS, strict=True)}
            )
    return known


def read_upload(upload) -> ParsedFile:
    """The rows of an uploaded export file, or a ValidationError saying what is wrong."""
    name = (upload.name or "").lower()
    if not name.endswith((".csv", ".xlsx")):
        raise ValidationError(_("Choose a CSV or XLSX file."), code="extension")
    if upload.size > MAX_SIZE:
        raise ValidationError(
            _("The file is larger than 5 MB. Split it into smaller files."), code="too_large"
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    content = upload.read(MAX_SIZE + 1)
    is_zip = content.startswith(b"PK\x03\x04")
    if name.endswith(".xlsx"):
        if not is_zip:
            raise ValidationError(
                _("The file is not an Excel workbook (XLSX). Save it as XLSX or CSV."),
                code="not_xlsx",
            )
        table = _xlsx_table(content)
    else:
        if is_zip:
            raise ValidationError(
                _("The file is not a CSV text file. Did you mean to choose an XLSX file?"),
                code="not_csv",
            )
        table = _csv_table(content)
    return _rows(table)


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in content:
        raise ValidationError(
            _("The file contains binary data (NUL bytes), so it is not a CSV text file."),
            code="binary",
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


def _csv_table(content: bytes) -> list[list]:
    text = _decode(content)
    if CONTROL_CHARACTERS.search(text):
        raise ValidationError(
            _("The file contains control characters, so it is not a CSV text file."),
            code="binary",
        )
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        return list(_limited(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
    except csv.Error as error:
        raise ValidationError(
            _("The CSV file could not be read. Save it again as CSV (semicolon separated)."),
            code="csv",
        ) from error


def _xlsx_table(content: bytes) -> list[list]:
    unreadable = ValidationError(
        _("The Excel file could not be read. Open it in Excel, save it as XLSX and try again."),
        code="xlsx",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            entries = package.infolist()
            if len(entries) > 1000 or sum(e.file_size for e in entries) > MAX_UNPACKED:
                raise ValidationError(
                    _("The Excel file is too large when unpacked. Split it into smaller files."),
                    code="too_large",
                )
    except zipfile.BadZipFile as error:
        raise unreadable from error
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken package
        raise unreadable from error
    try:
        sheet = workbook.active
        if sheet is None or not hasattr(sheet, "iter_rows"):
            raise unreadable
        return list(_limited(sheet.iter_rows(max_col=MAX_COLUMNS)))
    except ValidationError:
        raise
    except Exception as error:
        raise unreadable from error
    finally:
        workbook.close()


def _limited(rows):
    """Stop reading as soon as the file has far more lines than allowed (blank ones count
    here; the exact limit on rows with content is checked in ``_rows``)."""
    for index, row in enumerate(rows):
        if index > MAX_ROWS * 5:
            raise _too_many_rows()
        yield row


def _too_many_rows() -> ValidationError:
    return ValidationError(
        _("The file has more than %(max)s rows. Split it into smaller files."),
        params={"max": MAX_ROWS},
        code="too_many_rows",
    )


def _cell_text(cell, line: int, column: int) -> str:
    value = getattr(cell, "value", cell)
    if getattr(cell, "data_type", None) == "f":
        raise ValidationError(
            _(
                "Row %(line)s, column %(column)s holds a formula. Replace formulas with "
                "their values and upload the file again."
            ),
            params={"line": line, "column": column},
            code="formula",
        )
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(table: list[list]) -> ParsedFile:
    if not table or not any(_cell_text(c, 1, i + 1) for i, c in enumerate(table[0])):
        raise ValidationError(
            _("The file is empty, or its first row is not the row of column headings."),
            code="empty",
        )
    known = header_keys()
    positions, ignored = {}, []
    for index, cell in enumerate(table[0][:MAX_COLUMNS]):
        heading = _cell_text(cell, 1, index + 1).lstrip("\ufeff")
        key = known.get(normalise(heading))
        if key is None:
            if heading:
                ignored.append(heading[:100])
        elif key in positions:
            raise ValidationError(
                _("The column %(column)s appears twice."),
                params={"column": heading},
                code="duplicate_column",
            )
        else:
            positions[key] = index
    missing = [key for key in REQUIRED_KEYS if key not in positions]
    if missing:
        raise ValidationError(
            _(
                "The file has no column %(column)s. Use a file exported from the portal, "
                "with its first row of column headings."
            ),
            params={"column": _("Title")},
            code="missing_column",
        )
    parsed = ParsedFile(ignored_columns=ignored)
    for line, row in enumerate(table[1:], start=2):
        cells = {
            key: _cell_text(row[index], line, index + 1) if index < len(row) else ""
            for key, index in positions.items()
        }
        if not any(cells.values()):
            continue
        _refuse_formula(cells, line)
        cells = {key: unescape_formula(text) for key, text in cells.items()}
        if any(CONTROL_CHARACTERS.search(text) for text in cells.values()):
            raise ValidationError(
                _("Row %(line)s contains control characters. Remove them and try again."),
                params={"line": line},
                code="binary",
            )
        parsed.rows.append({"line": line, "cells": cells})
        if len(parsed.rows) > MAX_ROWS:
            raise _too_many_rows()
    if not parsed.rows:
        raise ValidationError(_("The file has no rows below the column headings."), code="empty")
    return parsed


def unescape_formula(text: str) -> str:
    """The export writes text that a spreadsheet would run as a formula with a leading
    apostrophe (``'=…``); the import reads it back as the text it was."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _refuse_formula(cells: dict, line: int) -> None:
    """Text a spreadsheet would run as a formula is refused, so it never travels further."""
    for text in cells.values():
        if len(text) > 1 and text.startswith(FORMULA_STARTS):
            raise ValidationError(
                _(
                    "Row %(line)s: the text «%(text)s» starts with «%(sign)s», which "
                    "spreadsheets read as a formula. Remove the sign and upload the file again."
                ),
                params={"line": line, "text": text[:40], "sign": text[0]},
                code="formula",
            )
