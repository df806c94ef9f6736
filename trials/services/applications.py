"""Writing an application from a measure: its applicants, the period sought and the rules
asked exemption from. Leaders of the measure's organisation write it; while it is a draft,
leaders of any applicant change it."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from initiatives.models import Initiative
from tillit.accounts.models import Organisation
from tillit.policy import Action, require

from ..models import Exemption, TrialApplication, TrialRound
from ..models.applications import APPLICANT_KINDS
from .common import record

EXEMPTION_FIELDS = ["legal_act", "other_act", "section", "obstacle", "alternative", "evaluation"]


@dataclass
class ApplicationInput:
    """What the form hands over: the round, the texts, the applicants and the exemptions
    (each a dict of ``EXEMPTION_FIELDS``)."""

    round: TrialRound
    title: str
    purpose: str
    period_years: int
    applicants: list[Organisation] = field(default_factory=list)
    exemptions: list[dict] = field(default_factory=list)
    form_token: UUID | None = None  # the create form's: its second post makes nothing new


def period_errors(trial_round: TrialRound, years: int | None) -> dict:
    if years and years > trial_round.max_years:
        return {
            "period_years": _("The round allows trials of at most %(years)s years.")
            % {"years": trial_round.max_years}
        }
    return {}


def _apply(application: TrialApplication, data: ApplicationInput) -> None:
    application.round = data.round
    application.title = data.title
    application.purpose = data.purpose
    application.period_years = data.period_years
    errors = {}
    try:
        application.full_clean(exclude=["initiative", "created_by"])
    except ValidationError as error:
        errors.update(error.message_dict)
    errors.update(period_errors(data.round, data.period_years))
    owner = application.initiative.organisation
    applicants = {org.pk: org for org in [owner, *data.applicants]}
    if any(org.kind not in APPLICANT_KINDS for org in applicants.values()):
        errors["applicants"] = [
            _("Only municipalities and county municipalities apply for trials.")
        ]
    if not data.exemptions:
        errors["exemptions"] = [_("Name at least one rule you ask exemption from.")]
    exemptions = [
        Exemption(**{k: row.get(k) or _blank(k) for k in EXEMPTION_FIELDS})
        for row in data.exemptions
    ]
    for number, exemption in enumerate(exemptions):
        try:
            exemption.full_clean(exclude=["application"])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(f"exemption-{number}-{name}", []).extend(messages)
    if errors:
        raise ValidationError(errors)
    application.save()
    application.applicants.set(applicants.values())
    application.exemptions.all().delete()
    for exemption in exemptions:
        exemption.application = application
        exemption.save()


def _blank(name: str):
    return None if name == "legal_act" else ""


def application_create(*, initiative: Initiative, by, data: ApplicationInput) -> TrialApplication:
    """Leaders of a municipality's or county municipality's measure write an application."""
    with transaction.atomic():
        require(by, Action.TRIAL_CREATE, initiative)
        earlier = _created_with(initiative, by, data.form_token)
        if earlier is not None:
            return earlier
        application = TrialApplication(
            initiative=initiative, created_by=by, form_token=data.form_token
        )
        _apply(application, data)
        record(application, by=by, code="created")
    return application


def _created_with(initiative: Initiative, by, token: UUID | None) -> TrialApplication | None:
    """The application an earlier post of the same form made; a second post waits on the
    measure's row until the first has committed."""
    if token is None:
        return None
    list(Initiative.objects.select_for_update().filter(pk=initiative.pk).values_list("pk"))
    return initiative.trial_applications.filter(form_token=token, created_by=by).first()


def application_update(*, application: TrialApplication, by, data: ApplicationInput):
    """Leaders of an applicant change the draft."""
    with transaction.atomic():
        current = (
            TrialApplication.objects.select_for_update(of=("self",))
            .select_related("initiative__organisation")
            .get(pk=application.pk)
        )
        require(by, Action.TRIAL_EDIT, current)
        _apply(current, data)
        record(current, by=by, code="edited")
    return current
