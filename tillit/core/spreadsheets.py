"""How the portal writes every download a spreadsheet opens: semicolon-separated UTF-8 with a
byte-order mark, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe, so opening an
    export never runs what someone typed into the portal (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def csv_stream(header: list, rows: Iterable[list]) -> Iterator[str]:
    """Semicolon-separated lines in UTF-8 with a byte-order mark, so Excel shows æ, ø and å.
    Every download of the portal is written this way."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)
