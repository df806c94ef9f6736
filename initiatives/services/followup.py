"""Answering a follow-up question after a measure ended: once, by a leader of the owner, from
the work page or through an e-mail's one-click link (the link stands in for signing in, for
this one answer only)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import FollowUp, FollowUpAnswer
from tillit.core.audit import audit_record
from tillit.policy import Action, require


class AlreadyAnswered(ValidationError):
    """Somebody answered the question first; the answer given stands."""

    def __init__(self):
        super().__init__(
            _("This question has already been answered. The first answer stands."),
            code="already_answered",
        )


class LinkNotValid(ValidationError):
    """A link whose nonce no longer matches the question."""

    def __init__(self):
        super().__init__(_("This link is not valid."), code="link_not_valid")


def followup_answer(
    *, followup: FollowUp, answer: str, reason: str = "", by, nonce: str | None = None
) -> FollowUp:
    """Record ``by``'s answer (a leader of the owner). ``nonce`` is the link's, when the
    answer came through one. A question is answered once: a later answer is refused."""
    with transaction.atomic():
        current = (
            FollowUp.objects.select_for_update(of=("self",))
            .select_related("initiative")
            .get(pk=followup.pk)
        )
        if nonce is not None and nonce != current.nonce:
            raise LinkNotValid
        require(by, Action.FOLLOWUP_ANSWER, current)
        if current.is_answered:
            raise AlreadyAnswered
        current.answer = answer
        current.reason = reason.strip() if current.answer == FollowUpAnswer.STOPPED else ""
        current.answered_at = timezone.now()
        current.answered_by = by
        current.full_clean()
        current.save()
        audit_record(
            actor=by,
            action="initiative.followup_answered",
            obj=current.initiative,
            organisation_id=current.initiative.organisation_id,
            details={"round": current.round, "answer": current.answer, "by_link": bool(nonce)},
        )
    return current
