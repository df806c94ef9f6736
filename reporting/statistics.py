"""The statistics page's charts, built from ``selectors.statistics``: labels in the user's
language, and for each row a link to the overview showing exactly those measures."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from initiatives.overview.registry import BY_NAME

from .charts import Chart, Row, bar_chart, column_chart, shaded_table
from .selectors import CHOICES, Statistics, quarters

NO_COUNTY = ""  # measures of national bodies, which have no county


def _counties(reference) -> list[tuple[str, str]]:
    """Every county, then the national bodies, which have none."""
    return [*reference.options["fylke"], (NO_COUNTY, _("National (no county)"))]


def _overview_link(query, name: str, value: str) -> str:
    """The overview with the statistics' filter, this facet narrowed to ``value``."""
    narrowed = query.copy()
    narrowed.setlist(name, [value])
    for dropped in ("side", "sortering"):
        narrowed.pop(dropped, None)
    return f"{reverse('initiatives:overview')}?{narrowed.urlencode()}"


def _rows(stats: Statistics, query, name: str, options) -> list[Row]:
    """One row per option (stored value, label), in the options' order, linked to the
    overview with the facet's public value (none for a value the facet does not offer)."""
    counts = stats.counts.get(name, {})
    public = BY_NAME[name].public(stats.panel.reference)
    rows = []
    for stored, label in options:
        value = counts.get(str(stored), 0)
        parameter = str(stored) if public is None else public.get(str(stored), "")
        url = _overview_link(query, name, parameter) if value and parameter else ""
        rows.append(Row(str(label), value, url))
    return rows


def charts(stats: Statistics, query) -> list[Chart]:
    """The bar and column charts, in the order the page shows them."""
    reference, total = stats.panel.reference, stats.total
    focus = [(number, name) for number, name in sorted(reference.focus_names.items())]
    counties = _counties(reference)
    years = sorted(stats.counts.get("aar", {}), key=int)
    experience = [("true", _("with an experience report")), ("false", _("without one yet"))]
    per_quarter = [
        Row(
            _("Q%(quarter)s %(year)s")
            % dict(zip(("year", "quarter"), key.split("-"), strict=True)),
            count,
        )
        for key, count in quarters(stats.counts.get("kvartal", {}))
    ]
    bars = [
        ("fokusomrade", _("Focus area"), focus),
        ("fylke", _("County"), counties),
        ("type", _("Kind of measure"), CHOICES["type"]),
        ("sektor", _("Sector"), CHOICES["sektor"]),
        ("status", _("Status"), CHOICES["status"]),
        ("aar", _("Start year"), [(year, year) for year in years]),
        ("bekreftet", _("Employee involvement"), CHOICES["bekreftet"]),
        ("erfaring", _("Experience reports"), experience),
    ]
    titles = {
        "fokusomrade": _("Measures by focus area"),
        "fylke": _("Measures by county"),
        "type": _("Measures by kind"),
        "sektor": _("Measures by sector"),
        "status": _("Measures by status"),
        "aar": _("Measures by start year"),
        "bekreftet": _("Confirmed by union representatives"),
        "erfaring": _("Measures with experience reports"),
    }
    result = [
        bar_chart(name, titles[name], header, _rows(stats, query, name, options), total)
        for name, header, options in bars
    ]
    result.insert(1, column_chart("kvartal", _("Published per quarter"), _("Quarter"), per_quarter))
    return result


def focus_by_county(stats: Statistics):
    reference = stats.panel.reference
    focus = sorted(reference.focus_names.items())
    counties = [(str(key), label) for key, label in _counties(reference)]
    return shaded_table(focus, counties, stats.matrix)
