"""Facet counts for the overview in one SQL statement.

Each option shows how many measures it would give: the count respects every *other* active
filter and ignores the facet's own selection. The statement has one part per facet with a
selection (the measures passing every other filter, grouped by that facet; PostgreSQL
combines the GIN text index with the facet columns' indexes in bitmap scans for each), and
takes the measures passing every filter once (``a``) to group the facets without a
selection and to give the total.

It runs over the narrow overview entries (``OverviewEntry``: the facet columns and search
vector of each measure, kept by the database), so no joins are needed and a broad search
reads short rows.
"""

from __future__ import annotations

from functools import reduce
from operator import and_

from django.db import connection
from django.db.models import Q

from initiatives.filters import FACET_FIELDS, facet_condition

from .params import CONFIRMATION, Reference


def _grouped(source: str, name: str) -> str:
    column = FACET_FIELDS[name]
    if name == "fokusomrade":
        return (
            f"SELECT '{name}', n::text, COUNT(*) FROM {source} s,"  # noqa: S608 (constants)
            f" unnest(s.{column}) n GROUP BY 2"
        )
    return f"SELECT '{name}', {column}::text, COUNT(*) FROM {source} s GROUP BY 2"  # noqa: S608


def _sql(queryset) -> tuple[str, list]:
    sql, params = queryset.values(*FACET_FIELDS.values()).query.sql_with_params()
    return sql, list(params)


def facet_counts(base_queryset, selected: dict[str, list[str]], reference: Reference) -> dict:
    """Counts per facet option, keyed by the public values, plus ``_total``.

    ``base_queryset`` holds what every facet shares: visibility and the text search.
    ``selected`` holds the validated facet selections in their public form."""
    base = base_queryset.order_by()
    conditions = {
        name: facet_condition(name, values, reference)
        for name, values in selected.items()
        if values
    }
    passing_sql, params = _sql(base.filter(reduce(and_, conditions.values(), Q())))
    parts = [_grouped("a", name) for name in FACET_FIELDS if name not in conditions]
    for name in conditions:
        others = [condition for other, condition in conditions.items() if other != name]
        sql, own_params = _sql(base.filter(reduce(and_, others, Q())))
        parts.append(_grouped(f"({sql})", name))
        params += own_params
    statement = (
        f"WITH a AS MATERIALIZED ({passing_sql}) "  # noqa: S608 (values are parameters)
        + " UNION ALL ".join([*parts, "SELECT '_total', '', COUNT(*) FROM a"])
    )
    counts: dict[str, dict[str, int]] = {name: {} for name in [*FACET_FIELDS, "_total"]}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for name, value, count in cursor.fetchall():
            if value is not None:
                counts[name][value] = count
    return _public(counts, reference)


def _public(counts: dict[str, dict[str, int]], reference: Reference) -> dict:
    """Stored values → the public values of the URL contract."""
    confirmation = {stored: public for public, stored in CONFIRMATION.items()}
    ministries = reference.ministry_names
    slugs = reference.focus_slugs
    counts["bekreftet"] = {
        confirmation[k]: v for k, v in counts["bekreftet"].items() if k in confirmation
    }
    counts["departement"] = {
        ministries[int(k)]: v for k, v in counts["departement"].items() if int(k) in ministries
    }
    counts["fokusomrade"] = {
        slugs[int(k)]: v for k, v in counts["fokusomrade"].items() if int(k) in slugs
    }
    counts["_total"] = {"": counts["_total"].get("", 0)}
    return counts
