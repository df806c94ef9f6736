"""The overview page's data: filtered, searched, sorted and paged measures with facets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Prefetch

from initiatives.filters import OverviewFilter
from initiatives.models import (
    Initiative,
    InitiativeFocusArea,
    OverviewEntry,
    WorkflowStatus,
)
from initiatives.rules.initiatives import visibility_filter
from initiatives.selectors import with_focus_names
from tillit.accounts.models import Organisation

from . import cache, facet_options, facets, search
from .params import OverviewParams, Reference, allowed_values, parse

PAGE_SIZE = 20
# sorting → (the field sorted by, descending?); ties are broken by id in the same direction
SORT_KEYS = {
    "nyeste": ("published_at", True),
    "oppdatert": ("updated_at", True),
    "tittel": ("title", False),
    "relevans": ("rank", True),
}


def ordering(sorting: str) -> list:
    key, descending = SORT_KEYS[sorting]
    if descending:
        return [F(key).desc(nulls_last=True), "-pk"]
    return [F(key).asc(), "pk"]


LISTED_FIELDS = [
    "title",
    "summary",
    "kind",
    "start_date",
    "workflow_status",
    "organisation__name",
    "focus_area_numbers",
]


@dataclass
class Overview:
    params: OverviewParams
    page: Page
    facets: list[facet_options.Facet]
    total: int


def overview_base(user, model=Initiative):
    """What the overview may show this user: published measures, their own organisation's
    unpublished ones, and for ministries the pending measures of their agencies. ``model``
    is ``Initiative`` or its narrow copy ``OverviewEntry``, which has the same fields."""
    return model.objects.filter(visibility_filter(user)).exclude(
        workflow_status=WorkflowStatus.ARKIVERT
    )


@dataclass(frozen=True)
class Source:
    """What a faceted list shows. ``rows(user)``: the visible records with the facet fields
    (the FilterSet's queryset); ``counted(user)``: what the facet statement reads, with the
    same fields; ``fetch(ids)``: the page's records with what a card shows; ``snippet_of``:
    the long text a search's snippet is cut from."""

    name: str
    model: type
    rows: Callable
    counted: Callable
    fetch: Callable
    snippet_of: str
    hidden_facets: frozenset = frozenset()


def _fetch_measures(queryset):
    return queryset.select_related("organisation").only(*LISTED_FIELDS)


MEASURES = Source(
    name="measures",
    model=Initiative,
    rows=overview_base,
    counted=lambda user: overview_base(user, OverviewEntry),
    fetch=_fetch_measures,
    snippet_of="description",
)


def wants_fuzzy_search(params: OverviewParams, base) -> bool:
    """Typo tolerance is the fallback: only when the words themselves find nothing."""
    if not params.q:
        return False
    return not base.filter(search.exact_condition(params.q)).exists()


def filtered_rows(params: OverviewParams, user, reference: Reference, fuzzy, source=MEASURES):
    """The records matching ``params``, sorted."""
    filterset = OverviewFilter(
        params.filter_data(), queryset=source.rows(user), reference=reference, fuzzy=fuzzy
    )
    return filterset.qs.order_by(*ordering(params.sorting))


def overview_rows(params: OverviewParams, user, reference: Reference):
    """The measures matching ``params``, sorted, with what an export shows."""
    fuzzy = wants_fuzzy_search(params, overview_base(user))
    return with_export_fields(filtered_rows(params, user, reference, fuzzy))


def with_export_fields(initiatives):
    """What an export row shows, in a fixed number of queries."""
    return initiatives.select_related(
        "organisation__municipality", "organisation__parent_ministry"
    ).prefetch_related(
        Prefetch("partners", queryset=Organisation.objects.only("name")),
        Prefetch(
            "focus_area_links",
            queryset=InitiativeFocusArea.objects.select_related("focus_area").order_by(
                "-is_primary", "focus_area__number"
            ),
        ),
    )


def overview_params(query, version: int | None = None) -> tuple[OverviewParams, Reference]:
    reference = cache.reference(cache.data_version() if version is None else version)
    return parse(query, allowed=allowed_values(reference)), reference


def _counts(params, user, reference, version: int, fuzzy: bool, source: Source, paged=True):
    """The facet counts (same visibility as the page). A text search is counted afresh,
    and (when ``paged``) its page of result ids (``_page``) comes along."""
    counted = source.counted(user).order_by()
    selected = {**params.selected, "bekreftet": params.bekreftet}
    if not params.q:
        return cache.cached_counts(
            user,
            version,
            {**selected, "_source": [source.name]},
            lambda: facets.facet_counts(counted, selected, reference),
        )
    condition, rank = search.text_condition(params.q, fuzzy=fuzzy)
    window = None
    if paged:
        offset = (params.page - 1) * PAGE_SIZE
        window = facets.Window(*SORT_KEYS[params.sorting], offset=offset, limit=PAGE_SIZE)
    searched = counted.filter(condition).annotate(rank=rank)
    return facets.facet_counts(searched, selected, reference, window)


def _counts_or_fallback(params, user, reference, version: int, source: Source, paged=True):
    """The counts (see ``_counts``) and whether they needed the typo-tolerant fallback:
    only when the words themselves find nothing the user may see."""
    counts = _counts(params, user, reference, version, False, source, paged)
    if not counts["_total"][""] and wants_fuzzy_search(params, source.rows(user)):
        return _counts(params, user, reference, version, True, source, paged), True
    return counts, False


def _page_rows(params: OverviewParams, user, reference: Reference, fuzzy, page_ids, source):
    """The page's records with what a card shows (leaving the long texts and the search
    vector in the database): by id when the facet statement has found them."""
    if page_ids is None:
        rows = filtered_rows(params, user, reference, fuzzy, source)
        offset = (params.page - 1) * PAGE_SIZE
        rows = source.fetch(rows[offset : offset + PAGE_SIZE])
    else:
        rows = source.fetch(source.model.objects.filter(pk__in=page_ids))
    if params.q:
        rows = rows.annotate(snippet=search.headline(params.q, source.snippet_of))
    rows = list(rows)
    if page_ids is not None:
        position = {pk: n for n, pk in enumerate(page_ids)}
        rows.sort(key=lambda row: position[row.pk])
    for row in rows:
        row.snippet = search.safe_headline(row.snippet) if params.q else None
    return rows


@dataclass
class FacetPanel:
    """A faceted page's filters without a page of results (the statistics use it)."""

    params: OverviewParams
    reference: Reference
    facets: list[facet_options.Facet]
    total: int
    fuzzy: bool


def facet_panel(*, query, user) -> FacetPanel:
    """The measures' facets and total for ``query`` as ``user`` may see them."""
    version = cache.data_version()
    params, reference = overview_params(query, version)
    counts, fuzzy = _counts_or_fallback(params, user, reference, version, MEASURES, paged=False)
    counts = {name: dict(values) for name, values in counts.items()}
    total = counts.pop("_total")[""]
    shown = [facet for facet in facet_options.facets(params, counts, reference) if facet.options]
    return FacetPanel(params, reference, shown, total, fuzzy)


def filtered_entries(panel: FacetPanel, user):
    """The overview entries (narrow rows) matching the panel's filter, unsorted."""
    filterset = OverviewFilter(
        panel.params.filter_data(),
        queryset=overview_base(user, OverviewEntry),
        reference=panel.reference,
        fuzzy=panel.fuzzy,
    )
    return filterset.qs.order_by()


def overview(*, query, user, source: Source = MEASURES) -> Overview:
    """Everyone may browse; what they see follows ``source.rows`` (for measures,
    ``overview_base``)."""
    version = cache.data_version()
    params, reference = overview_params(query, version)
    counts, fuzzy = _counts_or_fallback(params, user, reference, version, source)
    page_ids = counts.get("_page")
    counts = {name: dict(values) for name, values in counts.items() if name != "_page"}
    total = counts.pop("_total")[""]
    paginator = Paginator((), PAGE_SIZE)
    paginator.count = total  # known from the facet counts: no separate COUNT(*)
    if params.page > paginator.num_pages:
        params.ignored.append(f"side={params.page}")
        params.page = paginator.num_pages
        page_ids = None  # the statement looked at a page that is not there
    rows = _page_rows(params, user, reference, fuzzy, page_ids, source)
    if source is MEASURES:
        rows = with_focus_names(rows, reference.focus_names)
    page = Page(rows, params.page, paginator)
    shown = [
        facet
        for facet in facet_options.facets(params, counts, reference)
        if facet.options and facet.name not in source.hidden_facets
    ]
    return Overview(params, page, shown, total)
