"""The ranking of similar measures in one SQL statement over the overview's rows of published
measures (``OverviewEntry``). Candidates come through the GIN index of published search
vectors, a bounded number of each kind: those with all of the rarest three words (near-identical
measures), then those with any of the rarest five. Each candidate is scored by the rarity of
the words it shares (more in its title or summary than in its longer texts), the share of focus
areas in common, and the same kind and sector."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, transaction

from initiatives.models import WorkflowStatus

from .terms import Term

CLOSE_WORDS = 3
BROAD_WORDS = 5
PER_TIER = 80  # candidates of each kind: bounds the cost at any size of the register
TOP = 40  # ranked rows returned, for the caller to prefer other organisations among
# Below this share of the subject's word weight in common, a measure is not called similar
# (a word or two in common of several is a coincidence, not a likeness).
MIN_TEXT = 0.3
MIN_SHARED = 2  # words in common (of the subject's, when it has as many)
# How much each part of the likeness counts (the shared words weigh most).
WEIGHTS = {"text": 4.0, "areas": 1.0, "kind": 0.5, "sector": 0.5}


@dataclass(frozen=True)
class Subject:
    """What the other measures are compared with: a measure, or a form being filled in."""

    terms: list[Term]
    focus_numbers: list[int] = field(default_factory=list)
    kind: str = ""
    sector: str = ""
    exclude: int | None = None  # the measure itself


@dataclass(frozen=True)
class Ranked:
    initiative_id: int
    organisation_id: int
    score: float
    levels: list[int]  # per term: 2 shared in title or summary, 1 elsewhere, 0 not shared
    shared_areas: list[int]


TIER = """SELECT e.initiative_id FROM initiatives_overviewentry e
  WHERE e.workflow_status = %(published)s AND e.search_vector @@ {query}::tsquery
    AND e.initiative_id <> %(exclude)s{only_if}
  LIMIT %(per_tier)s"""
# The broad tier runs only when the close one found too few (a one-time filter).
STATEMENT = f"""
WITH close AS MATERIALIZED ({TIER.format(query="%(close)s", only_if="")}),
broad AS MATERIALIZED ({
    TIER.format(query="%(broad)s", only_if=" AND (SELECT count(*) FROM close) < %(per_tier)s")
}),
candidate AS MATERIALIZED (
  SELECT c.initiative_id, c.organisation_id, c.kind, c.sector, c.focus_area_numbers,
    c.search_vector || ''::tsvector AS vector  -- read (and decompressed) once, not per word
  FROM initiatives_overviewentry c
  WHERE c.initiative_id IN (SELECT initiative_id FROM close UNION SELECT initiative_id FROM broad)
)
SELECT c.initiative_id, c.organisation_id, m.levels, a.shared,
  %(w_text)s * m.text_weight
  + %(w_areas)s * cardinality(a.shared)::float8 / greatest(cardinality(%(areas)s::smallint[]), 1)
  + CASE WHEN c.kind <> '' AND c.kind = %(kind)s THEN %(w_kind)s ELSE 0 END
  + CASE WHEN c.sector <> '' AND c.sector = %(sector)s THEN %(w_sector)s ELSE 0 END AS score
FROM candidate c
CROSS JOIN LATERAL (
  SELECT array_agg(t.level ORDER BY t.n) AS levels, count(*) FILTER (WHERE t.level > 0) AS shared,
    sum(t.level * t.idf) / (2 * sum(t.idf)) AS text_weight
  FROM (
    SELECT term.n, term.idf, CASE WHEN c.vector @@ term.weighted THEN 2
      WHEN c.vector @@ term.query THEN 1 ELSE 0 END AS level
    FROM unnest(%(queries)s::tsquery[], %(weighted)s::tsquery[], %(idfs)s::float8[])
      WITH ORDINALITY AS term(query, weighted, idf, n)
  ) t
) m
CROSS JOIN LATERAL (
  SELECT ARRAY(SELECT unnest(c.focus_area_numbers) INTERSECT
    SELECT unnest(%(areas)s::smallint[]) ORDER BY 1) AS shared
) a
WHERE m.text_weight >= %(min_text)s AND m.shared >= %(min_shared)s
ORDER BY score DESC, c.initiative_id DESC
LIMIT %(top)s
"""  # noqa: S608 (constants; every value is a parameter)


def statement_params(subject: Subject) -> dict:
    terms = subject.terms
    return {
        "published": WorkflowStatus.PUBLISERT.value,
        "close": " & ".join(t.query for t in terms[:CLOSE_WORDS]),
        "broad": " | ".join(t.query for t in terms[:BROAD_WORDS]),
        "exclude": subject.exclude or 0,
        "per_tier": PER_TIER,
        "queries": [t.query for t in terms],
        "weighted": [t.weighted for t in terms],
        "idfs": [t.idf for t in terms],
        "areas": sorted(subject.focus_numbers),
        "kind": subject.kind,
        "sector": subject.sector,
        "top": TOP,
        "min_text": MIN_TEXT,
        "min_shared": min(MIN_SHARED, len(terms)),
        **{f"w_{name}": weight for name, weight in WEIGHTS.items()},
    }


def rank(subject: Subject) -> list[Ranked]:
    """The best-scored published measures like ``subject``, best first (at most ``TOP``)."""
    if not subject.terms:
        return []
    with transaction.atomic(), connection.cursor() as cursor:
        # A tier's LIMIT tempts the planner to scan the table until it has found enough
        # rows, which for rare words means reading all of it: the GIN index, always.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(STATEMENT, statement_params(subject))
        return [
            Ranked(
                initiative_id=pk,
                organisation_id=org,
                levels=levels,
                shared_areas=shared,
                score=float(score),
            )
            for pk, org, levels, shared, score in cursor.fetchall()
        ]
