"""The overview page's data: filtered, searched, sorted and paged measures with facets."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _

from initiatives.filters import OverviewFilter
from initiatives.models import (
    Initiative,
    InitiativeFocusArea,
    Kind,
    LifecycleStatus,
    Sector,
    WorkflowStatus,
)

from . import cache, facets, search
from .params import OverviewParams, allowed_values, parse, reference_options

PAGE_SIZE = 20
CONFIRMATION_LABELS = {
    "ja": _("confirmed by the union representative"),
    "nei": _("employees' organisations not involved"),
    "ukjent": _("not yet assessed"),
}
ORDERINGS = {
    "nyeste": [F("published_at").desc(nulls_last=True), "-pk"],
    "oppdatert": ["-updated_at", "-pk"],
    "tittel": ["title", "pk"],
    "relevans": ["-rank", "-pk"],
}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    legend: str
    options: list[FacetOption]
    widget: str = "checkbox"  # or "select" for long lists


@dataclass
class Overview:
    params: OverviewParams
    page: Page
    facets: list[Facet]
    total: int


def overview_base(user):
    """What the overview may show this user: published measures, their own organisation's
    unpublished ones, and for ministries the pending measures of their agencies."""
    return Initiative.objects.visible_to(user).exclude(workflow_status=WorkflowStatus.ARKIVERT)


def _options(values, counts: dict, selected: list[str]) -> list[FacetOption]:
    """The options worth offering: those that would give results, and those chosen."""
    options = [
        FacetOption(str(value), str(label), counts.get(str(value), 0), str(value) in selected)
        for value, label in values
    ]
    return [option for option in options if option.count or option.selected]


def _facets(params: OverviewParams, counts: dict, reference: dict) -> list[Facet]:
    chosen = params.selected
    years = sorted({*counts["aar"], *chosen.get("aar", [])}, reverse=True)
    return [
        Facet(
            "fokusomrade",
            _("Focus area"),
            _options(reference["fokusomrade"], counts["fokusomrade"], chosen["fokusomrade"]),
        ),
        Facet("type", _("Kind of measure"), _options(Kind.choices, counts["type"], chosen["type"])),
        Facet("sektor", _("Sector"), _options(Sector.choices, counts["sektor"], chosen["sektor"])),
        Facet(
            "status",
            _("Status"),
            _options(LifecycleStatus.choices, counts["status"], chosen["status"]),
        ),
        Facet(
            "bekreftet",
            _("Employee involvement"),
            _options(CONFIRMATION_LABELS.items(), counts["bekreftet"], params.bekreftet),
        ),
        Facet(
            "fylke",
            _("County"),
            _options(reference["fylke"], counts["fylke"], chosen["fylke"]),
        ),
        Facet(
            "kommune",
            _("Municipality"),
            _options(reference["kommune"], counts["kommune"], chosen["kommune"]),
            widget="select",
        ),
        Facet(
            "departement",
            _("Owning ministry"),
            _options(reference["departement"], counts["departement"], chosen["departement"]),
        ),
        Facet(
            "aar",
            _("Start year"),
            _options([(y, y) for y in years], counts["aar"], chosen["aar"]),
        ),
    ]


def wants_fuzzy_search(params: OverviewParams, base) -> bool:
    """Typo tolerance is the fallback: only when the words themselves find nothing."""
    if not params.q:
        return False
    return not base.filter(search.exact_condition(params.q)).exists()


def overview_rows(params: OverviewParams, user, *, fuzzy: bool | None = None):
    """The measures matching ``params``, sorted, with what a list or an export shows."""
    base = overview_base(user)
    if fuzzy is None:
        fuzzy = wants_fuzzy_search(params, base)
    filterset = OverviewFilter(params.filter_data(), queryset=base, fuzzy=fuzzy)
    rows = filterset.qs.order_by(*ORDERINGS[params.sorting])
    return rows.select_related(
        "organisation__municipality", "organisation__parent_ministry"
    ).prefetch_related(
        Prefetch(
            "focus_area_links",
            queryset=InitiativeFocusArea.objects.select_related("focus_area").order_by(
                "-is_primary", "focus_area__number"
            ),
        )
    )


def overview_params(query) -> tuple[OverviewParams, dict]:
    reference = reference_options()
    return parse(query, allowed=allowed_values(reference)), reference


def overview(*, query, user) -> Overview:
    """Everyone may browse; what they see follows ``overview_base``."""
    params, reference = overview_params(query)
    base = overview_base(user).order_by()
    fuzzy = wants_fuzzy_search(params, base)
    rows = overview_rows(params, user, fuzzy=fuzzy)
    shared = base
    if params.q:
        condition, _rank = search.text_condition(params.q, fuzzy=fuzzy)
        shared = base.filter(condition)
    selected = {**params.selected, "bekreftet": params.bekreftet}
    if params.q or any(selected.values()):
        counts = facets.facet_counts(shared, selected)
    else:
        counts = cache.cached_counts(user, lambda: facets.facet_counts(shared, selected))
    counts = {name: dict(values) for name, values in counts.items()}
    total = counts.pop("_total")[""]
    paginator = Paginator(rows, PAGE_SIZE)
    if params.page > paginator.num_pages:
        params.ignored.append(f"side={params.page}")
        params.page = paginator.num_pages
    page = paginator.page(params.page)
    page.object_list = list(page.object_list)
    if params.q and page.object_list:
        ids = [initiative.pk for initiative in page.object_list]
        snippets = search.headlines(Initiative.objects.filter(pk__in=ids), params.q)
        for initiative in page.object_list:
            initiative.snippet = snippets.get(initiative.pk)
    shown = [facet for facet in _facets(params, counts, reference) if facet.options]
    return Overview(params, page, shown, total)
