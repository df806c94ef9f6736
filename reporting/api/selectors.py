"""What the API reads: always as an anonymous visitor sees it, whoever asks. Lists go through
the overview's pipeline (parser, conditions and sort orders), so /api/v1/tiltak/?… selects
what /tiltak/?… shows the public."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet

from initiatives.connections import prefetch_public_connections
from initiatives.models import (
    ExperienceReport,
    FocusArea,
    Initiative,
    InitiativeFocusArea,
    WorkflowStatus,
)
from initiatives.models.effects import Indicator
from initiatives.overview.pipeline import Selection
from initiatives.overview.reports import EXPERIENCE_REPORTS, reports_base
from initiatives.overview.selectors import INITIATIVES, Source
from tillit.accounts.models import County, Municipality, Organisation, OrganisationKind

from .dataset import PAGE_SIZE

PUBLISHED = WorkflowStatus.PUBLISERT
ANONYMOUS = AnonymousUser()


def initiatives(queryset=None) -> QuerySet:
    """Published measures (never archived ones) with what a record shows: a fixed number of
    queries for any number of rows."""
    if queryset is None:
        queryset = INITIATIVES.rows(ANONYMOUS)
    public_reports = ExperienceReport.objects.published().order_by("-published_at", "-pk")
    return queryset.select_related(
        "organisation__municipality__county",
        "organisation__county",
        "organisation__parent_ministry",
    ).prefetch_related(
        Prefetch(
            "focus_area_links",
            queryset=InitiativeFocusArea.objects.select_related("focus_area").order_by(
                "-is_primary", "focus_area__number"
            ),
        ),
        Prefetch("partners", queryset=Organisation.objects.order_by("name")),
        Prefetch("participating_organisations", queryset=Organisation.objects.order_by("name")),
        Prefetch("responsible_ministries", queryset=Organisation.objects.order_by("name")),
        "attachments",
        Prefetch(
            "experience_reports",
            queryset=public_reports.only("pk", "title", "initiative_id"),
            to_attr="public_reports",
        ),
        *prefetch_public_connections(),
        Prefetch(
            "indicators",
            queryset=Indicator.objects.filter(experience_report=None),
            to_attr="measure_indicators",
        ),
        "reporting_removed",
    )


def reports(queryset=None) -> QuerySet:
    """Published reports of published measures, with their measure and its organisation."""
    if queryset is None:
        queryset = reports_base()
    return queryset.select_related("initiative__organisation").prefetch_related("indicators")


@dataclass
class Listing:
    rows: list
    total: int
    page: int
    pages: int
    ignored: list[str] = field(default_factory=list)


def page_of(queryset, page: int, ignored: list[str], total: int | None = None) -> Listing:
    """One page of ``queryset``; a page past the end gives the last page, named in ``ignored``."""
    total = queryset.count() if total is None else total
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if page > pages:
        ignored.append(f"side={page}")
        page = pages
    offset = (page - 1) * PAGE_SIZE
    return Listing(list(queryset[offset : offset + PAGE_SIZE]), total, page, pages, ignored)


def _faceted(query, source: Source, fetch) -> Listing:
    selection = Selection(query, user=ANONYMOUS, source=source)
    rows, params = selection.rows(), selection.params
    return page_of(fetch(rows), params.page, params.ignored, total=rows.count())


def initiative_listing(query) -> Listing:
    """The overview's selection for an anonymous visitor, as records. ``query``: the
    validated parameters, as a QueryDict (``endpoints.as_query``)."""
    return _faceted(query, INITIATIVES, initiatives)


def report_listing(query) -> Listing:
    """The experience page's selection (the same parameters), as records."""
    return _faceted(query, EXPERIENCE_REPORTS, reports)


def initiative(pk: int) -> Initiative:
    return initiatives().get(pk=pk)


def report(pk: int) -> ExperienceReport:
    return reports().get(pk=pk)


def _published_initiatives(prefix: str) -> Count:
    return Count(f"{prefix}", filter=Q(**{f"{prefix}__workflow_status": PUBLISHED}))


def organisations(kind: str = "") -> QuerySet:
    found = Organisation.objects.with_place().annotate(
        initiative_count=_published_initiatives("initiatives")
    )
    if kind:
        found = found.filter(kind=kind)
    return found.order_by("name", "pk")


def organisation_listing(query) -> Listing:
    """Every organisation in the register, optionally of one ``type``."""
    kind, ignored = query.get("type", ""), []
    if kind and kind not in OrganisationKind.values:
        ignored.append(f"type={kind[:30]}")
        kind = ""
    page = query.get("side", "1")
    number = int(page) if page.isascii() and page.isdigit() and 0 < int(page) < 100_000 else 1
    if page and number == 1 and page != "1":
        ignored.append(f"side={page[:30]}")
    return page_of(organisations(kind), number, ignored)


def focus_areas() -> QuerySet:
    published = _published_initiatives("initiatives")
    return FocusArea.objects.annotate(initiative_count=published).order_by("number")


def municipalities() -> QuerySet:
    return Municipality.objects.select_related("county").order_by("number")


def counties() -> QuerySet:
    return County.objects.order_by("number")


def ministries() -> QuerySet:
    return Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT).order_by("name")
