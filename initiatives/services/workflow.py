"""Moving a measure through its workflow: submit, publish or send back, archive, unpublish,
and the union representative's assessment of employee involvement."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives import notifications
from initiatives.models import Initiative, UnionAssessment, WorkflowStatus
from tillit.policy import Action, can, require
from tillit.policy.roles import union_name_in

from . import notify
from .history import record_change, snapshot


class DecisionTooLate(PermissionDenied):
    """A leader decided on a measure that another leader had decided on meanwhile."""

    def __init__(self, initiative: Initiative):
        super().__init__(f"{initiative.pk} is {initiative.workflow_status} already")
        self.initiative = initiative


def _locked(initiative: Initiative) -> Initiative:
    return Initiative.objects.select_for_update().get(pk=initiative.pk)


def _move(
    initiative,
    *,
    by,
    permission,
    action,
    status,
    note="",
    on_commit=None,
    check=None,
    then=None,
    decision=False,
    **changes,
) -> Initiative:
    """Lock the row, check the policy on its current state, change it and record it.
    A ``decision`` on a state that changed since ``initiative`` was read is too late."""
    with transaction.atomic():
        current = _locked(initiative)
        moved = current.workflow_status != initiative.workflow_status
        if decision and moved and can(by, permission, initiative):
            raise DecisionTooLate(current)
        require(by, permission, current)
        if check:
            check(current)
        before = snapshot(current)
        current.workflow_status = status
        for name, value in changes.items():
            setattr(current, name, value)
        current.version += 1
        current.save()
        record_change(initiative=current, by=by, action=action, before=before, note=note)
        if then:  # inside the transaction: what it queues happens only if this commits
            then(current)
        if on_commit:
            transaction.on_commit(lambda: on_commit(current))
    return current


def initiative_submit(*, initiative: Initiative, by) -> Initiative:
    """Staff or leaders send a complete draft to their leaders for approval."""
    from .records import completeness_errors

    def complete(current):
        errors = completeness_errors(current)
        if errors:
            raise ValidationError(errors)

    return _move(
        initiative,
        by=by,
        permission=Action.INITIATIVE_SUBMIT,
        check=complete,
        action="submitted",
        status=WorkflowStatus.TIL_GODKJENNING,
        review_note="",
        on_commit=notifications.submitted,
    )


def initiative_publish(*, initiative: Initiative, by) -> Initiative:
    """A leader of the owner publishes a pending measure."""
    return _move(
        initiative,
        by=by,
        permission=Action.INITIATIVE_REVIEW,
        action="published",
        decision=True,
        status=WorkflowStatus.PUBLISERT,
        published_at=initiative.published_at or timezone.now(),
        review_note="",
        on_commit=notifications.published,
        then=notify.measure_published,
    )


def initiative_return(*, initiative: Initiative, by, note: str) -> Initiative:
    """A leader of the owner sends a pending measure back to draft, with a note."""
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Tell the author what to change.")})
    return _move(
        initiative,
        by=by,
        permission=Action.INITIATIVE_REVIEW,
        action="returned",
        decision=True,
        status=WorkflowStatus.UTKAST,
        note=note,
        review_note=note,
        on_commit=notifications.returned,
    )


def initiative_archive(*, initiative: Initiative, by) -> Initiative:
    """A leader of the owner archives a measure; it leaves the public register."""
    return _move(
        initiative,
        by=by,
        permission=Action.INITIATIVE_ARCHIVE,
        action="archived",
        status=WorkflowStatus.ARKIVERT,
    )


def initiative_unpublish(*, initiative: Initiative, by, reason: str) -> Initiative:
    """An editor takes a published measure down, giving the reason."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for unpublishing.")})
    return _move(
        initiative,
        by=by,
        permission=Action.INITIATIVE_UNPUBLISH,
        action="unpublished",
        status=WorkflowStatus.UTKAST,
        note=reason,
        review_note=reason,
        on_commit=notifications.unpublished,
    )


def initiative_assess(*, initiative: Initiative, by, assessment: str, text: str) -> Initiative:
    """A union representative of the owner confirms, or records no involvement."""
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
        record_change(initiative=current, by=by, action="assessed", before=before)
    return current
