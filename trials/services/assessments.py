"""A responsible ministry's assessment of an application under assessment (not a move
between states: the coordinating ministry decides when all have spoken)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tillit.accounts.models import Organisation
from tillit.policy import Action, require

from .. import notifications
from ..models import MinistryAssessment, TrialApplication, Verdict
from ..rules.roles import concerned_ministries
from .common import record


def application_assess(
    *, application: TrialApplication, by, ministry: Organisation, verdict: str, reasons: str
) -> MinistryAssessment:
    """Departement users of a responsible ministry record (or change) its assessment."""
    errors = {}
    if verdict not in Verdict.values:
        errors["verdict"] = _("Choose one of the assessments.")
    if not reasons.strip():
        errors["reasons"] = _("Give the reasons for the assessment.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = TrialApplication.objects.select_for_update(of=("self",)).get(pk=application.pk)
        require(by, Action.TRIAL_ASSESS, current)
        if ministry.pk not in concerned_ministries(by, current):
            raise ValidationError({"ministry": _("Choose a ministry you assess for.")})
        assessment, _created = MinistryAssessment.objects.update_or_create(
            application=current,
            ministry=ministry,
            defaults={"verdict": verdict, "reasons": reasons.strip(), "assessed_by": by},
        )
        record(current, by=by, code="assessed", details={"ministry": ministry.short_name})
        transaction.on_commit(lambda: notifications.assessed(assessment))
    return assessment
