"""Facet counts for the overview, and a search's page of results, in one SQL statement.

Each option shows how many measures it would give: the count respects every *other* active
filter and ignores the facet's own selection. The statement reads the measures once: ``m``
holds those that pass every selected facet but at most one (with a flag per selected facet),
``a`` those that pass them all. The facets without a selection are grouped over ``a``, each
selected facet over the rows of ``m`` that pass every *other* facet, and ``a`` gives the
total and, when asked, the ids of one page of results in the requested order.

With a selection, ``m`` is narrow: the row's address (``ctid``), the selected facets' own
columns and the flags, and it is never stored: ``g`` counts its rows per combination of the
selected facets' values as they are read (a few hundred groups at most), keeping only the
addresses of the rows that pass every facet. For a common word ``m`` has many times more
rows than ``a`` (a search for "kommunen" with a kind and a county: 6 500 rows in ``m``, 300
in ``a``), so the wide columns, and a search's rank, are read only for the rows of ``a``,
fetched again by their address (a TID scan, no index) within the same statement.

It runs over the narrow overview entries (``OverviewEntry``: the facet columns, sort keys
and search vector of each measure, kept by the database), so no joins are needed and a broad
search reads short rows, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db.models import BooleanField, ExpressionWrapper, F, Q, TextField
from django.db.models.expressions import RawSQL

from initiatives.models import OverviewEntry
from tillit.core.routing import read_connection

from .reference import Reference
from .registry import BY_NAME, COLUMNS, FACETS


@dataclass
class FacetCounts:
    """What the facet statement found: per facet, the number of rows per public value; the
    number passing every selected facet; and, when a page was asked for, its ids in order."""

    options: dict[str, dict[str, int]]
    total: int
    page_ids: list[int] | None = None


@dataclass(frozen=True)
class Window:
    """One page of results: sorted by ``key`` (a field of the entries, or the ``rank``
    annotation of a text search), then by id in the same direction."""

    key: str
    descending: bool
    offset: int
    limit: int

    @property
    def order_sql(self) -> str:
        direction = "DESC NULLS LAST" if self.descending else "ASC"
        return f"sort {direction}, row_id {'DESC' if self.descending else 'ASC'}"


def _flag(name: str) -> str:
    return f"in_{name}"


def _selected_counts(name: str, where: str) -> str:
    """A selected facet's counts: the groups of ``g`` that pass every *other* facet."""
    column = BY_NAME[name].column
    if BY_NAME[name].many:
        return (
            f"SELECT '{name}', n::text, SUM(hits)::bigint"  # noqa: S608 (constants)
            f" FROM g, unnest(g.{column}) n{where} GROUP BY 2"
        )
    return f"SELECT '{name}', {column}::text, SUM(hits)::bigint FROM g{where} GROUP BY 2"  # noqa: S608


def _unselected_sql(names: list[str]) -> str:
    """``s``: the rows of ``a`` counted per value of each facet without a selection, and in
    all (``_total``), in one pass over ``a`` (grouping sets). An array facet (a measure's
    focus areas) is counted per combination here, in ``areas``, and spread over its values
    afterwards (``_spread_sql``)."""
    columns = {name: BY_NAME[name].column for name in names}
    if not columns:
        return "SELECT '_total' AS facet, '' AS value, NULL AS areas, COUNT(*) AS hits FROM a"
    facet = " ".join(f"WHEN GROUPING({c}) = 0 THEN '{n}'" for n, c in columns.items())
    value = " ".join(
        f"WHEN GROUPING({c}) = 0 THEN {'NULL' if BY_NAME[n].many else f'{c}::text'}"
        for n, c in columns.items()
    )
    arrays = [c for n, c in columns.items() if BY_NAME[n].many]
    if len(arrays) > 1:  # one column for arrays of different types: as text
        areas = f"CASE {' '.join(f'WHEN GROUPING({c}) = 0 THEN {c}::text[]' for c in arrays)} END"
    else:
        areas = arrays[0] if arrays else "NULL"
    sets = ", ".join(f"({column})" for column in columns.values())
    return (
        f"SELECT CASE {facet} ELSE '_total' END AS facet,"  # noqa: S608 (constants)
        f" CASE {value} ELSE '' END AS value, {areas} AS areas, COUNT(*) AS hits"
        f" FROM a GROUP BY GROUPING SETS ({sets}, ())"
    )


def _spread_sql(name: str) -> str:
    """An unselected array facet's counts: its combinations in ``s`` spread over the values."""
    return (
        f"SELECT '{name}', n::text, SUM(hits)::bigint"  # noqa: S608 (constants)
        f" FROM s, unnest(s.areas) n WHERE facet = '{name}' GROUP BY 2"
    )


def _combinations_sql(names: list[str]) -> str:
    """``g``: the rows of ``m`` counted per combination of the selected facets' values
    (a few hundred groups at most), with the addresses of the rows passing every facet."""
    own = ", ".join(BY_NAME[name].column for name in names)
    flags = ", ".join(_flag(name) for name in names)
    passing = " AND ".join(_flag(name) for name in names)
    return (
        f"SELECT {own}, {flags}, COUNT(*) AS hits,"  # noqa: S608 (constants)
        f" array_agg(tid) FILTER (WHERE {passing}) AS tids FROM m GROUP BY {own}, {flags}"
    )


def _where(flags: list[str]) -> str:
    return f" WHERE {' AND '.join(flags)}" if flags else ""


def _rows_sql(base, conditions: dict[str, Q], window: Window | None) -> tuple[str, list]:
    """``m``: the measures passing all selected facets but at most one, flagged per facet.
    Without a selection, every facet column (and the sort key); with one, only what the
    selected facets are grouped by, and the row's address for ``_passing_all_sql``."""
    names = list(conditions)
    if not names:
        columns = {"row_id": F("pk")}
        if window is not None:
            columns["sort"] = F(window.key)
        return _sql(base.annotate(**columns).values(*COLUMNS, *columns))
    if len(names) > 1:
        base = base.filter(
            reduce(or_, [reduce(and_, [conditions[o] for o in names if o != n]) for n in names])
        )
    columns = {
        _flag(name): ExpressionWrapper(condition, output_field=BooleanField())
        for name, condition in conditions.items()
    }
    address = f'"{base.model._meta.db_table}".ctid'  # the row's address, within this statement
    columns["tid"] = RawSQL(address, (), output_field=TextField())  # noqa: S611 (constants)
    own = [BY_NAME[name].column for name in names]
    return _sql(base.annotate(**columns).values(*own, *columns))


def _passing_all_sql(base, flags: list[str], window: Window | None) -> tuple[str, list]:
    """``a`` when facets are selected: the rows of ``m`` passing them all, read again by
    their address, with every facet column and (for a page) the sort key."""
    table = base.model._meta.db_table
    picked = RawSQL(  # noqa: S611 (constants: the table and the flags' names)
        f'"{table}".ctid = ANY(ARRAY(SELECT unnest(tids) FROM g WHERE {" AND ".join(flags)}))',  # noqa: S608
        (),
        output_field=BooleanField(),
    )
    columns = {"row_id": F("pk")}
    if window is not None:
        columns["sort"] = F(window.key)
    return _sql(base.filter(picked).annotate(**columns).values(*COLUMNS, *columns))


def _sql(queryset) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def facet_counts(
    base_queryset, selected: dict[str, list[str]], reference: Reference, window=None
) -> FacetCounts:
    """Counts per facet option, keyed by the public values, the total and, with a
    ``window``, the ids of that page of results in order.

    ``base_queryset`` holds what every facet shares: visibility and the text search (and its
    ``rank``). ``selected`` holds the validated facet selections in their public form."""
    conditions = {
        name: BY_NAME[name].condition(values, reference)
        for name, values in selected.items()
        if values
    }
    base = base_queryset.order_by()
    rows_sql, params = _rows_sql(base, conditions, window)
    flags = [_flag(name) for name in conditions]  # the flags of m, not its tid
    if flags:
        passing_sql, passing_params = _passing_all_sql(base, flags, window)
        passing = f"a AS MATERIALIZED ({passing_sql})"
        params += passing_params
    else:  # without a selection every row of m passes: a is then only another name for it
        passing = "a AS NOT MATERIALIZED (SELECT * FROM m)"
    unselected = [facet.name for facet in FACETS if facet.name not in conditions]
    parts = ["SELECT facet, value, hits FROM s WHERE value IS NOT NULL"]
    parts += [_spread_sql(name) for name in unselected if BY_NAME[name].many]
    for name in conditions:
        parts.append(_selected_counts(name, _where([f for f in flags if f != _flag(name)])))
    if window is not None:
        parts.append(
            "SELECT '_page', p.id::text, p.n FROM unnest(ARRAY("  # noqa: S608 (constants)
            f"SELECT row_id FROM a ORDER BY {window.order_sql} LIMIT %s OFFSET %s"
            ")) WITH ORDINALITY AS p(id, n)"
        )
        params += [window.limit, window.offset]
    if flags:
        grouped = f"g AS MATERIALIZED ({_combinations_sql(list(conditions))})"
        ctes = f"m AS NOT MATERIALIZED ({rows_sql}), {grouped}, {passing}"
    else:
        ctes = f"m AS MATERIALIZED ({rows_sql}), {passing}"
    ctes += f", s AS MATERIALIZED ({_unselected_sql(unselected)})"
    statement = f"WITH {ctes} " + " UNION ALL ".join(parts)
    counts: dict[str, dict[str, int]] = {facet.name: {} for facet in FACETS}
    total, page = 0, []
    with read_connection(OverviewEntry).cursor() as cursor:
        cursor.execute(statement, params)
        for name, value, count in cursor.fetchall():
            if name == "_page":
                page.append((count, int(value)))
            elif name == "_total":
                total = count
            elif value is not None:
                counts[name][value] = count
    page_ids = [pk for _n, pk in sorted(page)] if window is not None else None
    return FacetCounts(_public(counts, reference), total, page_ids)


def page_of_few(queryset, window: Window) -> list[int]:
    """The ids of one page of ``queryset`` (narrow entries, already filtered) in ``window``'s
    order, for a selection known to match few rows: they are a MATERIALIZED common table
    expression, planned for all its rows (through the facets' indexes) and sorted. Asked
    with ORDER BY … LIMIT 20, the planner walks the index of the order until 20 rows pass,
    and for a rare selection that meant reading most of a million measures (3.5–5.3 s)."""
    rows = queryset.order_by().annotate(row_id=F("pk"), sort=F(window.key))
    sql, params = _sql(rows.values("row_id", "sort"))
    statement = (
        f"WITH hits AS MATERIALIZED ({sql}) SELECT row_id FROM hits"  # noqa: S608
        f" ORDER BY {window.order_sql} LIMIT %s OFFSET %s"
    )
    with read_connection(queryset.model).cursor() as cursor:
        cursor.execute(statement, [*params, window.limit, window.offset])
        return [row_id for (row_id,) in cursor.fetchall()]


def any_match(queryset) -> bool:
    """Whether ``queryset`` has a row, planned as if all its rows were wanted: the rows are a
    MATERIALIZED common table expression, which PostgreSQL plans on its own for every row and
    reads lazily. (``exists()`` adds LIMIT 1, and for a word the statistics do not know the
    planner then expects an early match from a sequential scan: at a million measures a word
    with no match read every row, 6 s. Planned for all rows, the search index is used, and
    its bitmap of no match costs nothing.)"""
    sql, params = _sql(queryset.order_by().values("pk"))
    with read_connection(queryset.model).cursor() as cursor:
        statement = f"WITH hits AS MATERIALIZED ({sql}) SELECT EXISTS (SELECT FROM hits)"  # noqa: S608
        cursor.execute(statement, params)
        return cursor.fetchone()[0]


def _public(counts: dict[str, dict[str, int]], reference: Reference) -> dict:
    """Stored values → the public values of the URL contract (unknown stored values go)."""
    for facet in FACETS:
        public = facet.public(reference)
        if public is not None:
            counts[facet.name] = {
                public[k]: v for k, v in counts[facet.name].items() if k in public
            }
    return counts
