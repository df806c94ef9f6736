"""Experience reports as a faceted list: the overview's pipeline over published reports,
each carrying its measure's facet fields."""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchRank
from django.db.models import F, Q, Value
from django.db.models.expressions import RawSQL

from initiatives.models import ExperienceReport, Initiative, WorkflowStatus
from initiatives.search.query import LexemeQuery, any_of

from .pipeline import Source
from .registry import COLUMNS

# a report has its own ``evidence_methods`` (how the report judged the effect): the evidence
# facet reads those, not the measure's
OWN_COLUMNS = {"has_experience", "evidence_methods"}
FROM_INITIATIVE = {
    column: F(f"initiative__{column}") for column in COLUMNS if column not in OWN_COLUMNS
}


def reports_base(user=None):
    """Published reports of published measures, with their measure's facet fields; the
    same for everyone."""
    published = ExperienceReport.objects.published()
    return published.annotate(**FROM_INITIATIVE, has_experience=Value(True))


def _fetch_reports(queryset):
    return queryset.select_related("initiative__organisation").only(
        "title",
        "summary",
        "workflow_status",
        "published_at",
        "initiative__title",
        "initiative__organisation__name",
    )


EXPERIENCE_REPORTS = Source(
    name="experience",
    model=ExperienceReport,
    rows=reports_base,
    counted=reports_base,
    fetch=_fetch_reports,
    snippet_of="what_was_done",
    hidden_facets=frozenset({"erfaring"}),
)

WORD = re.compile(r"[^\W_]{4,}")


def similar_initiatives(report: ExperienceReport, *, limit: int = 5) -> list[Initiative]:
    """Other published measures that share a focus area with the report's measure and some
    of the words of the report's and the measure's titles, most shared focus areas first,
    then by text rank; worked out in the database."""
    initiative = report.initiative
    words = list(dict.fromkeys(WORD.findall(f"{report.title} {initiative.title}".lower())))[:12]
    if not words or not initiative.focus_area_numbers:
        return []
    tsquery = any_of(words)
    if tsquery is None:
        return []
    query = LexemeQuery(tsquery)
    shared = RawSQL(
        "cardinality(ARRAY(SELECT unnest(initiatives_initiative.focus_area_numbers)"
        " INTERSECT SELECT unnest(%s::smallint[])))",
        (list(initiative.focus_area_numbers),),
    )
    return list(
        Initiative.objects.filter(workflow_status=WorkflowStatus.PUBLISERT)
        .exclude(pk=initiative.pk)
        .filter(Q(focus_area_numbers__overlap=initiative.focus_area_numbers), search_vector=query)
        .annotate(shared=shared, rank=SearchRank(F("search_vector"), query))
        .select_related("organisation")
        .only("title", "summary", "organisation__name", "focus_area_numbers")
        .order_by("-shared", "-rank", "-pk")[:limit]
    )
