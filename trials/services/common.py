"""What the trial services share: the audit entry of a step, and stored documents."""

from __future__ import annotations

from django.db import transaction

from initiatives.attachments import clean_file_name
from initiatives.overview.cache import bump_data_version
from tillit.core.audit import audit_record

from ..models import TrialApplication, TrialDocument


def record(application: TrialApplication, *, by, code: str, details: dict | None = None):
    """The audit entry of one step (``trial.<code>``), under the measure's organisation."""
    transaction.on_commit(bump_data_version)
    audit_record(
        actor=by,
        action=f"trial.{code}",
        obj=application,
        organisation_id=application.initiative.organisation_id,
        details={"state": application.workflow_status, **(details or {})},
    )


def store_document(application: TrialApplication, *, kind: str, upload, content_type: str, by):
    """Keep an uploaded (already checked) file as the application's document of ``kind``."""
    upload.seek(0)
    return TrialDocument.objects.create(
        application=application,
        kind=kind,
        file=upload,
        original_name=clean_file_name(upload.name, content_type),
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
