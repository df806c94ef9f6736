"""Demo connections for ``seed_demo``: where several organisations published a measure with
the same title, the later ones build on the first ("Bygger på" / "Prøvd videre av"); and the
first published pilot-scheme trials of a few organisations form one programme."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ..models import Initiative, InitiativeRelation, Kind, RelationKind, WorkflowStatus
from ..overview.cache import bump_data_version

ADOPTED_TITLES = 6  # groups of same-titled measures that get "builds on" connections
ADOPTERS_PER_TITLE = 2
PROGRAMME = "Forsøksordningen for tillitsreformen, første runde"
PROGRAMME_SIZE = 3


def _published():
    return Initiative.objects.filter(workflow_status=WorkflowStatus.PUBLISERT).order_by("pk")


def _one_per_organisation(measures) -> list[Initiative]:
    seen, found = set(), []
    for measure in measures:
        if measure.organisation_id not in seen:
            seen.add(measure.organisation_id)
            found.append(measure)
    return found


def _adoptions() -> list[InitiativeRelation]:
    titles = (
        _published()
        .values("title")
        .annotate(owners=Count("organisation", distinct=True))
        .filter(owners__gt=1)
        .order_by("title")
        .values_list("title", flat=True)[:ADOPTED_TITLES]
    )
    relations = []
    for title in titles:
        source, *adopters = _one_per_organisation(_published().filter(title=title))
        relations += [
            InitiativeRelation(
                initiative=adopter,
                other=source,
                kind=RelationKind.BYGGER_PA,
                created_by_id=adopter.created_by_id,
            )
            for adopter in adopters[:ADOPTERS_PER_TITLE]
        ]
    return relations


def _programme() -> list[InitiativeRelation]:
    trials = _one_per_organisation(_published().filter(kind=Kind.FORSOK))[:PROGRAMME_SIZE]
    if len(trials) < 2:
        return []
    first, *others = trials
    return [
        InitiativeRelation(
            initiative=other,
            other=first,
            kind=RelationKind.SAMME_NETTVERK,
            network_name=PROGRAMME,
            created_by_id=other.created_by_id,
        )
        for other in others
    ]


def seed_relations() -> int:
    """Add the demo's connections once; returns how many were added. Their owners are not
    e-mailed: they count as told."""
    if InitiativeRelation.objects.exists():
        return 0
    with transaction.atomic():
        relations = _adoptions() + _programme()
        for relation in relations:
            relation.told_at = timezone.now()
        InitiativeRelation.objects.bulk_create(relations, ignore_conflicts=True)
    if relations:
        bump_data_version()
    return len(relations)
