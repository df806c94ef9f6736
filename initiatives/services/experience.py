"""Writing and publishing experience reports (one ``Workflow`` table). Each step is recorded in
the initiative's history and the audit trail; publishing keeps its "has an experience report"
flag."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from initiatives import tasks, vocabulary
from initiatives.models import ChangeAction, ExperienceReport, Initiative, WorkflowStatus
from initiatives.models.experience import WRITTEN_FIELDS
from initiatives.search.indexing import prepare_report
from tillit.policy import Action, require

from .effects import indicators_replace
from .history import record_change, snapshot
from .transitions import Transition, Workflow

DRAFT = WorkflowStatus.UTKAST
PENDING = WorkflowStatus.TIL_GODKJENNING
PUBLISHED = WorkflowStatus.PUBLISERT

EDITABLE_FIELDS = [*WRITTEN_FIELDS, "contact_name", "contact_email", "evidence_methods"]


def _record(report: ExperienceReport, *, by, action: ChangeAction) -> None:
    initiative = report.initiative
    record_change(
        initiative=initiative, by=by, action=action, before=snapshot(initiative), note=report.title
    )


def _save_indicators(report: ExperienceReport, data: dict) -> None:
    """``data["indicators"]``: the report's rows (None or absent: leave them as they are)."""
    if data.get("indicators") is not None:
        indicators_replace(initiative=report.initiative, report=report, rows=data["indicators"])


def _sync_flag(initiative_id: int) -> None:
    """The initiative's flag (and through its trigger, the overview entry) follows its reports."""
    published = ExperienceReport.objects.filter(
        initiative=OuterRef("pk"), workflow_status=PUBLISHED
    )
    Initiative.objects.filter(pk=initiative_id).update(has_experience=Exists(published))


def _locked(report: ExperienceReport) -> ExperienceReport:
    return (
        ExperienceReport.objects.select_for_update(of=("self",))
        .select_related("initiative")
        .get(pk=report.pk)
    )


def experience_create(*, initiative: Initiative, by, data: dict) -> ExperienceReport:
    """Staff and leaders of the initiative's organisation write a report (a draft); its
    indicators too (``data["indicators"]``: rows, as for a measure)."""
    with transaction.atomic():
        require(by, Action.EXPERIENCE_CREATE, initiative)
        report = ExperienceReport(initiative=initiative, created_by=by)
        for name in EDITABLE_FIELDS:
            if name in data:
                setattr(report, name, data[name])
        report.full_clean()
        prepare_report(report)
        report.save()
        _save_indicators(report, data)
        _record(report, by=by, action=ChangeAction.EXPERIENCE_WRITTEN)
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
        prepare_report(current)
        current.save()
        _save_indicators(current, data)
        _record(current, by=by, action=ChangeAction.EXPERIENCE_EDITED)
        if current.workflow_status == PUBLISHED:
            tasks.text_changed(current)
    return current


EXPERIENCE_WORKFLOW = Workflow(
    lock=_locked,
    history_of=lambda report: report.initiative,
    history_note=lambda report, note: report.title,
    after_save=lambda report: _sync_flag(report.initiative_id),
    transitions={
        "submit": Transition(
            sources=frozenset({DRAFT}),
            target=PENDING,
            permission=Action.EXPERIENCE_SUBMIT,
            change=ChangeAction.EXPERIENCE_SUBMITTED,
        ),
        "publish": Transition(
            sources=frozenset({DRAFT, PENDING}),
            target=PUBLISHED,
            permission=Action.EXPERIENCE_PUBLISH,
            change=ChangeAction.EXPERIENCE_PUBLISHED,
            sets={"published_at": lambda step: step.obj.published_at or timezone.now()},
            queue=(tasks.report_published, vocabulary.learn_report),
        ),
        "unpublish": Transition(
            sources=frozenset({PUBLISHED}),
            target=DRAFT,
            permission=Action.EXPERIENCE_UNPUBLISH,
            change=ChangeAction.EXPERIENCE_UNPUBLISHED,
            queue=(tasks.text_withdrawn,),
        ),
    },
)


def experience_submit(*, report: ExperienceReport, by) -> ExperienceReport:
    """Staff send a draft report to their leaders."""
    return EXPERIENCE_WORKFLOW.move("submit", report, by=by)


def experience_publish(*, report: ExperienceReport, by) -> ExperienceReport:
    """A leader of the organisation publishes a report of a published initiative."""
    return EXPERIENCE_WORKFLOW.move("publish", report, by=by)


def experience_unpublish(*, report: ExperienceReport, by) -> ExperienceReport:
    """A leader of the organisation or an editor takes a published report back to draft."""
    return EXPERIENCE_WORKFLOW.move("unpublish", report, by=by)
