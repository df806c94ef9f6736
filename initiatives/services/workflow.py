"""Moving an initiative through its workflow: submit, publish or send back, archive, unpublish
(one ``Workflow`` table), and the union representative's assessment of employee involvement."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from initiatives import tasks, vocabulary
from initiatives.models import ChangeAction, Initiative, UnionAssessment, WorkflowStatus
from initiatives.notifications import emails
from tillit.policy import Action, require
from tillit.policy.roles import union_name_in

from .completeness import completeness_errors
from .history import record_change, snapshot
from .transitions import Move, Note, Transition, Workflow, note_given

DRAFT = WorkflowStatus.UTKAST
PENDING = WorkflowStatus.TIL_GODKJENNING
PUBLISHED = WorkflowStatus.PUBLISERT
ARCHIVED = WorkflowStatus.ARKIVERT


def _locked(initiative: Initiative) -> Initiative:
    return Initiative.objects.select_for_update().get(pk=initiative.pk)


def _must_be_complete(initiative: Initiative) -> None:
    errors = completeness_errors(initiative)
    if errors:
        raise ValidationError(errors)


def _first_publication(step: Move):
    return step.obj.published_at or timezone.now()


INITIATIVE_WORKFLOW = Workflow(
    lock=_locked,
    history_of=lambda initiative: initiative,
    versioned=True,
    transitions={
        "submit": Transition(
            sources=frozenset({DRAFT}),
            target=PENDING,
            permission=Action.INITIATIVE_SUBMIT,
            change=ChangeAction.SUBMITTED,
            checks=(_must_be_complete,),
            sets={"review_note": ""},
            tell=(emails.submitted,),
        ),
        "publish": Transition(
            sources=frozenset({PENDING}),
            target=PUBLISHED,
            permission=Action.INITIATIVE_REVIEW,
            change=ChangeAction.PUBLISHED,
            decision=True,
            sets={"published_at": _first_publication, "review_note": ""},
            queue=(tasks.initiative_published, vocabulary.learn_measure),
            tell=(emails.published, emails.builds_on_published),
        ),
        "return": Transition(
            sources=frozenset({PENDING}),
            target=DRAFT,
            permission=Action.INITIATIVE_REVIEW,
            change=ChangeAction.RETURNED,
            decision=True,
            note=Note("note", gettext_lazy("Tell the author what to change.")),
            sets={"review_note": note_given},
            tell=(emails.returned,),
        ),
        "archive": Transition(
            sources=frozenset({DRAFT, PENDING, PUBLISHED}),
            target=ARCHIVED,
            permission=Action.INITIATIVE_ARCHIVE,
            change=ChangeAction.ARCHIVED,
            queue=(tasks.text_withdrawn,),
        ),
        "unpublish": Transition(
            sources=frozenset({PUBLISHED}),
            target=DRAFT,
            permission=Action.INITIATIVE_UNPUBLISH,
            change=ChangeAction.UNPUBLISHED,
            note=Note("reason", gettext_lazy("Give the reason for unpublishing.")),
            sets={"review_note": note_given},
            queue=(tasks.text_withdrawn,),
            tell=(emails.unpublished,),
        ),
    },
)


def initiative_submit(*, initiative: Initiative, by) -> Initiative:
    """Staff or leaders send a complete draft to their leaders for approval."""
    return INITIATIVE_WORKFLOW.move("submit", initiative, by=by)


def initiative_publish(*, initiative: Initiative, by) -> Initiative:
    """A leader of the owner publishes a pending initiative."""
    return INITIATIVE_WORKFLOW.move("publish", initiative, by=by)


def initiative_return(*, initiative: Initiative, by, note: str) -> Initiative:
    """A leader of the owner sends a pending initiative back to draft, with a note."""
    return INITIATIVE_WORKFLOW.move("return", initiative, by=by, note=note)


def initiative_archive(*, initiative: Initiative, by) -> Initiative:
    """A leader of the owner archives an initiative; it leaves the public register."""
    return INITIATIVE_WORKFLOW.move("archive", initiative, by=by)


def initiative_unpublish(*, initiative: Initiative, by, reason: str) -> Initiative:
    """An editor takes a published initiative down, giving the reason."""
    return INITIATIVE_WORKFLOW.move("unpublish", initiative, by=by, note=reason)


def initiative_assess(*, initiative: Initiative, by, assessment: str, text: str) -> Initiative:
    """A union representative of the owner confirms, or records no involvement. Not a move
    between states: the workflow status stays as it is."""
    if assessment not in (UnionAssessment.BEKREFTET, UnionAssessment.IKKE_INVOLVERT):
        raise ValidationError({"assessment": _("Choose one of the answers.")})
    with transaction.atomic():
        current = _locked(initiative)
        require(by, Action.INITIATIVE_ASSESS, current)
        before = snapshot(current)
        current.union_assessment = assessment
        current.union_assessment_text = text.strip()
        current.union_assessment_union = union_name_in(by, current.organisation_id)
        current.union_assessed_by = by
        current.union_assessed_at = timezone.now()
        current.version += 1
        current.save()
        record_change(initiative=current, by=by, action=ChangeAction.ASSESSED, before=before)
    return current
