"""Similar published measures as a page shows them: for a measure (cached per measure and data
version) or for a form being filled in. Other organisations come first, one measure each: the
list answers "who else tried this"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Prefetch

from initiatives.models import Initiative, InitiativeFocusArea, WorkflowStatus
from initiatives.overview.cache import data_version

from .ranking import Ranked, Subject, rank
from .terms import rarest_terms

TIMEOUT = 24 * 3600  # a new data version makes the entry stale long before
LIMIT = 5


@dataclass(frozen=True)
class SimilarMeasure:
    """One row of the list: the other measure, where and how it went, and why it is like."""

    pk: int
    title: str
    organisation: str
    lifecycle_status: str
    start_date: date | None
    end_date: date | None
    has_experience: bool
    shared_words: tuple[str, ...]  # the rarest shared words first, title and summary first
    shared_areas: tuple[int, ...]  # focus area numbers


def _choose(ranked: list[Ranked], organisation_id: int | None, limit: int) -> list[Ranked]:
    """The best of each other organisation first; more of the same ones, and the subject's
    own organisation, only to fill the list."""
    seen, first, rest = set(), [], []
    for row in ranked:
        if row.organisation_id != organisation_id and row.organisation_id not in seen:
            seen.add(row.organisation_id)
            first.append(row)
        else:
            rest.append(row)
    own = [row for row in rest if row.organisation_id == organisation_id]
    others = [row for row in rest if row.organisation_id != organisation_id]
    return (first + others + own)[:limit]


def _shared_words(row: Ranked, words: list[str]) -> tuple[str, ...]:
    levels = list(zip(row.levels, range(len(words)), strict=True))
    shared = sorted((-level, order) for level, order in levels if level)
    return tuple(words[order] for _level, order in shared)


def _rows(chosen: list[Ranked], words: list[str]) -> list[SimilarMeasure]:
    """The chosen measures' details in one query, in the chosen order."""
    found = {
        m.pk: m
        for m in Initiative.objects.filter(
            pk__in=[row.initiative_id for row in chosen],
            workflow_status=WorkflowStatus.PUBLISERT,
        )
        .select_related("organisation")
        .only(
            "title",
            "organisation__name",
            "lifecycle_status",
            "start_date",
            "end_date",
            "has_experience",
        )
    }
    return [
        SimilarMeasure(
            pk=row.initiative_id,
            title=m.title,
            organisation=m.organisation.name,
            lifecycle_status=m.lifecycle_status,
            start_date=m.start_date,
            end_date=m.end_date,
            has_experience=m.has_experience,
            shared_words=_shared_words(row, words),
            shared_areas=tuple(row.shared_areas),
        )
        for row in chosen
        if (m := found.get(row.initiative_id)) is not None
    ]


def similar_to(
    subject_text: tuple[str, str],
    *,
    organisation_id=None,
    limit=LIMIT,
    published: bool = False,
    **subject,
):
    """Published measures like a title and summary (``subject``: the ``Subject``'s focus
    numbers, kind, sector and the measure to leave out; ``published``: the text is one)."""
    terms = rarest_terms(*subject_text, published=published)
    ranked = rank(Subject(terms=terms, **subject))
    return _rows(_choose(ranked, organisation_id, limit), [t.word for t in terms])


def similar_measures(initiative: Initiative, *, limit: int = LIMIT) -> list[SimilarMeasure]:
    """Published measures like ``initiative`` (never itself), other organisations first;
    computed once per measure and data version."""
    key = f"initiatives:similar:{data_version()}:{initiative.pk}:{limit}"
    rows = cache.get(key)
    if rows is None:
        rows = similar_to(
            (initiative.title, initiative.summary),
            organisation_id=initiative.organisation_id,
            limit=limit,
            focus_numbers=[link.focus_area.number for link in initiative.focus_area_links.all()],
            kind=initiative.kind,
            sector=initiative.sector,
            exclude=initiative.pk,
            published=initiative.workflow_status == WorkflowStatus.PUBLISERT,
        )
        cache.set(key, rows, timeout=TIMEOUT)
    return rows


def measure_for_similar(*, pk: int, user) -> Initiative:
    """The measure whose list is asked for, with what the list needs (its focus areas);
    ``Initiative.DoesNotExist`` outside the user's scope."""
    links = InitiativeFocusArea.objects.select_related("focus_area")
    return (
        Initiative.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(Prefetch("focus_area_links", queryset=links))
        .get(pk=pk)
    )
