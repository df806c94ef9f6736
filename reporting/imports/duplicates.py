"""The import's warning of likely duplicates: a new row whose title is the same as, or nearly
the same as, a measure the organisation has already registered. The row is still imported."""

from __future__ import annotations

from initiatives.similarity.duplicates import duplicates_of_titles

from .rows import CheckedRow


def warn_of_duplicates(rows: list[CheckedRow], *, organisation, user) -> None:
    """Sets ``duplicates`` on each new row (one without an ID of a measure to update)."""
    new = [row for row in rows if row.target is None and row.title.strip()]
    if not new:
        return
    titles = [row.title for row in new]
    found = duplicates_of_titles(titles, organisation_id=organisation.pk, user=user)
    for row, duplicates in zip(new, found, strict=True):
        row.duplicates = duplicates
