"""Rounds of applications: the coordinating ministry opens and changes them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import transaction
from django.utils.translation import gettext as _

from tillit.core.audit import audit_record
from tillit.policy import Action, require

from ..models import TrialRound

# As long as the application form lets a period be sought; the approval's dates count on it.
LONGEST_TRIAL_YEARS = 20
FIELDS = ["title", "text", "preliminary_deadline", "final_deadline", "max_years", "accepts_outside"]


def _apply(trial_round: TrialRound, values: dict) -> TrialRound:
    for name in FIELDS:
        if name in values:
            setattr(trial_round, name, values[name])
    trial_round.full_clean()
    first, final = trial_round.preliminary_deadline, trial_round.final_deadline
    if first and final and final < first:
        raise ValidationError(
            {"final_deadline": _("The final deadline must come after the preliminary one.")}
        )
    if not trial_round.max_years:
        raise ValidationError({"max_years": _("A trial lasts at least one year.")})
    try:
        MaxValueValidator(LONGEST_TRIAL_YEARS)(trial_round.max_years)
    except ValidationError as error:
        raise ValidationError({"max_years": error.messages}) from None
    trial_round.save()
    return trial_round


def round_create(*, by, values: dict) -> TrialRound:
    """Departement users of the coordinating ministry open a round."""
    with transaction.atomic():
        require(by, Action.TRIAL_ROUND_MANAGE)
        trial_round = _apply(TrialRound(), values)
        audit_record(actor=by, action="trial.round_created", obj=trial_round)
    return trial_round


def round_update(*, trial_round: TrialRound, by, values: dict) -> TrialRound:
    """Departement users of the coordinating ministry change a round."""
    with transaction.atomic():
        require(by, Action.TRIAL_ROUND_MANAGE, trial_round)
        current = TrialRound.objects.select_for_update().get(pk=trial_round.pk)
        _apply(current, values)
        audit_record(actor=by, action="trial.round_changed", obj=current)
    return current
