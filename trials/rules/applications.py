"""Who sees an application and who may move it. Applicants' leaders write and send it; the
measure's responsible ministries assess it; the coordinating ministry opens rounds, selects and
decides (with a responsible ministry deciding on the final application too); editors see all.
Until the decision only applicants, the ministries concerned and editors see an application;
decisions with reasons, and approved trials, are public."""

from django.db.models import Exists, OuterRef, Q

from initiatives.models.initiatives import Initiative
from tillit.accounts.models import OrganisationKind
from tillit.policy.roles import is_editor, ministry_ids

from ..models.choices import DECIDED_STATES, TrialStatus
from .roles import (
    concerned_ministries,
    is_applicant,
    is_coordinating,
    leads_an_applicant,
    led_organisation_ids,
    member_organisation_ids,
)

S = TrialStatus


def visibility_filter(user) -> Q:
    """The applications ``user`` may see, as a filter for ``TrialApplication.objects``."""
    public = Q(workflow_status__in=DECIDED_STATES)
    if not user.is_authenticated:
        return public
    if is_editor(user):
        return Q()
    visible = public
    own = member_organisation_ids(user)
    if own:
        visible |= Q(applicants__in=own)
    sent = ~Q(workflow_status=S.DRAFT)
    if is_coordinating(user):
        visible |= sent
    ministries = ministry_ids(user)
    if ministries:
        responsible = Initiative.responsible_ministries.through.objects.filter(
            initiative_id=OuterRef("initiative_id"), organisation_id__in=ministries
        )
        visible |= sent & Exists(responsible)
    return visible


def view(user, application) -> bool:
    if application.workflow_status in DECIDED_STATES or is_editor(user):
        return True
    if not user.is_authenticated:
        return False
    if is_applicant(user, application):
        return True
    if application.workflow_status == S.DRAFT:
        return False
    return is_coordinating(user) or bool(concerned_ministries(user, application))


def view_assessments(user, application) -> bool:
    """The ministries' assessments stay among applicants, ministries concerned and editors."""
    if is_editor(user) or not user.is_authenticated:
        return is_editor(user)
    if is_applicant(user, application):
        return True
    if application.workflow_status == S.DRAFT:
        return False
    return is_coordinating(user) or bool(concerned_ministries(user, application))


def create(user, initiative) -> bool:
    """Leaders of the measure's organisation, when it is a municipality or county municipality."""
    return (
        user.is_authenticated
        and initiative is not None
        and initiative.organisation.kind
        in (OrganisationKind.KOMMUNE, OrganisationKind.FYLKESKOMMUNE)
        and initiative.organisation_id in led_organisation_ids(user)
    )


def _applicant_step(*states):
    def rule(user, application) -> bool:
        return application.workflow_status in states and leads_an_applicant(user, application)

    return rule


edit = _applicant_step(S.DRAFT)
submit_preliminary = _applicant_step(S.DRAFT)
submit_final = _applicant_step(S.SELECTED)
start = _applicant_step(S.APPROVED)
evaluate = _applicant_step(S.RUNNING)


def start_assessment(user, application) -> bool:
    return application.workflow_status == S.PRELIMINARY_SENT and is_coordinating(user)


def assess(user, application) -> bool:
    """Ministry users of a responsible ministry record its assessment, while under assessment."""
    return application.workflow_status == S.UNDER_ASSESSMENT and bool(
        concerned_ministries(user, application)
    )


def select(user, application) -> bool:
    return application.workflow_status == S.UNDER_ASSESSMENT and is_coordinating(user)


def decide(user, application) -> bool:
    """The coordinating ministry or a responsible ministry approves or refuses."""
    return application.workflow_status == S.FINAL_SENT and (
        is_coordinating(user) or bool(concerned_ministries(user, application))
    )


def end(user, application) -> bool:
    return application.workflow_status in (S.RUNNING, S.EVALUATED) and (
        is_coordinating(user) or bool(concerned_ministries(user, application))
    )


def manage_rounds(user, obj=None) -> bool:
    return user.is_authenticated and is_coordinating(user)
