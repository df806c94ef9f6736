"""Reading imports: a batch only for its uploader, its rows checked afresh, its results."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from initiatives.models import Initiative
from reporting.models import ImportBatch

from .rows import CheckedRow
from .validation import check_rows


def import_batch_of(*, user, organisation, pk) -> ImportBatch:
    """The user's own batch for this organisation, or 404 (anyone else's batch is hidden)."""
    return get_object_or_404(ImportBatch.objects.owned_by(user, organisation), pk=pk)


def import_preview_rows(batch: ImportBatch) -> list[CheckedRow]:
    """Every row of the file with its values and errors, checked again now."""
    return check_rows(batch.rows, organisation=batch.organisation, user=batch.created_by)


def imported_initiatives(batch: ImportBatch) -> QuerySet[Initiative]:
    return Initiative.objects.filter(pk__in=batch.result.get("created", [])).order_by("pk")


def updated_initiatives(batch: ImportBatch) -> QuerySet[Initiative]:
    return Initiative.objects.filter(pk__in=batch.result.get("updated", [])).order_by("pk")
