"""Writing and publishing experience reports. Each step is recorded in the measure's history
and the audit trail; publishing keeps the measure's "has an experience report" flag."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from initiatives.models import ExperienceReport, Initiative, WorkflowStatus
from tillit.policy import Action, require

from . import notify
from .history import record_change, snapshot

EDITABLE_FIELDS = [
    "title",
    "summary",
    "what_was_done",
    "what_worked",
    "challenges",
    "success_conditions",
    "advice",
    "transferability",
    "transferability_note",
    "outcomes",
    "contact_name",
    "contact_email",
]


def _record(report: ExperienceReport, *, by, action: str) -> None:
    initiative = report.initiative
    record_change(
        initiative=initiative, by=by, action=action, before=snapshot(initiative), note=report.title
    )


def _sync_flag(initiative_id: int) -> None:
    """The measure's flag (and through its trigger, the overview entry) follows its reports."""
    published = ExperienceReport.objects.filter(
        initiative=OuterRef("pk"), workflow_status=WorkflowStatus.PUBLISERT
    )
    Initiative.objects.filter(pk=initiative_id).update(has_experience=Exists(published))


def _locked(report: ExperienceReport) -> ExperienceReport:
    return (
        ExperienceReport.objects.select_for_update(of=("self",))
        .select_related("initiative")
        .get(pk=report.pk)
    )


def experience_create(*, initiative: Initiative, by, data: dict) -> ExperienceReport:
    """Staff and leaders of the measure's organisation write a report (a draft)."""
    with transaction.atomic():
        require(by, Action.EXPERIENCE_CREATE, initiative)
        report = ExperienceReport(initiative=initiative, created_by=by)
        for name in EDITABLE_FIELDS:
            if name in data:
                setattr(report, name, data[name])
        report.full_clean()
        report.save()
        _record(report, by=by, action="experience_written")
    return report


def experience_update(*, report: ExperienceReport, by, data: dict) -> ExperienceReport:
    """Staff and leaders of the organisation change a report, in any state."""
    with transaction.atomic():
        current = _locked(report)
        require(by, Action.EXPERIENCE_EDIT, current)
        for name in EDITABLE_FIELDS:
            if name in data:
                setattr(current, name, data[name])
        current.full_clean()
        current.save()
        _record(current, by=by, action="experience_edited")
    return current


def _move(report, *, by, permission, action, status, then=None, **changes) -> ExperienceReport:
    with transaction.atomic():
        current = _locked(report)
        require(by, permission, current)
        current.workflow_status = status
        for name, value in changes.items():
            setattr(current, name, value)
        current.save()
        _sync_flag(current.initiative_id)
        _record(current, by=by, action=action)
        if then:
            then(current)
    return current


def experience_submit(*, report: ExperienceReport, by) -> ExperienceReport:
    """Staff send a draft report to their leaders."""
    return _move(
        report,
        by=by,
        permission=Action.EXPERIENCE_SUBMIT,
        action="experience_submitted",
        status=WorkflowStatus.TIL_GODKJENNING,
    )


def experience_publish(*, report: ExperienceReport, by) -> ExperienceReport:
    """A leader of the organisation publishes a report of a published measure."""
    return _move(
        report,
        by=by,
        permission=Action.EXPERIENCE_PUBLISH,
        action="experience_published",
        status=WorkflowStatus.PUBLISERT,
        published_at=report.published_at or timezone.now(),
        then=notify.report_published,
    )


def experience_unpublish(*, report: ExperienceReport, by) -> ExperienceReport:
    """A leader of the organisation or an editor takes a published report back to draft."""
    return _move(
        report,
        by=by,
        permission=Action.EXPERIENCE_UNPUBLISH,
        action="experience_unpublished",
        status=WorkflowStatus.UTKAST,
    )
