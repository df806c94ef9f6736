"""The overview as a map: the measures per county or municipality under a selection's filters
(owners and participants: the facet counts of ``county_numbers`` and ``municipality_numbers``),
each area linked to the overview narrowed to it. Drawn by ``tillit.core.maps``.

An area's count is its facet count: it respects every other filter and ignores the level's own
selection, so it is what the area's link (the filters with that area instead) shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tillit.core.maps import choropleth, geometry

from .pipeline import FacetPanel, Selection
from .selectors import INITIATIVES

LEVEL_PARAMETER = "kartnivaa"
SORTING_PARAMETER = "kartsortering"
LEVELS = {"fylke": _("Counties"), "kommune": _("Municipalities")}
AREA_LABELS = {"fylke": _("County"), "kommune": _("Municipality")}
TITLES = {"fylke": _("Map of measures by county"), "kommune": _("Map of measures by municipality")}
SUMMARIES = {
    "fylke": _("%(shown)s of %(all)s counties have measures. Most: %(name)s, with %(count)s."),
    "kommune": _(
        "%(shown)s of %(all)s municipalities have measures. Most: %(name)s, with %(count)s."
    ),
}
# column → its order, then the reverse when it is already sorted so
SORT_TOGGLES = (("navn", "navn", "navn-synkende"), ("antall", "antall", "antall-stigende"))
DEFAULT_LEVEL = "fylke"
MAP_PARAMETERS = (LEVEL_PARAMETER, SORTING_PARAMETER)


@dataclass
class Control:
    label: str
    url: str
    current: bool


@dataclass
class MapInset:
    """An enlarged copy of a crowded part of the drawing (``geometry.Inset``) with the
    areas of the level it shows."""

    label: str
    window: tuple[int, int, int, int]
    place: tuple[int, int, int]
    areas: list[choropleth.Area]


@dataclass
class AreaMap:
    """What the map template draws: the areas in drawing order, the same areas in the
    table's order, the legend, and the links that switch the level and order the table."""

    level: str
    areas: list[choropleth.Area]
    rows: list[choropleth.Area]
    legend: list[choropleth.Band]
    width: int
    height: int
    county_borders: str  # drawn over the municipalities
    insets: list[MapInset]
    sorting: str
    levels: list[Control]
    sort_links: dict[str, str]  # column ("navn", "antall") → the link that sorts by it
    total: int
    list_url: str  # the overview with the same filters
    boundary: str = choropleth.BOUNDARY

    @property
    def area_label(self):
        return AREA_LABELS[self.level]

    @cached_property
    def referenced(self) -> set[str]:
        """The areas an inset repeats (their shapes get an id to be used again)."""
        return {area.number for inset in self.insets for area in inset.areas}

    @property
    def title(self):
        return TITLES[self.level]

    @property
    def sort_state(self) -> dict[str, str]:
        """aria-sort per column: the sorted one's direction, "none" for the other."""
        column, direction = choropleth.SORTINGS[self.sorting]
        return {name: direction if name == column else "none" for name in ("navn", "antall")}

    @property
    def summary(self) -> str:
        with_measures = [area for area in self.areas if area.count]
        if not with_measures:
            return str(_("No measures match the filter."))
        most = max(with_measures, key=lambda area: area.count)
        values = {"shown": len(with_measures), "all": len(self.areas)}
        return SUMMARIES[self.level] % {**values, "name": most.name, "count": most.count}


def map_fields(query) -> list[tuple[str, str]]:
    """The map's own parameters, kept as hidden fields when a page's filter form is sent."""
    valid = {LEVEL_PARAMETER: LEVELS, SORTING_PARAMETER: choropleth.SORTINGS}
    return [(name, query[name]) for name in MAP_PARAMETERS if query.get(name) in valid[name]]


def _overview_url(query, without: str = "") -> str:
    """The overview with ``query``'s filters (not the map's parameters nor the page, nor the
    facet ``without``), ending in "?" or "&", ready for one more parameter."""
    carried = query.copy()
    for name in (*MAP_PARAMETERS, "side", without):
        carried.pop(name, None)
    encoded = carried.urlencode()
    return reverse("initiatives:overview") + (f"?{encoded}&" if encoded else "?")


def _page_url(path: str, query, **changes) -> str:
    """This page with ``changes`` to the map's parameters, scrolled to the map."""
    changed = query.copy()
    changed.pop("side", None)
    for name, value in changes.items():
        if value:
            changed[name] = value
        else:
            changed.pop(name, None)
    encoded = changed.urlencode()
    return f"{path}?{encoded}#kart" if encoded else f"{path}#kart"


def _counts(panel: FacetPanel, level: str) -> dict[str, int]:
    facet = next((facet for facet in panel.facets if facet.name == level), None)
    return {option.value: option.count for option in facet.options} if facet else {}


def _areas(panel: FacetPanel, query, level: str) -> list[choropleth.Area]:
    paths = geometry.outline().paths[level]
    counts = _counts(panel, level)
    base = _overview_url(query, without=level)  # the area replaces the level's selection
    areas = []
    for number, name in panel.reference.options[level]:
        number = str(number)
        count = counts.get(number, 0)
        title = ngettext("%(name)s: %(count)s measure", "%(name)s: %(count)s measures", count) % {
            "name": name,
            "count": count,
        }
        url = f"{base}{level}={number}"
        areas.append(choropleth.Area(number, name, count, url, title, paths.get(number, "")))
    return areas


def _controls(path: str, query, level: str, sorting: str):
    """The links that switch the level (keeping the table's order) and that sort the table
    by a column (keeping the level; the sorted column's link reverses it). Defaults are left
    out of the address."""

    def shown(value: str) -> str:
        return "" if value in (DEFAULT_LEVEL, choropleth.DEFAULT_SORTING) else value

    levels = []
    for value, label in LEVELS.items():
        changes = {LEVEL_PARAMETER: shown(value), SORTING_PARAMETER: shown(sorting)}
        levels.append(Control(str(label), _page_url(path, query, **changes), value == level))
    sort_links = {}
    for column, first, second in SORT_TOGGLES:
        chosen = second if sorting == first else first
        changes = {LEVEL_PARAMETER: shown(level), SORTING_PARAMETER: shown(chosen)}
        sort_links[column] = _page_url(path, query, **changes)
    return levels, sort_links


def area_map(panel: FacetPanel, query, *, page_path: str, page_query=None) -> AreaMap:
    """The map of ``panel``'s selection (made from ``query``). Its level and table order come
    from ``page_query`` (the page's own parameters; ``query`` when not given), and its
    switches link to ``page_path``."""
    page_query = query if page_query is None else page_query
    level = page_query.get(LEVEL_PARAMETER, "")
    level = level if level in LEVELS else DEFAULT_LEVEL
    sorting = page_query.get(SORTING_PARAMETER, "")
    sorting = sorting if sorting in choropleth.SORTINGS else choropleth.DEFAULT_SORTING
    areas = _areas(panel, query, level)
    legend = choropleth.shade(areas)
    areas.sort(key=lambda area: area.number)
    levels, sort_links = _controls(page_path, page_query, level, sorting)
    outline = geometry.outline()
    insets = [
        MapInset(
            str(inset.label),
            inset.window,
            inset.place,
            [area for area in areas if area.number in inset.numbers[level]],
        )
        for inset in outline.insets
    ]
    return AreaMap(
        level=level,
        areas=areas,
        rows=choropleth.sorted_areas(areas, sorting),
        legend=legend,
        width=outline.width,
        height=outline.height,
        county_borders=outline.county_borders if level == "kommune" else "",
        insets=insets,
        sorting=sorting,
        levels=levels,
        sort_links=sort_links,
        total=panel.total,
        list_url=_overview_url(query).rstrip("?&"),
    )


def published_map(filters: dict[str, str], *, page_path: str, page_query) -> AreaMap:
    """The map of the published measures matching ``filters`` (a focus area's page), as the
    public sees them whoever looks; its counts are cached per data version."""
    query = QueryDict(mutable=True)
    query.update(filters)
    selection = Selection(query, user=AnonymousUser(), source=INITIATIVES)
    return area_map(selection.panel(), query, page_path=page_path, page_query=page_query)
