"""The one pipeline of every faceted list: parse → correct? → fuzzy? → filter → count → page. The
overview and experience pages, the facet panel, the statistics, the exports, the feed and
the API each ask a ``Selection`` for what they show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.core.paginator import Page, Paginator
from django.db.models import Case, F, FloatField, QuerySet, When
from django.db.models.functions import Cast

from . import cache, facet_options, facets, search, spelling
from .params import OverviewParams, parse
from .reference import Reference
from .registry import BY_NAME

PAGE_SIZE = 20
# A selection without text matching at most this many records is paged from its own rows,
# sorted (``facets.page_of_few``), rather than by walking the index of the order.
FEW = 20_000
# sorting → (the field sorted by, descending?); ties are broken by id in the same direction
SORT_KEYS = {
    "nyeste": ("published_at", True),
    "oppdatert": ("updated_at", True),
    "tittel": ("title", False),
    "relevans": ("rank", True),
}


@dataclass(frozen=True)
class Source:
    """What a faceted list shows. ``rows(user)``: the visible records with the facet fields;
    ``counted(user)``: what the facet statement reads, with the same fields;
    ``fetch(ids)``: the page's records with what a card shows; ``decorate(rows, reference)``:
    what a card needs besides; ``snippet_of``: the long text a search's snippet is cut from."""

    name: str
    model: type
    rows: Callable
    counted: Callable
    fetch: Callable
    snippet_of: str
    hidden_facets: frozenset = frozenset()
    decorate: Callable = lambda rows, reference: rows


def ordering(sorting: str) -> list:
    key, descending = SORT_KEYS[sorting]
    if descending:
        return [F(key).desc(nulls_last=True), "-pk"]
    return [F(key).asc(), "pk"]


@dataclass
class OverviewResult:
    """A faceted page: its parameters, one page of records, the panel's facets, the total."""

    params: OverviewParams
    page: Page
    facets: list[facet_options.Facet]
    total: int
    correction: spelling.Correction | None = None


@dataclass
class FacetPanel:
    """A faceted page's filters without a page of results (the statistics use it)."""

    params: OverviewParams
    reference: Reference
    facets: list[facet_options.Facet]
    total: int
    fuzzy: bool
    correction: spelling.Correction | None = None


def _with_correction(typed: str, corrected: str):
    """The search for what was typed or its correction. Exact hits rank as they would alone
    (0 and up); hits of the correction only rank below every exact hit (below 0)."""
    exact, exact_rank = search.text_condition(typed)
    fixed, fixed_rank = search.text_condition(corrected)
    below = Cast(fixed_rank, FloatField()) / (Cast(fixed_rank, FloatField()) + 1) - 1
    rank = Case(When(exact, then=Cast(exact_rank, FloatField())), default=below)
    return exact | fixed, rank


UNDECIDED = object()


class Selection:
    """One request's selection from ``source`` as ``user`` may see it: the query parsed
    once; mistyped words corrected (``correction``) when the vocabulary does not know them
    and ``eksakt`` is not asked for; typo tolerance (``fuzzy``) only when the words and their
    corrections find nothing."""

    def __init__(self, query, *, user, source: Source, version: int | None = None):
        self.version = cache.data_version() if version is None else version
        self.reference = cache.reference(self.version)
        self.params = parse(query, allowed=cache.allowed(self.version))
        self.user, self.source = user, source
        self.fuzzy: bool | None = None  # decided when first needed
        self._correction = UNDECIDED

    @property
    def correction(self) -> spelling.Correction | None:
        """The corrected search text, when a word of the search is not in the vocabulary
        (one query, made once)."""
        if self._correction is UNDECIDED:
            wanted = self.params.q and not self.params.exact
            self._correction = spelling.correct(self.params.q) if wanted else None
        return self._correction

    def _text(self, fuzzy: bool):
        """The text search's condition and rank: the fallback, or the words as typed and,
        when there is one, their correction."""
        if fuzzy:
            return search.text_condition(self.params.q, fuzzy=True)
        if self.correction is None:
            return search.text_condition(self.params.q)
        return _with_correction(self.params.q, self.correction.text)

    def _filtered(self, queryset, fuzzy: bool) -> QuerySet:
        """``queryset`` narrowed to the text search (annotated with its ``rank``) and to
        every selected facet."""
        if self.params.q:
            condition, rank = self._text(fuzzy)
            queryset = queryset.filter(condition).annotate(rank=rank)
        for name, values in self.params.selected.items():
            if values:
                queryset = queryset.filter(BY_NAME[name].condition(values, self.reference))
        return queryset

    def _wants_fuzzy(self) -> bool:
        """Only for a search whose words (and their correction) find nothing this user may
        see, whatever the facets (``facets.any_match``: over the narrow entries, by their
        search index)."""
        if not self.params.q:
            return False
        visible = self.source.counted(self.user)
        return not facets.any_match(visible.filter(self._text(False)[0]))

    def _facets_selected(self) -> bool:
        return any(self.params.selected.values())

    def rows(self, *, fuzzy: bool | None = None) -> QuerySet:
        """The visible records matching the selection, sorted (exports, feed, API)."""
        if fuzzy is None:
            if self.fuzzy is None:
                self.fuzzy = self._wants_fuzzy()
            fuzzy = self.fuzzy
        rows = self._filtered(self.source.rows(self.user), fuzzy)
        return rows.order_by(*ordering(self.params.sorting))

    def entries(self) -> QuerySet:
        """The narrow rows the facet statement reads (for measures, the overview entries)
        matching the selection, unsorted (the statistics)."""
        return self._filtered(self.source.counted(self.user), bool(self.fuzzy)).order_by()

    def _count(self, fuzzy: bool, paged: bool) -> facets.FacetCounts:
        """The facet counts (see ``facets``). Without text they are cached per data version;
        a search is counted afresh, and (when ``paged``) its page of ids comes along."""
        counted = self.source.counted(self.user).order_by()
        params, reference = self.params, self.reference
        window = None
        if paged:
            offset = (params.page - 1) * PAGE_SIZE
            window = facets.Window(*SORT_KEYS[params.sorting], offset=offset, limit=PAGE_SIZE)
        if not params.q:
            return self._cached_count(counted, window if self._facets_selected() else None)
        condition, rank = self._text(fuzzy)
        searched = counted.filter(condition).annotate(rank=rank)
        return facets.facet_counts(searched, params.selected, reference, window)

    def _cached_count(self, counted, window) -> facets.FacetCounts:
        """A selection without text: counts from the cache. Counted afresh with facets
        selected, the statement also gives the page's ids (cached without them)."""
        params, fresh = self.params, {}

        def compute() -> facets.FacetCounts:
            counts = facets.facet_counts(counted, params.selected, self.reference, window)
            fresh["page_ids"] = counts.page_ids
            return replace(counts, page_ids=None)

        selected = {**params.selected, "_source": [self.source.name]}
        counts = cache.cached_counts(self.user, self.version, selected, compute)
        return replace(counts, page_ids=fresh.get("page_ids"))

    def counts(self, *, paged: bool = True) -> facets.FacetCounts:
        """The counts; when the words find nothing, the typo-tolerant fallback's counts."""
        counts = self._count(False, paged)
        self.fuzzy = False
        # Without facets the statement's total is what the words find: no second look.
        if not counts.total and (not self._facets_selected() or self._wants_fuzzy()):
            self.fuzzy = True
            counts = self._count(True, paged)
        return counts

    def panel(self) -> FacetPanel:
        """The facets and the total, without a page of results."""
        counts = self.counts(paged=False)
        shown = self._facets(counts)
        fuzzy = bool(self.fuzzy)
        return FacetPanel(
            self.params, self.reference, shown, counts.total, fuzzy, self._shown_correction()
        )

    def _shown_correction(self) -> spelling.Correction | None:
        """The correction, when the results shown are its (not the fallback's)."""
        return None if self.fuzzy else self.correction

    def page(self) -> OverviewResult:
        """One page of records with the panel's facets; the total comes from the facet
        statement (no separate COUNT), and for a search the page's ids too."""
        counts = self.counts()
        page_ids = counts.page_ids
        paginator = Paginator((), PAGE_SIZE)
        paginator.count = counts.total
        if self.params.page > paginator.num_pages:
            self.params.ignored.append(f"side={self.params.page}")
            self.params.page = paginator.num_pages
            page_ids = None  # the statement looked at a page that is not there
        if page_ids is None and self._facets_selected() and counts.total <= FEW:
            page_ids = self._few_ids()
        rows = self.source.decorate(self._page_rows(page_ids), self.reference)
        page = Page(rows, self.params.page, paginator)
        return OverviewResult(
            self.params, page, self._facets(counts), counts.total, self._shown_correction()
        )

    def _few_ids(self) -> list[int]:
        """The page's ids of a selection known to be small, from the rows the facet
        statement reads (for measures, the overview entries)."""
        params = self.params
        offset = (params.page - 1) * PAGE_SIZE
        window = facets.Window(*SORT_KEYS[params.sorting], offset=offset, limit=PAGE_SIZE)
        selected = self._filtered(self.source.counted(self.user), bool(self.fuzzy))
        return facets.page_of_few(selected, window)

    def _facets(self, counts: facets.FacetCounts) -> list[facet_options.Facet]:
        hidden = self.source.hidden_facets
        shown = facet_options.facets(self.params, counts.options, self.reference)
        return [facet for facet in shown if facet.options and facet.name not in hidden]

    def _page_rows(self, page_ids: list[int] | None) -> list:
        """The page's records with what a card shows (leaving the long texts and the search
        vector in the database): by id when the facet statement has found them."""
        params, source = self.params, self.source
        if page_ids is None:
            offset = (params.page - 1) * PAGE_SIZE
            rows = source.fetch(self.rows(fuzzy=bool(self.fuzzy))[offset : offset + PAGE_SIZE])
        else:
            rows = source.fetch(source.model.objects.filter(pk__in=page_ids))
        if params.q:
            correction = self._shown_correction()
            marked = correction.text if correction else params.q
            rows = rows.annotate(snippet=search.headline(marked, source.snippet_of))
        rows = list(rows)
        if page_ids is not None:
            position = {pk: n for n, pk in enumerate(page_ids)}
            rows.sort(key=lambda row: position[row.pk])
        marked = search.snippets(params.q, [row.snippet for row in rows]) if params.q else None
        for n, row in enumerate(rows):
            row.snippet = marked[n] if marked else None
        return rows
