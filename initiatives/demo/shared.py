"""Demo measures that several municipalities run together (``data/shared.toml``), published,
with their participating municipalities and responsible ministries; and the ministries of the
other demo measures: a state agency's owning ministry, a municipality's from its sector."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from tillit.accounts.models import Organisation, OrganisationKind

from ..ministries import suggested_for
from ..models import FocusArea, Initiative, InitiativeFocusArea, LifecycleStatus, WorkflowStatus
from ..search.indexing import index_initiative
from .content import DATA_DIR, DemoContentError

Ministries = Initiative.responsible_ministries.through
Participants = Initiative.participating_organisations.through


@dataclass(frozen=True)
class SharedText:
    owner: str
    participants: list[str]
    ministries: list[str]
    title: str
    kind: str
    sector: str
    focus_areas: list[str]
    summary: str
    description: str


def read_shared(path=DATA_DIR / "shared.toml") -> list[SharedText]:
    with path.open("rb") as handle:
        try:
            tables = tomllib.load(handle).get("shared", [])
        except tomllib.TOMLDecodeError as error:
            raise DemoContentError(f"{path.name}: {error}") from error
    return [SharedText(**table) for table in tables]


def seed_shared(*, limit: int, author_of) -> list[Initiative]:
    """At most ``limit`` shared measures (those not there yet), registered by
    ``author_of(organisation)``; returns those added. Call within ``_given_times``."""
    kommuner = {
        o.municipality_id: o for o in Organisation.objects.filter(kind=OrganisationKind.KOMMUNE)
    }
    ministries = {
        o.short_name: o for o in Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT)
    }
    agencies = {
        o.short_name: o
        for o in Organisation.objects.filter(kind=OrganisationKind.STATLIG).exclude(short_name="")
    }
    areas = {area.slug: area for area in FocusArea.objects.all()}
    added = []
    for text in read_shared()[:limit]:
        if Initiative.objects.filter(title=text.title).exists():
            continue
        published = timezone.make_aware(datetime.combine(date(2025, 3, 3), time(10)))
        registered = published - timedelta(days=12)
        initiative = Initiative.objects.create(
            created_by=author_of(kommuner[text.owner]),
            created_at=registered,
            updated_at=published,
            title=text.title,
            organisation=kommuner[text.owner],
            kind=text.kind,
            sector=text.sector,
            summary=text.summary,
            description=text.description,
            lifecycle_status=LifecycleStatus.PAGAR,
            start_date=date(2024, 8, 1),
            workflow_status=WorkflowStatus.PUBLISERT,
            published_at=published,
        )
        InitiativeFocusArea.objects.bulk_create(
            InitiativeFocusArea(initiative=initiative, focus_area=areas[slug], is_primary=not i)
            for i, slug in enumerate(text.focus_areas)
        )
        initiative.participating_organisations.set(
            [kommuner.get(key) or agencies[key] for key in text.participants]
        )
        initiative.responsible_ministries.set([ministries[short] for short in text.ministries])
        index_initiative(initiative)
        added.append(initiative)
    return added


def give_ministries(initiatives: list[Initiative]) -> None:
    """A state agency's measure gets its owning ministry, a municipality's the ministries its
    sector suggests (as the form does)."""
    ministries = dict(
        Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT).values_list(
            "short_name", "pk"
        )
    )
    links = []
    for initiative in initiatives:
        owner = initiative.organisation
        chosen = (
            [owner.parent_ministry_id]
            if owner.parent_ministry_id
            else suggested_for(initiative.sector, ministries)
        )
        links += [Ministries(initiative_id=initiative.pk, organisation_id=pk) for pk in chosen]
    Ministries.objects.bulk_create(links, ignore_conflicts=True)
