"""Demo measures in bulk, for benchmark databases of a million (``seed_bulk``): the same kind
of data as ``seed_initiatives`` makes, stored set-based instead of row by row.

Python draws each measure's owner, state, dates and assessment exactly as the normal seeder
does (``choose`` and ``row_fields``), and streams only those short per-row values into a
temporary table with ``COPY``. Everything a measure takes from its text, and everything the
database's triggers would derive, is joined in by a few ``INSERT … SELECT`` statements:

* the texts (title, summary, description, results chain) from a table of the ~40 templates;
* the facet columns and arrays the trigger of migrations 0006/0020 fills, computed once per
  distinct (template, organisation) pair in ``bulk_place`` with the trigger's expressions;
* the search vector, made by the search engine once per distinct (template, organisation)
  pair (``_vectors_for``), with ``search_version`` as the engine marks it;
* the focus-area, responsible-ministry and history rows, and the overview entries that the
  trigger of 0007/0020 copies.

During the load the tables' own triggers are disabled (so neither the copying triggers nor
the search fallback of 0024 run per row) and their secondary indexes dropped; afterwards the
indexes are built again (two sessions, ``maintenance_work_mem`` 1 GB), the tables vacuumed
and analysed, and the search vocabulary rebuilt. Only for benchmark and demo databases:
the command refuses a database with real users, as ``seed_demo`` does.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, connections, transaction

from tillit.accounts.models import Organisation, OrganisationKind

from ..ministries import suggested_for
from ..models import Initiative, InitiativeChange, InitiativeFocusArea, OverviewEntry
from ..overview.cache import bump_data_version
from ..search.indexing import current_version
from ..search.vector import measure_vector
from ..vocabulary import refresh as refresh_vocabulary
from .content import InitiativeText
from .initiatives import SeedPlan, choose, row_fields, seed_plan, template_fields
from .shared import read_shared

logger = logging.getLogger("tillit.bulk_seed")

Ministries = Initiative.responsible_ministries.through
Participants = Initiative.participating_organisations.through
# The tables the load writes: their user triggers are off and their secondary indexes
# dropped while it runs.
LOADED = [
    Initiative._meta.db_table,
    OverviewEntry._meta.db_table,
    InitiativeFocusArea._meta.db_table,
    InitiativeChange._meta.db_table,
    Ministries._meta.db_table,
    Participants._meta.db_table,
]
# What each measure draws (``row_fields``), in the staging table's column order.
ROW_COLUMNS = [
    "lifecycle_status",
    "start_date",
    "end_date",
    "started_before_reform",
    "contact_name",
    "contact_email",
    "publish_contact",
    "workflow_status",
    "review_note",
    "union_assessment",
    "union_assessment_text",
    "union_assessment_union",
    "union_assessed_at",
    "created_by_id",
    "published_at",
    "created_at",
    "updated_at",
]
TEMPLATE_COLUMNS = [  # ``template_fields``
    "title",
    "summary",
    "description",
    "kind",
    "sector",
    "trust_relations",
    "participants",
    "exemption_from",
    "goal_resources",
    "goal_activities",
    "goal_outputs",
    "goal_user_effects",
    "goal_societal_effects",
]
# Filled per (template, organisation) from ``bulk_place``, as the trigger of 0020 fills them.
PLACE_COLUMNS = [
    "municipality_id",
    "county_id",
    "owning_ministry_id",
    "ministry_ids",
    "municipality_numbers",
    "county_numbers",
]
INDEX_WORKERS = 2
PLACES = ("municipality", "county")  # what a name in the search vector reads


def _vectors_for(
    pairs: list[tuple[int, int]],
    texts: list[InitiativeText],
    owners: dict[int, Organisation],
    ministries: dict[tuple[int, int], list[Organisation]],
) -> dict[tuple[int, int], str]:
    """THE search-vector seam of the bulk load: one search vector per distinct (template
    number, organisation id) pair, as tsvector literals, made by the search engine
    (``measure_vector``) from an unsaved measure of the template's fields and the owner, with
    the pair's responsible ministries (``ministries``, by name as the relation orders them);
    bulk measures have no participants. Every measure made from that text for that owner gets
    the same vector (``bulk_place.search_vector``), as ``index_alike`` gives ``seed_demo``'s."""
    return {
        (number, organisation_id): measure_vector(
            Initiative(organisation=owners[organisation_id], **template_fields(texts[number])),
            participants=[],
            ministries=ministries[(number, organisation_id)],
        )
        for number, organisation_id in pairs
    }


def _ministries_for(text: InitiativeText, owner: Organisation, ministries: dict) -> list[int]:
    """As ``shared.give_ministries``: the agency's owning ministry, else the sector's."""
    if owner.parent_ministry_id:
        return [owner.parent_ministry_id]
    return suggested_for(text.sector, ministries)


def _secondary_indexes(cursor) -> list[tuple[str, str]]:
    """(name, definition) of the loaded tables' indexes that back no constraint."""
    cursor.execute(
        """
        SELECT c.relname, pg_get_indexdef(i.indexrelid)
          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = ANY(%s::regclass[])
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
         ORDER BY pg_relation_size(i.indrelid) DESC, c.relname
        """,
        [LOADED],
    )
    return cursor.fetchall()


def _build_index(definition: str) -> float:
    started = time.monotonic()
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute(definition.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
    finally:
        connections["default"].close()
    return time.monotonic() - started


def _build_indexes(definitions: list[str], *, inside: bool) -> None:
    """Build the dropped indexes again, two sessions at a time (GIN builds use one core);
    ``inside`` an outer transaction (a test), one by one in this session."""
    if inside:
        with connection.cursor() as cursor:
            for definition in definitions:
                cursor.execute(definition)
        return
    with ThreadPoolExecutor(INDEX_WORKERS) as pool:
        for definition, seconds in zip(
            definitions, pool.map(_build_index, definitions), strict=True
        ):
            logger.info("%.1f s: %s", seconds, definition)


class _Timer:
    def __init__(self):
        self.steps: dict[str, float] = {}
        self._last = time.monotonic()

    def __call__(self, step: str) -> None:
        now = time.monotonic()
        self.steps[step] = round(now - self._last, 1)
        self._last = now
        logger.info("%s: %.1f s", step, self.steps[step])


def _stage_templates(cursor, texts: list[InitiativeText], areas: dict) -> None:
    """``bulk_template``: the template's fields and its focus areas, primary first."""
    columns = ", ".join(TEMPLATE_COLUMNS)
    cursor.execute(
        f"CREATE TEMP TABLE bulk_template ON COMMIT DROP AS SELECT {columns} "  # noqa: S608
        f"FROM {Initiative._meta.db_table} WITH NO DATA"
    )
    cursor.execute("ALTER TABLE bulk_template ADD number int, ADD focus_area_numbers smallint[]")
    cursor.execute(
        "CREATE TEMP TABLE bulk_template_focus (number int, focus_area_id bigint, "
        "is_primary boolean) ON COMMIT DROP"
    )
    placeholders = ", ".join(["%s"] * (len(TEMPLATE_COLUMNS) + 2))
    for number, text in enumerate(texts):
        fields = template_fields(text)
        chosen = [areas[slug] for slug in text.focus_areas]
        # the trigger's order: the primary area first, then by number
        numbers = [chosen[0].number, *sorted(a.number for a in chosen[1:])] if chosen else []
        cursor.execute(
            f"INSERT INTO bulk_template ({columns}, number, focus_area_numbers) "  # noqa: S608
            f"VALUES ({placeholders})",
            [*(fields[c] for c in TEMPLATE_COLUMNS), number, numbers],
        )
        for position, area in enumerate(chosen):
            cursor.execute(
                "INSERT INTO bulk_template_focus VALUES (%s, %s, %s)",
                [number, area.pk, position == 0],
            )


def _stage_rows(cursor, plan: SeedPlan, start_index: int, count: int, first_id: int, texts):
    """``bulk_row``: one row per new measure, drawn as ``seed_initiatives`` draws it.
    Returns the distinct (template number, organisation id) pairs and the owners."""
    numbers = {id(text): number for number, text in enumerate(texts)}
    columns = ", ".join(ROW_COLUMNS)
    cursor.execute(
        f"CREATE TEMP TABLE bulk_row ON COMMIT DROP AS SELECT id, organisation_id, "  # noqa: S608
        f"{columns} FROM {Initiative._meta.db_table} WITH NO DATA"
    )
    cursor.execute("ALTER TABLE bulk_row ADD number int")
    pairs: set[tuple[int, int]] = set()
    owners: dict[int, Organisation] = {}
    raw = cursor.cursor  # psycopg's own cursor, for COPY
    with raw.copy(f"COPY bulk_row (id, organisation_id, {columns}, number) FROM STDIN") as copy:
        for offset in range(count):
            index = start_index + offset
            organisation, state, text = choose(index, plan)
            author = plan.authors.get(organisation.pk)
            fields = row_fields(index, plan.notes, state, plan.rng, author)
            fields["created_by_id"] = author.pk if author else None
            number = numbers[id(text)]
            pairs.add((number, organisation.pk))
            owners[organisation.pk] = organisation
            copy.write_row(
                [first_id + offset, organisation.pk, *(fields[c] for c in ROW_COLUMNS), number]
            )
    return sorted(pairs), owners


def _stage_places(cursor, pairs, texts, owners) -> None:
    """``bulk_place``: per (template, organisation) the ministries, the search vector and the
    facet columns and arrays, with the expressions of the trigger of 0006/0020."""
    departments = Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT)
    by_short_name = dict(departments.values_list("short_name", "pk"))
    by_pk = departments.select_related(*PLACES).in_bulk()
    chosen = {
        pair: _ministries_for(texts[pair[0]], owners[pair[1]], by_short_name) for pair in pairs
    }
    named = {  # the relation's order (Organisation.Meta.ordering: by name)
        pair: sorted((by_pk[pk] for pk in set(ids)), key=lambda m: (m.name, m.pk))
        for pair, ids in chosen.items()
    }
    placed = Organisation.objects.select_related(*PLACES).in_bulk(list(owners))
    vectors = _vectors_for(pairs, texts, placed, named)
    cursor.execute(
        "CREATE TEMP TABLE bulk_pair (number int, organisation_id bigint, "
        "ministries bigint[], search_vector tsvector) ON COMMIT DROP"
    )
    with cursor.cursor.copy("COPY bulk_pair FROM STDIN") as copy:
        for pair in pairs:
            copy.write_row([*pair, chosen[pair], vectors[pair]])
    cursor.execute(
        """
        CREATE TEMP TABLE bulk_place ON COMMIT DROP AS
        SELECT q.*,
               ARRAY(SELECT DISTINCT x FROM unnest(q.ministries || q.owning_ministry_id) x
                      WHERE x IS NOT NULL ORDER BY x) AS ministry_ids,
               CASE WHEN q.municipality_id IS NULL THEN '{}'
                    ELSE ARRAY[q.municipality_id] END AS municipality_numbers,
               CASE WHEN q.county_id IS NULL THEN '{}'
                    ELSE ARRAY[q.county_id] END AS county_numbers
          FROM (SELECT p.number, p.organisation_id, p.ministries, p.search_vector,
                       o.municipality_id,
                       COALESCE(m.county_id, o.county_id) AS county_id,
                       CASE WHEN o.kind = 'departement' THEN o.id
                            ELSE o.parent_ministry_id END AS owning_ministry_id
                  FROM bulk_pair p
                  JOIN accounts_organisation o ON o.id = p.organisation_id
                  LEFT JOIN accounts_municipality m ON m.number = o.municipality_id) q
        """
    )
    cursor.execute("ANALYZE bulk_place")


def _insert_initiatives(cursor) -> None:
    """Every column of the measure: drawn (``bulk_row``), from the text (``bulk_template``),
    derived (``bulk_place``), or the field's default."""
    targets, sources, params = [], [], []
    for field in Initiative._meta.concrete_fields:
        column = field.column
        targets.append(column)
        if column in ("id", "organisation_id", *ROW_COLUMNS):
            sources.append(f"r.{column}")
        elif column in TEMPLATE_COLUMNS or column == "focus_area_numbers":
            sources.append(f"t.{column}")
        elif column in PLACE_COLUMNS or column == "search_vector":
            sources.append(f"p.{column}")
        elif column == "start_year":
            sources.append("EXTRACT(YEAR FROM r.start_date)")
        elif column == "search_version":  # made by the engine, as ``index_alike`` marks it
            sources.append("%s")
            params.append(current_version())
        else:
            sources.append("%s")
            params.append(field.get_db_prep_save(field.get_default(), connection))
    cursor.execute(
        f"INSERT INTO {Initiative._meta.db_table} ({', '.join(targets)}) "  # noqa: S608
        f"SELECT {', '.join(sources)} FROM bulk_row r "
        "JOIN bulk_template t ON t.number = r.number "
        "JOIN bulk_place p ON p.number = r.number AND p.organisation_id = r.organisation_id "
        "ORDER BY r.id",
        params,
    )


def _insert_links(cursor) -> None:
    cursor.execute(
        f"INSERT INTO {InitiativeFocusArea._meta.db_table} "  # noqa: S608
        "(initiative_id, focus_area_id, is_primary) "
        "SELECT r.id, f.focus_area_id, f.is_primary FROM bulk_row r "
        "JOIN bulk_template_focus f ON f.number = r.number ORDER BY r.id"
    )
    cursor.execute(
        f"INSERT INTO {Ministries._meta.db_table} (initiative_id, organisation_id) "  # noqa: S608
        "SELECT r.id, m.id FROM bulk_row r "
        "JOIN bulk_place p ON p.number = r.number AND p.organisation_id = r.organisation_id "
        "CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.ministries) AS id) m ORDER BY r.id"
    )


def _insert_history(cursor, plan: SeedPlan, owners: dict[int, Organisation]) -> None:
    """What ``initiatives._history`` records: registered, then submitted, published and
    archived as the state says; the publisher is the owner's leader, else the author."""
    cursor.execute(
        "CREATE TEMP TABLE bulk_people (organisation_id bigint, author_id bigint, "
        "author_name text, publisher_id bigint, publisher_name text) ON COMMIT DROP"
    )
    for organisation_id in owners:
        author = plan.authors.get(organisation_id)
        publisher = plan.leaders.get(organisation_id) or author
        cursor.execute(
            "INSERT INTO bulk_people VALUES (%s, %s, %s, %s, %s)",
            [
                organisation_id,
                author.pk if author else None,
                author.display_name if author else "",
                publisher.pk if publisher else None,
                publisher.display_name if publisher else "",
            ],
        )
    table = InitiativeChange._meta.db_table
    cursor.execute(
        f"""
        INSERT INTO {table} (initiative_id, created_at, actor_id, actor_name, action, note,
                             fields)
        SELECT id, at, actor, name, action, '', '{{}}'::jsonb FROM (
            SELECT r.id, 1 AS step, r.created_at AS at, w.author_id AS actor,
                   w.author_name AS name, 'created' AS action
              FROM bulk_row r JOIN bulk_people w ON w.organisation_id = r.organisation_id
            UNION ALL
            SELECT r.id, 2, COALESCE(r.published_at - interval '2 days', r.updated_at),
                   w.author_id, w.author_name, 'submitted'
              FROM bulk_row r JOIN bulk_people w ON w.organisation_id = r.organisation_id
             WHERE r.workflow_status <> 'utkast'
            UNION ALL
            SELECT r.id, 3, r.published_at, w.publisher_id, w.publisher_name, 'published'
              FROM bulk_row r JOIN bulk_people w ON w.organisation_id = r.organisation_id
             WHERE r.published_at IS NOT NULL
            UNION ALL
            SELECT r.id, 4, r.updated_at, w.publisher_id, w.publisher_name, 'archived'
              FROM bulk_row r JOIN bulk_people w ON w.organisation_id = r.organisation_id
             WHERE r.workflow_status = 'arkivert'
        ) AS changes ORDER BY id, step
        """  # noqa: S608
    )


def _insert_overview_entries(cursor, first_id: int, last_id: int) -> None:
    """What the trigger of 0007/0020 copies: the entry's columns from the measure's row."""
    targets = [field.column for field in OverviewEntry._meta.concrete_fields]
    sources = ["id" if column == "initiative_id" else column for column in targets]
    cursor.execute(
        f"INSERT INTO {OverviewEntry._meta.db_table} ({', '.join(targets)}) "  # noqa: S608
        f"SELECT {', '.join(sources)} FROM {Initiative._meta.db_table} "
        "WHERE id BETWEEN %s AND %s ORDER BY id",
        [first_id, last_id],
    )


def _reserve_ids(cursor, count: int) -> int:
    """The first of ``count`` consecutive measure ids taken from the sequence."""
    cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [Initiative._meta.db_table])
    sequence = cursor.fetchone()[0]
    cursor.execute("SELECT nextval(%s)", [sequence])
    first = cursor.fetchone()[0]
    cursor.execute("SELECT setval(%s, %s)", [sequence, first + count - 1])
    return first


def bulk_seed_initiatives(*, count: int, seed: int) -> dict[str, float]:
    """Add demo measures until there are ``count``, set-based; returns the seconds each step
    took (empty when nothing was missing). Run ``seed_demo`` first: it makes the people,
    the first measures and the other demo content this continues from."""
    existing = Initiative.objects.count()
    missing = count - existing
    if missing <= 0:
        return {}
    timer = _Timer()
    inside = connection.in_atomic_block
    plan = seed_plan(seed)
    texts = plan.municipal_texts + plan.state_texts
    # Draw again what seed_demo drew for the measures there are (its shared measures take no
    # draws), so the stream continues where it left off: the bulk rows are then the rows
    # seed_demo would have made for the same seed and size.
    for index in range(min(len(read_shared()), existing), existing):
        organisation, state, _text = choose(index, plan)
        row_fields(index, plan.notes, state, plan.rng, plan.authors.get(organisation.pk))
    with transaction.atomic(), connection.cursor() as cursor:
        # the foreign keys checked per statement, so the triggers can be enabled again
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        indexes = _secondary_indexes(cursor)
        for table in LOADED:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        timer("triggers off, indexes dropped")
        _stage_templates(cursor, texts, plan.areas)
        first_id = _reserve_ids(cursor, missing)
        pairs, owners = _stage_rows(cursor, plan, existing, missing, first_id, texts)
        cursor.execute("ANALYZE bulk_row")
        timer("rows drawn and copied")
        _stage_places(cursor, pairs, texts, owners)
        timer(f"vectors and places for {len(pairs)} pairs")
        _insert_initiatives(cursor)
        timer("measures")
        _insert_links(cursor)
        timer("focus areas and ministries")
        _insert_history(cursor, plan, owners)
        timer("history")
        _insert_overview_entries(cursor, first_id, first_id + missing - 1)
        timer("overview entries")
        for table in LOADED:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
    definitions = [definition for _name, definition in indexes]
    try:
        _build_indexes(definitions, inside=inside)
    except Exception:  # the load is committed: say what to build by hand
        logger.error("Indexes to build again:\n%s", ";\n".join(definitions))
        raise
    timer("indexes")
    with connection.cursor() as cursor:  # VACUUM cannot run inside a transaction
        cursor.execute(f"{'ANALYZE' if inside else 'VACUUM (ANALYZE)'} {', '.join(LOADED)}")
    timer("vacuum and analyze")
    refresh_vocabulary()  # as seed_demo does: the words of the new published text
    timer("search vocabulary")
    bump_data_version()
    return {"added": missing, **timer.steps}
