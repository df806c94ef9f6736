"""The states of an application for a trial, and the answers given along the way."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrialStatus(models.TextChoices):
    DRAFT = "utkast", _("Draft")
    PRELIMINARY_SENT = "forhandssoknad_sendt", _("Preliminary application sent")
    UNDER_ASSESSMENT = "til_vurdering", _("Under assessment")
    SELECTED = "valgt_ut", _("Selected")
    NOT_SELECTED = "ikke_valgt", _("Not selected")
    FINAL_SENT = "soknad_sendt", _("Final application sent")
    APPROVED = "godkjent", _("Approved")
    REFUSED = "avslatt", _("Refused")
    RUNNING = "pagar", _("Running")
    EVALUATED = "evaluert", _("Evaluated")
    ENDED = "avsluttet", _("Ended")


# Decided: the application, its decision with reasons and (once approved) the trial are public.
DECIDED_STATES = frozenset(
    {
        TrialStatus.NOT_SELECTED,
        TrialStatus.REFUSED,
        TrialStatus.APPROVED,
        TrialStatus.RUNNING,
        TrialStatus.EVALUATED,
        TrialStatus.ENDED,
    }
)
# Trials granted: approved and afterwards.
GRANTED_STATES = frozenset(
    {TrialStatus.APPROVED, TrialStatus.RUNNING, TrialStatus.EVALUATED, TrialStatus.ENDED}
)


class Verdict(models.TextChoices):
    RECOMMENDED = "anbefalt", _("Recommended")
    NOT_RECOMMENDED = "ikke_anbefalt", _("Not recommended")
    NEEDS_CLARIFICATION = "avklaring", _("Needs clarification")


class Outcome(models.TextChoices):
    PERMANENT = "varig", _("Made permanent by a change of law")
    EXTENDED = "forlenget", _("Extended")
    STOPPED = "stanset", _("Stopped")


class DocumentKind(models.TextChoices):
    COUNCIL_DECISION = "vedtak", _("The council's decision")
    EVALUATION = "evaluering", _("Evaluation report")
