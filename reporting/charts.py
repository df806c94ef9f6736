"""Chart geometry for server-rendered SVG: the templates draw what these dataclasses say.

Each chart has a title, a one-sentence summary and its rows, which the page also shows as a
table, so nothing is only in the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH = 560  # a column chart's viewBox width; the SVG scales to its container (at most 42rem)
BAR_HEIGHT = 16  # a bar chart's bars: text labels that wrap, each bar a % of its row's width
COLUMN_AREA = 200  # height of the plotting area of a column chart
SHADES = 5  # focus area x county table: levels of shading besides none


@dataclass
class Row:
    label: str
    value: int
    url: str = ""  # the overview with this row's measures, when there is one
    share: float = 0.0  # of the chart's total
    # geometry, filled by the chart
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0

    @property
    def percent(self) -> str:
        return number_format(round(self.share * 100), 0)


@dataclass
class Chart:
    slug: str
    title: str
    label_header: str
    rows: list[Row]
    total: int
    shape: str = "bars"  # or "columns" (a time series)
    summary: str = ""
    height: int = 0
    ticks: list[dict] = field(default_factory=list)

    width: int = WIDTH

    @property
    def has_data(self) -> bool:
        return any(row.value for row in self.rows)


def _shares(rows: list[Row], total: int) -> None:
    for row in rows:
        row.share = row.value / total if total else 0.0


def bar_chart(slug: str, title: str, label_header: str, rows: list[Row], total: int) -> Chart:
    """Horizontal bars, one per row, longest bar = largest value: ``width`` in per cent of
    the room a bar has, so the chart reflows to any width."""
    _shares(rows, total)
    largest = max((row.value for row in rows), default=0) or 1
    for row in rows:
        row.width = 100 * row.value / largest
        row.height = BAR_HEIGHT
    chart = Chart(slug, title, label_header, rows, total)
    chart.summary = _bar_summary(rows, total)
    return chart


def _bar_summary(rows: list[Row], total: int) -> str:
    ranked = sorted((row for row in rows if row.value), key=lambda row: -row.value)
    if not ranked:
        return _("No published measures match the filter.")
    first = ranked[0]
    text = _("Most measures: %(label)s, with %(count)s of %(total)s (%(percent)s %%).") % {
        "label": first.label,
        "count": first.value,
        "total": total,
        "percent": first.percent,
    }
    if len(ranked) > 1:
        second = ranked[1]
        text += " " + _("Next: %(label)s, with %(count)s.") % {
            "label": second.label,
            "count": second.value,
        }
    return text


def column_chart(slug: str, title: str, label_header: str, rows: list[Row]) -> Chart:
    """Vertical columns over time, with gridlines at the largest value and half of it."""
    total = sum(row.value for row in rows)
    _shares(rows, total)
    largest = max((row.value for row in rows), default=0) or 1
    left, top = 40, 10
    step = (WIDTH - left) / max(len(rows), 1)
    for index, row in enumerate(rows):
        row.height = COLUMN_AREA * row.value / largest
        row.width = max(step - 2, 1)
        row.x = left + index * step + 1
        row.y = top + COLUMN_AREA - row.height
    chart = Chart(slug, title, label_header, rows, total, shape="columns")
    chart.height = top + COLUMN_AREA + 30
    chart.ticks = [
        {"value": value, "y": top + COLUMN_AREA - COLUMN_AREA * value / largest}
        for value in sorted({0, largest // 2, largest})
    ]
    if total:
        peak = max(rows, key=lambda row: row.value)
        chart.summary = _(
            "From %(first)s to %(last)s, %(total)s measures were published. "
            "The busiest quarter was %(peak)s, with %(count)s."
        ) % {
            "first": rows[0].label,
            "last": rows[-1].label,
            "total": total,
            "peak": peak.label,
            "count": peak.value,
        }
    else:
        chart.summary = _("No published measures match the filter.")
    return chart


@dataclass
class Cell:
    value: int
    level: int  # 0 (none) to SHADES


@dataclass
class Table:
    """Focus area (columns) x county (rows), each cell shaded by its count."""

    columns: list[tuple[int, str]]  # (focus area number, name)
    rows: list[tuple[str, list[Cell]]]
    largest: int


def shaded_table(columns, row_labels, matrix: dict[tuple[str, str], int]) -> Table:
    """``row_labels``: (key, label) per row; ``matrix``: (row key, column number) → count."""
    largest = max(matrix.values(), default=0)
    rows = []
    for key, label in row_labels:
        cells = []
        for number, _name in columns:
            value = matrix.get((key, str(number)), 0)
            level = 0 if not value else max(1, round(SHADES * value / largest))
            cells.append(Cell(value, level))
        if any(cell.value for cell in cells):
            rows.append((label, cells))
    return Table(columns, rows, largest)
