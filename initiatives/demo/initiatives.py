"""Demo initiatives for ``seed_demo``: every status, focus area, kind and county, from the
texts in ``data/initiatives.toml``. Bulk inserts, so 100 000 rows take minutes."""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection, transaction
from django.utils import timezone

from tillit.accounts.models import Membership, Organisation, OrganisationKind, Role, User

from ..models import (
    ChangeAction,
    FocusArea,
    Initiative,
    InitiativeChange,
    InitiativeFocusArea,
    LifecycleStatus,
    UnionAssessment,
    WorkflowStatus,
)
from ..models.initiatives import REFORM_START
from ..overview.cache import bump_data_version
from ..search.indexing import index_alike
from .content import InitiativeText, Notes, read_initiatives, read_notes
from .shared import give_ministries, seed_shared

BATCH = 2000
# (name, short name, owning ministry)
DEMO_AGENCIES = [
    ("Utdanningsdirektoratet", "Udir", "KD"),
    ("Helsedirektoratet", "Hdir", "HOD"),
    ("Arbeids- og velferdsetaten", "NAV", "AID"),
    ("Statsforvalteren i Vestland", "", "KDD"),
    ("Direktoratet for forvaltning og økonomistyring", "DFØ", "DFD"),
]
# Bergen's initiatives cover every workflow state, so each demo user has something to do.
BERGEN_STATES = [
    WorkflowStatus.UTKAST,
    WorkflowStatus.UTKAST,
    WorkflowStatus.TIL_GODKJENNING,
    WorkflowStatus.TIL_GODKJENNING,
    WorkflowStatus.PUBLISERT,
    WorkflowStatus.PUBLISERT,
    WorkflowStatus.PUBLISERT,
    WorkflowStatus.ARKIVERT,
]
STATE_WEIGHTS = {
    WorkflowStatus.PUBLISERT: 70,
    WorkflowStatus.TIL_GODKJENNING: 10,
    WorkflowStatus.UTKAST: 15,
    WorkflowStatus.ARKIVERT: 5,
}
STATES, STATE_WEIGHTS_LIST = list(STATE_WEIGHTS), list(STATE_WEIGHTS.values())


def demo_agencies() -> list[Organisation]:
    agencies = []
    for name, short_name, ministry in DEMO_AGENCIES:
        agency, _ = Organisation.objects.get_or_create(
            name=name,
            kind=OrganisationKind.STATLIG,
            defaults={
                "short_name": short_name,
                "parent_ministry": Organisation.objects.get(short_name=ministry),
            },
        )
        agencies.append(agency)
    return agencies


def _municipalities(rng: random.Random) -> list[Organisation]:
    """Bergen first, then municipalities spread over every county."""
    kommuner = list(
        Organisation.objects.filter(kind=OrganisationKind.KOMMUNE).select_related("municipality")
    )
    by_county: dict[str, list[Organisation]] = {}
    for organisation in kommuner:
        by_county.setdefault(organisation.municipality.county_id, []).append(organisation)
    chosen = [o for o in kommuner if o.municipality_id == "4601"]
    for county in sorted(by_county):
        chosen.extend(rng.sample(by_county[county], k=min(3, len(by_county[county]))))
    return chosen


def _one_per_county(municipalities: list[Organisation]) -> list[Organisation]:
    """The first chosen municipality of each county, so each gets a published initiative."""
    firsts: dict[str, Organisation] = {}
    for organisation in municipalities:
        firsts.setdefault(organisation.municipality.county_id, organisation)
    return [firsts[county] for county in sorted(firsts)]


@contextmanager
def _given_times():
    """Let the bulk inserts keep the registration and history times the demo gives, instead
    of the insert's time (``auto_now_add``/``auto_now``)."""
    fields = [
        Initiative._meta.get_field("created_at"),
        Initiative._meta.get_field("updated_at"),
        InitiativeChange._meta.get_field("created_at"),
    ]
    saved = [(f.auto_now, f.auto_now_add) for f in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (auto_now, auto_now_add) in zip(fields, saved, strict=True):
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _history(initiative: Initiative, publisher: User | None) -> list[InitiativeChange]:
    """What the initiative's history shows: registered, then sent for approval and published
    (or archived) as its state says, in that order."""
    author = initiative.created_by

    def change(action: ChangeAction, by: User | None, at: datetime) -> InitiativeChange:
        return InitiativeChange(
            initiative=initiative,
            actor_id=by.pk if by else None,
            actor_name=by.display_name if by else "",
            action=action,
            created_at=at,
        )

    changes = [change(ChangeAction.CREATED, author, initiative.created_at)]
    if initiative.workflow_status == WorkflowStatus.UTKAST:
        return changes
    published = initiative.published_at
    submitted = published - timedelta(days=2) if published else initiative.updated_at
    changes.append(change(ChangeAction.SUBMITTED, author, submitted))
    if published:
        changes.append(change(ChangeAction.PUBLISHED, publisher or author, published))
    if initiative.workflow_status == WorkflowStatus.ARKIVERT:
        changes.append(change(ChangeAction.ARCHIVED, publisher or author, initiative.updated_at))
    return changes


def _authors() -> dict[int, User]:
    # in a fixed order, so the same writer is chosen each time (the last one by id)
    writers = Membership.objects.filter(roles__overlap=[Role.ANSATT, Role.LEDER])
    return {m.organisation_id: m.user for m in writers.select_related("user").order_by("pk")}


def _leaders() -> dict[int, User]:
    leaders = Membership.objects.filter(roles__contains=[Role.LEDER]).select_related("user")
    return {m.organisation_id: m.user for m in leaders.order_by("pk")}


def _dates(rng: random.Random, lifecycle: str) -> tuple[date, date | None]:
    start = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 7 * 365))
    start = min(start, date(2026, 10, 1))
    if lifecycle in (LifecycleStatus.AVSLUTTET, LifecycleStatus.AVBRUTT):
        return start, start + timedelta(days=rng.randrange(60, 720))
    return start, None


def template_fields(text: InitiativeText) -> dict:
    """The fields a measure takes from its text (the same for every copy of the text)."""
    results = text.results
    return {
        "title": text.title,
        "summary": text.summary,
        "description": text.description,
        "kind": text.kind,
        "sector": text.sector,
        "trust_relations": text.trust_relations,
        "participants": text.participants,
        "exemption_from": text.exemption,
        "goal_resources": results.resources,
        "goal_activities": results.activities,
        "goal_outputs": results.outputs,
        "goal_user_effects": results.user_effects,
        "goal_societal_effects": results.societal_effects,
    }


def row_fields(
    index: int,
    notes: Notes,
    state: WorkflowStatus,
    rng: random.Random,
    author: User | None,
) -> dict:
    """The fields drawn for each measure: status, dates, assessment, contact, author."""
    lifecycle = rng.choice(list(LifecycleStatus))
    if state in (WorkflowStatus.UTKAST, WorkflowStatus.TIL_GODKJENNING):
        lifecycle = rng.choice([LifecycleStatus.PLANLAGT, LifecycleStatus.PAGAR])
    start, end = _dates(rng, lifecycle)
    assessment = UnionAssessment.UKJENT
    if state in (WorkflowStatus.PUBLISERT, WorkflowStatus.TIL_GODKJENNING):
        assessment = rng.choices(list(UnionAssessment), weights=[40, 50, 10])[0]
    if index in (2, 4):  # one pending and one published Bergen initiative await the union rep
        assessment = UnionAssessment.UKJENT
    published_at = None
    if state in (WorkflowStatus.PUBLISERT, WorkflowStatus.ARKIVERT):
        moment = datetime.combine(max(start, date(2022, 1, 1)), time(10, 0))
        published_at = timezone.make_aware(moment) + timedelta(hours=index % 97)
    # Registered before it was published (or, not yet published, some weeks ago).
    if published_at:
        registered = published_at - timedelta(days=3 + index % 40, hours=index % 7)
        archived = state == WorkflowStatus.ARKIVERT
        updated = published_at + timedelta(days=index % 30) if archived else published_at
    else:
        registered = timezone.now() - timedelta(days=5 + index % 60, hours=index % 7)
        updated = registered + timedelta(days=index % 5)
    union_notes = notes.union_notes_confirmed if assessment == UnionAssessment.BEKREFTET else []
    if assessment == UnionAssessment.IKKE_INVOLVERT:
        union_notes = notes.union_notes_not_involved
    return dict(
        lifecycle_status=lifecycle,
        start_date=start,
        end_date=end,
        started_before_reform=start < REFORM_START,
        contact_name=author.display_name if author else "",
        contact_email=author.email if author else "",
        publish_contact=bool(author) and index % 3 == 0,
        workflow_status=state,
        review_note=rng.choice(notes.return_notes)
        if state == WorkflowStatus.UTKAST and index % 2
        else "",
        union_assessment=assessment,
        union_assessment_text=rng.choice(union_notes) if union_notes else "",
        union_assessment_union=rng.choice(["Fagforbundet", "Delta", "Unio", "Akademikerne"])
        if union_notes
        else "",
        union_assessed_at=published_at if union_notes else None,
        created_by=author,
        published_at=published_at,
        created_at=registered,
        updated_at=min(updated, timezone.now()),
    )


def _build(
    index: int,
    text: InitiativeText,
    notes: Notes,
    organisation: Organisation,
    state: WorkflowStatus,
    rng: random.Random,
    author: User | None,
) -> Initiative:
    return Initiative(
        organisation=organisation,
        **template_fields(text),
        **row_fields(index, notes, state, rng, author),
    )


@dataclass
class SeedPlan:
    """What both seeders (this one and ``bulk``) draw from: the organisations, their writers
    and leaders, the texts, and the random source, so both make the same kind of data."""

    rng: random.Random
    municipalities: list[Organisation]
    agencies: list[Organisation]
    authors: dict[int, User]
    leaders: dict[int, User]
    county_firsts: list[Organisation]
    areas: dict[str, FocusArea]
    notes: Notes
    municipal_texts: list[InitiativeText]
    state_texts: list[InitiativeText]


def seed_plan(seed: int) -> SeedPlan:
    rng = random.Random(seed)  # noqa: S311 (demo data, not secrets)
    municipalities = _municipalities(rng)
    agencies = demo_agencies()
    texts = read_initiatives()
    return SeedPlan(
        rng=rng,
        municipalities=municipalities,
        agencies=agencies,
        authors=_authors(),
        leaders=_leaders(),
        county_firsts=_one_per_county(municipalities[1:]),
        areas={area.slug: area for area in FocusArea.objects.all()},
        notes=read_notes(),
        municipal_texts=[t for t in texts if not t.state_agency],
        state_texts=[t for t in texts if t.state_agency],
    )


def choose(index: int, plan: SeedPlan) -> tuple[Organisation, WorkflowStatus, InitiativeText]:
    """The owner, state and text of the ``index``-th demo measure (counted from 0)."""
    rng = plan.rng
    if index < len(BERGEN_STATES):
        text = plan.municipal_texts[index % len(plan.municipal_texts)]
        return plan.municipalities[0], BERGEN_STATES[index], text
    if index < len(BERGEN_STATES) + len(plan.county_firsts):
        # Then one published initiative in each county.
        organisation = plan.county_firsts[index - len(BERGEN_STATES)]
        return organisation, WorkflowStatus.PUBLISERT, rng.choice(plan.municipal_texts)
    is_state = rng.random() < 0.25
    # Walk the municipalities in county order, so every county gets some.
    municipalities = plan.municipalities
    organisation = (
        rng.choice(plan.agencies)
        if is_state
        else municipalities[1 + index % (len(municipalities) - 1)]
    )
    text = rng.choice(plan.state_texts if is_state else plan.municipal_texts)
    state = rng.choices(STATES, STATE_WEIGHTS_LIST)[0]
    return organisation, state, text


def seed_initiatives(*, count: int, seed: int) -> int:
    """Create initiatives until there are ``count``; returns how many were added."""
    missing = count - Initiative.objects.count()
    if missing <= 0:
        return 0
    plan = seed_plan(seed)
    authors, leaders, areas = plan.authors, plan.leaders, plan.areas

    with transaction.atomic(), _given_times():  # first the services municipalities share
        shared = seed_shared(limit=missing, author_of=lambda o: authors.get(o.pk))
        InitiativeChange.objects.bulk_create(
            change
            for initiative in shared
            for change in _history(initiative, leaders.get(initiative.organisation_id))
        )
    added = len(shared)
    vectors: dict = {}  # one search vector per distinct text and owner
    while added < missing:
        size = min(BATCH, missing - added)
        batch, links = [], []
        for offset in range(size):
            index = added + offset
            organisation, state, text = choose(index, plan)
            author = authors.get(organisation.pk)
            batch.append(_build(index, text, plan.notes, organisation, state, plan.rng, author))
            links.append(text.focus_areas)
        with transaction.atomic(), _given_times():
            created = Initiative.objects.bulk_create(batch)
            InitiativeFocusArea.objects.bulk_create(
                [
                    InitiativeFocusArea(
                        initiative=initiative, focus_area=areas[slug], is_primary=position == 0
                    )
                    for initiative, slugs in zip(created, links, strict=True)
                    for position, slug in enumerate(slugs)
                ]
            )
            InitiativeChange.objects.bulk_create(
                [
                    change
                    for initiative in created
                    for change in _history(initiative, leaders.get(initiative.organisation_id))
                ]
            )
            give_ministries(created)
            index_alike(created, cache=vectors)
        added += size
    # After a bulk load: fresh planner statistics, and (outside a transaction, where VACUUM
    # may run) the new rows marked visible to all, so later reads need not check each row
    # and autovacuum has nothing left to catch up on while the site serves.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} initiatives_initiative, initiatives_overviewentry")
    bump_data_version()
    return added
