"""What the front page shows of the register: the newest published measures and experience
reports, the headline figures, the focus areas with their counts and the map by county. The
same for everyone (published content only), computed once per data version."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse

from tillit.accounts.models import Organisation

from .effect_figures import EffectFigures, figures_from_rows, national_rows
from .models import ExperienceReport, Initiative, UnionAssessment, WorkflowStatus
from .overview import cache, facet_options
from .overview.area_map import AreaMap, area_map
from .overview.facets import FacetCounts, facet_counts
from .overview.params import parse
from .overview.pipeline import FacetPanel
from .overview.registry import CONFIRMATION
from .overview.selectors import INITIATIVES

LATEST_MEASURES = 5
LATEST_REPORTS = 3
TOP_COUNTIES = 3
# the public value of the confirmation facet that means "confirmed by the union representative"
CONFIRMED = next(k for k, v in CONFIRMATION.items() if v == UnionAssessment.BEKREFTET)


@dataclass(frozen=True)
class ListedMeasure:
    title: str
    url: str
    organisation: str
    focus_numbers: tuple[int, ...]


@dataclass(frozen=True)
class ListedReport:
    title: str
    url: str
    organisation: str
    measure: str


@dataclass(frozen=True)
class Register:
    """What is cached beside the overview's counts: the newest entries and the
    organisations taking part."""

    measures: list[ListedMeasure]
    reports: list[ListedReport]
    organisations: int


@dataclass
class FocusAreaCount:
    name: object  # lazy: the reader's language
    url: str
    count: int


@dataclass
class FrontPage:
    """The front page's content: ``measures`` as (measure, its focus areas' names)."""

    register: Register
    measures: list[tuple[ListedMeasure, list]]
    total: int  # published measures
    confirmed: int  # of them, confirmed by the union representative
    focus_areas: list[FocusAreaCount]
    map: AreaMap
    effects: EffectFigures

    @property
    def confirmed_percent(self) -> int | None:
        return round(100 * self.confirmed / self.total) if self.total else None

    @property
    def top_counties(self):
        """The counties with the most measures (the map's text alternative)."""
        counted = [area for area in self.map.areas if area.count]
        return sorted(counted, key=lambda area: (-area.count, area.name))[:TOP_COUNTIES]


def _participating_organisations() -> int:
    """Organisations owning or taking part in at least one published measure."""
    published = Initiative.objects.filter(workflow_status=WorkflowStatus.PUBLISERT)
    participants = Initiative.participating_organisations.through.objects.filter(
        initiative__workflow_status=WorkflowStatus.PUBLISERT
    )
    return Organisation.objects.filter(
        Q(pk__in=published.values("organisation_id"))
        | Q(pk__in=participants.values("organisation_id"))
    ).count()


def _register() -> Register:
    measures = (
        Initiative.objects.filter(workflow_status=WorkflowStatus.PUBLISERT)
        .select_related("organisation")
        .only("title", "organisation__name", "focus_area_numbers")
        .order_by("-published_at", "-pk")[:LATEST_MEASURES]
    )
    reports = (
        ExperienceReport.objects.published()
        .select_related("initiative__organisation")
        .only("title", "initiative__title", "initiative__organisation__name")
        .order_by("-published_at", "-pk")[:LATEST_REPORTS]
    )
    return Register(
        measures=[
            ListedMeasure(
                m.title, m.get_absolute_url(), m.organisation.name, tuple(m.focus_area_numbers)
            )
            for m in measures
        ],
        reports=[
            ListedReport(
                r.title, r.get_absolute_url(), r.initiative.organisation.name, r.initiative.title
            )
            for r in reports
        ],
        organisations=_participating_organisations(),
    )


@dataclass(frozen=True)
class Computed:
    """What the front page caches per data version, computed in five queries."""

    counts: FacetCounts  # the overview's facet counts, as the public sees them
    effect_rows: list[tuple]
    register: Register


def _computed(version: int) -> Computed:
    reference = cache.reference(version)
    counts = facet_counts(INITIATIVES.counted(AnonymousUser()), {}, reference)
    return Computed(counts, national_rows(), _register())


def front_page() -> FrontPage:
    """Anyone: the register's published content, as the public sees it whoever looks; one
    cache entry per data version."""
    version = cache.data_version()
    computed = cache.cached_counts(
        AnonymousUser(), version, {"_source": ["front-page"]}, lambda: _computed(version)
    )
    reference = cache.reference(version)
    query = QueryDict()
    params = parse(query, allowed=cache.allowed(version))
    counts = computed.counts
    panel = FacetPanel(
        params,
        reference,
        facet_options.facets(params, counts.options, reference),
        counts.total,
        False,
    )
    focus_counts = counts.options.get("fokusomrade", {})
    focus_areas = [
        FocusAreaCount(
            name, reverse("initiatives:focus_area", args=[slug]), focus_counts.get(slug, 0)
        )
        for slug, name in reference.options["fokusomrade"]
    ]
    names = reference.focus_names
    measures = [
        (measure, [names[n] for n in measure.focus_numbers if n in names])
        for measure in computed.register.measures
    ]
    return FrontPage(
        register=computed.register,
        measures=measures,
        total=counts.total,
        confirmed=counts.options.get("bekreftet", {}).get(CONFIRMED, 0),
        focus_areas=focus_areas,
        map=area_map(panel, query, page_path=reverse("initiatives:overview_map"), page_query=query),
        effects=figures_from_rows(computed.effect_rows),
    )
