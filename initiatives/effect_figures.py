"""The public figures of effects and reporting removed, over published measures: the hours a
year given back (the sum of the organisations' own estimates), how the effects were judged
(each measure by its strongest method), and how many measures report each figure.

The figures come from SQL parts over a set ``s`` of overview entries (columns ``initiative``,
``focus_area_numbers``, ``evidence_methods``): the statistics add them to their own statement
(under the overview's filter); the focus areas' pages run them alone, cached per data
version, and the front page caches them with the rest of its content (``front_page``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser

from tillit.core.routing import read_connection

from .models import EvidenceMethod, OverviewEntry, WorkflowStatus
from .overview import cache

ENTRY_COLUMNS = ["initiative", "focus_area_numbers", "evidence_methods"]
NOT_STATED = ""  # a ledger row without who required it or whom it gave time back to

# ``l``: the ledger rows of the measures in ``s``; ``e``: their tallies per dimension.
LEDGER = (
    "l AS MATERIALIZED (SELECT s.initiative, s.focus_area_numbers, r.required_by,"
    " r.given_back_to, r.hours_per_year AS hours FROM s"
    " JOIN initiatives_reportingremoval r ON r.initiative_id = s.initiative)"
)
TALLIES = (
    "COALESCE(SUM(l.hours), 0)::bigint AS hours, COUNT(*) AS rows, COUNT(l.hours) AS estimated,"
    " COUNT(DISTINCT l.initiative) AS measures,"
    " COUNT(DISTINCT l.initiative) FILTER (WHERE l.hours IS NOT NULL) AS estimated_measures"
)
TALLIED = (
    f"e AS MATERIALIZED (SELECT d.dimension, d.value, {TALLIES} FROM l,"  # noqa: S608 (constants)
    " LATERAL (VALUES ('alle', ''), ('kravstiller', l.required_by),"
    " ('gitt_til', l.given_back_to)) AS d(dimension, value) GROUP BY 1, 2"
    f" UNION ALL SELECT 'fokusomrade', n::text, {TALLIES}"
    " FROM l, unnest(l.focus_area_numbers) n GROUP BY 2)"
)
CTES = f"{LEDGER}, {TALLIED}"
METRICS = ("hours", "rows", "estimated", "measures", "estimated_measures")
# a measure's strongest method, in ``EvidenceMethod``'s order ('' when none is recorded)
STRONGEST = (
    "CASE "
    + " ".join(
        f"WHEN '{method.value}' = ANY(s.evidence_methods) THEN '{method.value}'"
        for method in EvidenceMethod
    )
    + " ELSE '' END"
)
# indicators of the measure, or of one of its published experience reports
WITH_INDICATORS = (
    "EXISTS (SELECT FROM initiatives_indicator i"
    " LEFT JOIN initiatives_experiencereport x ON x.id = i.experience_report_id"
    " WHERE i.initiative_id = s.initiative"
    f" AND (i.experience_report_id IS NULL OR x.workflow_status = '{WorkflowStatus.PUBLISERT}'))"
)
# each part gives (name, key, metric, amount)
UNPIVOTED = ", ".join(f"('{metric}', e.{metric})" for metric in METRICS)
PARTS = [
    "SELECT 'effekt:timer:' || e.dimension, e.value, m.metric, m.amount"  # noqa: S608 (constants)
    f" FROM e, LATERAL (VALUES {UNPIVOTED}) AS m(metric, amount)",
    f"SELECT 'effekt:evidens', {STRONGEST}, '', COUNT(*) FROM s GROUP BY 2",  # noqa: S608 (constants)
    f"SELECT 'effekt:indikatorer', '', '', COUNT(*) FROM s WHERE {WITH_INDICATORS}",  # noqa: S608
    "SELECT 'effekt:tiltak', '', '', COUNT(*) FROM s",
]
PREFIX = "effekt:"


def is_effect_row(name: str) -> bool:
    return name.startswith(PREFIX)


@dataclass(frozen=True)
class Tally:
    """Ledger rows of one group: the hours estimated, the rows, those with an estimate, and
    the measures they belong to (all, and those with an estimate)."""

    hours: int = 0
    rows: int = 0
    estimated: int = 0
    measures: int = 0
    estimated_measures: int = 0

    @property
    def without_estimate(self) -> int:
        return self.rows - self.estimated


@dataclass
class EffectFigures:
    """The figures for a set of published measures (``measures`` of them)."""

    measures: int = 0
    hours: dict[str, dict[str, Tally]] = field(default_factory=dict)  # dimension → value
    evidence: dict[str, int] = field(default_factory=dict)  # strongest method ('' none) → n
    with_indicators: int = 0

    @property
    def total(self) -> Tally:
        return self.hours.get("alle", {}).get("", Tally())

    def by(self, dimension: str) -> dict[str, Tally]:
        return self.hours.get(dimension, {})

    @property
    def with_evidence(self) -> int:
        return sum(count for method, count in self.evidence.items() if method)

    @property
    def without_evidence(self) -> int:
        return self.evidence.get("", 0)


def figures_from_rows(rows) -> EffectFigures:
    """The figures from the parts' rows (other rows of a larger statement are skipped)."""
    figures = EffectFigures()
    metrics: dict[tuple[str, str], dict[str, int]] = {}
    for prefixed, key, metric, amount in rows:
        name = prefixed.removeprefix(PREFIX)
        if name.startswith("timer:"):
            dimension = name.removeprefix("timer:")
            metrics.setdefault((dimension, key or NOT_STATED), {})[metric] = amount
        elif name == "evidens":
            figures.evidence[key] = amount
        elif name == "indikatorer":
            figures.with_indicators = amount
        elif name == "tiltak":
            figures.measures = amount
    for (dimension, key), values in metrics.items():
        tally = Tally(**{metric: int(values.get(metric, 0)) for metric in METRICS})
        figures.hours.setdefault(dimension, {})[key] = tally
    return figures


def statement(entries) -> tuple[str, list]:
    """The parts alone, over ``entries`` (overview entries already narrowed)."""
    sql, params = entries.order_by().values(*ENTRY_COLUMNS).query.sql_with_params()
    parts = " UNION ALL ".join(PARTS)
    return f"WITH s AS MATERIALIZED ({sql}), {CTES} {parts}", list(params)


def _compute(entries) -> list[tuple]:
    sql, params = statement(entries)
    with read_connection(OverviewEntry).cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _published_figures(scope: str, entries, version: int | None) -> EffectFigures:
    """Figures of published ``entries``, computed once per data version and ``scope``."""
    rows = cache.cached_counts(
        AnonymousUser(),
        cache.data_version() if version is None else version,
        {"_source": ["effects"], "_scope": [scope]},
        lambda: _compute(entries),
    )
    return figures_from_rows(rows)


def _published():
    return OverviewEntry.objects.filter(workflow_status=WorkflowStatus.PUBLISERT)


def national_rows() -> list[tuple]:
    """Anyone: the figures of every published measure, as rows computed now (the front page
    caches them with its other content; ``figures_from_rows`` reads them)."""
    return _compute(_published())


def focus_area_figures(number: int, *, version: int | None = None) -> EffectFigures:
    """Anyone: the figures of the published measures in focus area ``number``."""
    entries = _published().filter(focus_area_numbers__contains=[number])
    return _published_figures(f"area-{number}", entries, version)
