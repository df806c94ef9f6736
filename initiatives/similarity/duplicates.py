"""Likely duplicates: measures of the same organisation with the same or a near-identical
title (pg_trgm's ``similarity``; where the server lacks pg_trgm, only the same title, case and
spacing aside). Archived measures are left out. A warning, never a refusal."""

from __future__ import annotations

from django.db import connection

from initiatives.models import Initiative, WorkflowStatus
from initiatives.overview.search import trigram_available

THRESHOLD = 0.6  # pg_trgm's similarity of two titles counted as near-identical
PER_TITLE = 3
SAME = "regexp_replace(lower(btrim({})), '\\s+', ' ', 'g')"
STATEMENT = """
SELECT r.n, i.id FROM unnest(%(titles)s::text[]) WITH ORDINALITY AS r(title, n)
JOIN initiatives_initiative i ON i.organisation_id = %(organisation)s
  AND i.id <> ALL(%(exclude)s) AND i.workflow_status <> %(archived)s
  AND ({same_title}{near})
ORDER BY r.n, {closeness} DESC, i.id
"""


def _statement() -> str:
    same = f"{SAME.format('i.title')} = {SAME.format('r.title')}"
    if trigram_available():
        return STATEMENT.format(
            same_title=same,
            near=" OR similarity(i.title, r.title) >= %(threshold)s",
            closeness="similarity(i.title, r.title)",
        )
    return STATEMENT.format(same_title=same, near="", closeness="1")


def duplicates_of_titles(
    titles: list[str], *, organisation_id: int, user, exclude: tuple[int, ...] = ()
) -> list[list[Initiative]]:
    """For each title, the organisation's measures (visible to ``user``) it likely repeats,
    the closest first; two queries however many titles (an import's rows)."""
    found: list[list[int]] = [[] for _ in titles]
    wanted = [title.strip() for title in titles]
    if not any(wanted):
        return [[] for _ in titles]
    with connection.cursor() as cursor:
        cursor.execute(
            _statement(),
            {
                "titles": wanted,
                "organisation": organisation_id,
                "exclude": list(exclude) or [0],
                "archived": WorkflowStatus.ARKIVERT.value,
                "threshold": THRESHOLD,
            },
        )
        for n, pk in cursor.fetchall():
            if wanted[n - 1] and len(found[n - 1]) < PER_TITLE:
                found[n - 1].append(pk)
    ids = {pk for pks in found for pk in pks}
    if not ids:
        return [[] for _ in titles]
    visible = Initiative.objects.visible_to(user).filter(pk__in=ids)
    measures = visible.only("title", "workflow_status").in_bulk()
    return [[measures[pk] for pk in pks if pk in measures] for pks in found]


def likely_duplicates(*, title: str, organisation_id: int, user, exclude: int | None = None):
    """The organisation's measures that ``title`` likely repeats (``exclude``: the measure
    being edited)."""
    return duplicates_of_titles(
        [title], organisation_id=organisation_id, user=user, exclude=(exclude,) if exclude else ()
    )[0]
