"""The trial scheme's e-mails, sent after commit to whoever acts next: the coordinating
ministry, the responsible ministries or the applicants' leaders (see ``tillit.core.mail``)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from tillit.accounts.models import Membership, Role
from tillit.accounts.notifications import leader_emails
from tillit.core.mail import absolute_url, send_templated

from .models import MinistryAssessment, TrialApplication, TrialStatus

S = TrialStatus


def _ministry_emails(*, ids=(), short_name: str | None = None) -> list[str]:
    members = Membership.objects.filter(roles__contains=[Role.DEPARTEMENT], user__is_active=True)
    if short_name is not None:
        members = members.filter(organisation__short_name=short_name)
    else:
        members = members.filter(organisation_id__in=list(ids))
    return list(members.values_list("user__email", flat=True))


def coordinating_emails() -> list[str]:
    return _ministry_emails(short_name=settings.TRIALS_COORDINATING_MINISTRY)


def responsible_emails(application: TrialApplication) -> list[str]:
    ids = application.initiative.responsible_ministries.values_list("pk", flat=True)
    return _ministry_emails(ids=ids)


def applicant_emails(application: TrialApplication) -> list[str]:
    return [
        email
        for organisation in application.applicants.all()
        for email in leader_emails(organisation.pk)
    ]


def next_step(application: TrialApplication) -> str:
    """What the application waits for now, in a sentence."""
    return {
        S.PRELIMINARY_SENT: _("The coordinating ministry sends it to the ministries concerned."),
        S.UNDER_ASSESSMENT: _("The responsible ministries assess it."),
        S.SELECTED: _("The applicants send the final application with the council's decision."),
        S.NOT_SELECTED: _("The application goes no further."),
        S.FINAL_SENT: _("The ministry approves or refuses the trial."),
        S.APPROVED: _("The applicants start the trial."),
        S.REFUSED: _("The application goes no further."),
        S.RUNNING: _("The applicants report the evaluation."),
        S.EVALUATED: _("The ministry ends the trial."),
        S.ENDED: _("The trial is over."),
    }.get(application.workflow_status, "")


def _send(application: TrialApplication, recipients: list[str], template: str = "moved"):
    send_templated(
        template=f"trials/email/{template}",
        recipients=recipients,
        context={
            "application": application,
            "state": application.get_workflow_status_display(),
            "next_step": next_step(application),
            "deadline": application.next_deadline,
            "url": absolute_url(application.get_absolute_url()),
        },
    )


def to_coordinating(application: TrialApplication) -> None:
    _send(application, coordinating_emails())


def to_responsible(application: TrialApplication) -> None:
    _send(application, responsible_emails(application))


def to_applicants(application: TrialApplication) -> None:
    _send(application, applicant_emails(application))


def assessed(assessment: MinistryAssessment) -> None:
    _send(assessment.application, coordinating_emails(), template="assessed")


def reminder(application: TrialApplication, recipients: list[str]) -> None:
    _send(application, recipients, template="reminder")
