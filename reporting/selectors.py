"""The figures of the statistics page: published measures only, under the overview's filters.

Every breakdown comes from one SQL statement over the narrow overview entries: the entries
passing the filter are read once (``s``) and grouped by each dimension with ``UNION ALL``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from initiatives import effect_figures
from initiatives.effect_figures import EffectFigures
from initiatives.models import Kind, LifecycleStatus, OverviewEntry, Sector, UnionAssessment
from initiatives.overview import cache
from initiatives.overview.pipeline import FacetPanel, Selection
from initiatives.overview.selectors import INITIATIVES
from tillit.core.routing import read_connection

# statistics describe the public register, whoever looks at them
PUBLIC = AnonymousUser()

# dimension → the SQL expression grouped by, over the filtered entries ``s``
DIMENSIONS = {
    "type": "s.kind",
    "sektor": "s.sector",
    "status": "s.lifecycle_status",
    "aar": "s.start_year::text",
    "bekreftet": "s.union_assessment",
    "erfaring": "s.has_experience::text",
    "kvartal": "to_char(s.published_at AT TIME ZONE %s, 'YYYY-Q')",
}
# a measure counts in its owner's county and its participants' (migration 0020); '' when none
COUNTIES = (
    "unnest(CASE WHEN cardinality(s.county_numbers) > 0"
    " THEN s.county_numbers::text[] ELSE ARRAY[''] END) c"
)
COLUMNS = [
    "initiative",
    "organisation",
    "county",
    "kind",
    "sector",
    "lifecycle_status",
    "county_numbers",
    "start_year",
    "union_assessment",
    "has_experience",
    "published_at",
    "focus_area_numbers",
    "evidence_methods",
]


# How measures spread: of the filtered measures ``s``, those building on a published measure
# of another organisation (``a``), counted four ways (migration 0027's relation table).
SPREAD = (
    "a AS (SELECT s.initiative, s.organisation, s.county, r.other_id FROM s"
    " JOIN initiatives_initiativerelation r ON r.initiative_id = s.initiative"
    " AND r.kind = 'bygger_pa'"
    " JOIN initiatives_overviewentry o ON o.initiative_id = r.other_id"
    " AND o.workflow_status = 'publisert' AND o.organisation_id <> s.organisation)"
)
SPREAD_COUNTS = {
    "adopted": "COUNT(DISTINCT a.other_id)",
    "adoptions": "COUNT(DISTINCT a.initiative)",
    "organisations": "COUNT(DISTINCT a.organisation)",
    "counties": "COUNT(DISTINCT a.county)",
}


@dataclass
class Statistics:
    """The counts per dimension, keyed by stored value (text), plus the focus area x county
    table, for the published measures matching ``panel``'s filter."""

    panel: FacetPanel
    total: int
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    matrix: dict[tuple[str, str], int] = field(default_factory=dict)
    effects: EffectFigures = field(default_factory=EffectFigures)

    @property
    def spread(self) -> dict[str, int]:
        """Measures tried further (``adopted``), the measures building on them
        (``adoptions``), and the organisations and counties of those."""
        found = self.counts.get("spredning", {})
        return {key: found.get(key, 0) for key in SPREAD_COUNTS}


def _statement(entries) -> tuple[str, list]:
    rows_sql, params = entries.values(*COLUMNS).query.sql_with_params()
    params = list(params)
    parts, part_params = [], []
    for name, expression in DIMENSIONS.items():
        parts.append(f"SELECT '{name}', {expression}, '', COUNT(*) FROM s GROUP BY 2")  # noqa: S608 (constants)
        if "%s" in expression:
            part_params.append(settings.TIME_ZONE)
    parts += [
        "SELECT 'fokusomrade', n::text, '', COUNT(*) FROM s, unnest(s.focus_area_numbers) n"
        " GROUP BY 2",
        f"SELECT 'fylke', c, '', COUNT(*) FROM s, {COUNTIES} GROUP BY 2",  # noqa: S608 (constants)
        f"SELECT 'matrise', c, n::text, COUNT(*) FROM s, {COUNTIES},"  # noqa: S608 (constants)
        " unnest(s.focus_area_numbers) n GROUP BY 2, 3",
        "SELECT '_total', '', '', COUNT(*) FROM s",
        *[
            f"SELECT 'spredning', '{key}', '', {count} FROM a"  # noqa: S608 (constants)
            for key, count in SPREAD_COUNTS.items()
        ],
        *effect_figures.PARTS,  # hours given back, evidence and coverage
    ]
    ctes = f"s AS MATERIALIZED ({rows_sql}), {SPREAD}, {effect_figures.CTES}"
    statement = f"WITH {ctes} " + " UNION ALL ".join(parts)
    return statement, params + part_params


def statistics(*, query) -> Statistics:
    """Anyone may read the statistics: they count published measures only."""
    selection = Selection(query, user=PUBLIC, source=INITIATIVES)
    panel = selection.panel()
    if panel.params.q:  # searches are counted afresh, as in the overview
        rows = _figures(selection)
    else:
        rows = cache.cached_counts(
            PUBLIC,
            selection.version,
            # "effects": rows cached before the effect figures joined the statement lack them
            {**panel.params.selected, "_source": ["statistics", "effects"]},
            lambda: _figures(selection),
        )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    matrix = {}
    effects = effect_figures.figures_from_rows(
        row for row in rows if effect_figures.is_effect_row(row[0])
    )
    for name, key, other, count in rows:
        if effect_figures.is_effect_row(name):
            continue
        if name == "matrise":
            matrix[(key, other)] = count
        elif key is not None:
            counts[name][key] = count
    total = counts.pop("_total", {}).get("", 0)
    return Statistics(panel=panel, total=total, counts=dict(counts), matrix=matrix, effects=effects)


def _figures(selection: Selection) -> list[tuple]:
    """(dimension, value, second value, count) rows; over all published measures this
    takes about half a second at 100 000 measures, so selections without text are cached
    per data version (every publication makes a new one)."""
    statement, params = _statement(selection.entries())
    with read_connection(OverviewEntry).cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall()


def quarters(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Every quarter from the first to the last with a publication, gaps as zero:
    [("2024-1", 3), ("2024-2", 0), …]."""
    if not counts:
        return []
    keys = sorted((int(y), int(q)) for y, q in (key.split("-") for key in counts))
    (year, quarter), last = keys[0], keys[-1]
    series = []
    while (year, quarter) <= last:
        key = f"{year}-{quarter}"
        series.append((key, counts.get(key, 0)))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return series


CHOICES = {
    "type": Kind.choices,
    "sektor": Sector.choices,
    "status": LifecycleStatus.choices,
    "bekreftet": UnionAssessment.choices,
}
