"""Importing measures from a file. Leaders import into their own organisation, editors into
any. The upload becomes a batch only its owner sees; confirming checks every row again and
saves them through ``initiative_create`` (new drafts) or, for a row with the ID of a measure
the importer may edit, ``initiative_update`` (validation, history and audit there)."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from initiatives.services.records import initiative_create, initiative_update
from reporting.models import ImportBatch
from tillit.accounts.models import Organisation
from tillit.core.audit import audit_record
from tillit.policy import Action, require

from .parsing import ParsedFile
from .rows import CheckedRow
from .validation import check_rows
from .versions import remember_versions

logger = logging.getLogger(__name__)


def import_preview(
    *, organisation: Organisation, by, parsed: ParsedFile, file_name: str, mode: str
) -> ImportBatch:
    """Keep the file's rows on the server until the uploader confirms (nothing is saved),
    with the version of each measure a row updates, as it is now."""
    require(by, Action.INITIATIVE_IMPORT, organisation)
    remember_versions(parsed.rows)
    batch = ImportBatch(
        organisation=organisation,
        created_by=by,
        file_name=file_name[-200:],
        mode=mode,
        rows=parsed.rows,
        ignored_columns=parsed.ignored_columns,
    )
    batch.full_clean()
    batch.save()
    return batch


def import_commit(*, batch: ImportBatch, by, mode: str, request=None) -> ImportBatch:
    """Save the batch's rows as drafts of its organisation. ``all``: one transaction, so any
    failing row (also at save time) leaves everything unsaved; ``valid``: each valid row on
    its own, the rest reported."""
    require(by, Action.INITIATIVE_IMPORT, batch.organisation)
    if batch.created_by_id != by.pk:
        raise PermissionDenied("only the uploader saves a batch")
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != ImportBatch.Status.PREVIEW:
            raise ValidationError(_("This file has already been imported."), code="saved")
        rows = check_rows(locked.rows, organisation=locked.organisation, user=by)
        invalid = sum(not row.is_valid for row in rows)
        if mode == ImportBatch.Mode.ALL_OR_NONE and invalid:
            raise ValidationError(
                ngettext(
                    "%(count)s row has errors, so nothing was saved. Correct the file and "
                    "upload it again, or choose to save only the valid rows.",
                    "%(count)s rows have errors, so nothing was saved. Correct the file and "
                    "upload it again, or choose to save only the valid rows.",
                    invalid,
                ),
                params={"count": invalid},
                code="invalid_rows",
            )
        if invalid == len(rows):
            raise ValidationError(
                _("No row can be saved. Correct the file and upload it again."), code="none"
            )
        created, updated, failed = [], [], {}
        for row in rows:
            if not row.is_valid:
                continue
            try:
                if row.target is None:
                    created.append(_create(row, locked, by))
                else:
                    updated.append(_update(row, by))
            except (ValidationError, DatabaseError) as error:
                problems = _problems(error, row)
                if mode == ImportBatch.Mode.ALL_OR_NONE:
                    raise ValidationError(
                        _("Row %(line)s could not be saved (%(problem)s), so nothing was saved."),
                        params={"line": row.line, "problem": " ".join(problems)},
                        code="save_failed",
                    ) from error
                failed[str(row.line)] = problems
        locked.status = ImportBatch.Status.SAVED
        locked.mode = mode
        locked.saved_at = timezone.now()
        locked.result = {
            "created": [initiative.pk for initiative in created],
            "updated": [initiative.pk for initiative in updated],
            "failed": failed,
        }
        locked.save(update_fields=["status", "mode", "saved_at", "result"])
        audit_record(
            actor=by,
            action="initiative.imported",
            obj=locked,
            organisation_id=locked.organisation_id,
            details={
                "mode": mode,
                "rows": len(rows),
                "created": locked.result["created"],
                "updated": locked.result["updated"],
                "skipped_lines": [row.line for row in rows if not row.is_valid],
                "failed_lines": sorted(int(line) for line in failed),
            },
            request=request,
        )
    return locked


def _create(row: CheckedRow, batch: ImportBatch, by):
    return initiative_create(
        organisation=batch.organisation,
        by=by,
        data=row.to_input(),
        permission=Action.INITIATIVE_IMPORT,
    )


def _update(row: CheckedRow, by):
    """Inside the commit's transaction: refused when the measure changed after the version
    the row was made from (the file's, or the one at upload)."""
    target = row.target
    expected = target.version if row.expected_version is None else row.expected_version
    return initiative_update(
        initiative=target, by=by, data=row.to_input(), expected_version=expected
    )


def _problems(error: Exception, row: CheckedRow) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    logger.exception("Import row %s of a batch could not be saved", row.line)
    return [_("The database refused the row.")]
