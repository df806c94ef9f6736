"""The scheduled reminder a week before a deadline (``settings.SCHEDULED_TASKS``): each
deadline of each application is reminded once (``DeadlineReminder`` keeps what was sent)."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from . import notifications
from .models import TrialApplication, TrialStatus
from .models.applications import DeadlineReminder

S = TrialStatus
REMIND_BEFORE = timedelta(days=7)
# Whom each state's deadline concerns: the applicants' leaders.
WAITING_STATES = (S.DRAFT, S.SELECTED, S.RUNNING)


def due_reminders(today=None) -> list[TrialApplication]:
    """Applications whose next deadline is at most a week away and not yet passed."""
    today = today or timezone.localdate()
    candidates = (
        TrialApplication.objects.filter(workflow_status__in=WAITING_STATES)
        .select_related("round")
        .prefetch_related("applicants")
    )
    return [
        app
        for app in candidates
        if app.next_deadline and today <= app.next_deadline <= today + REMIND_BEFORE
    ]


def send_deadline_reminders(today=None) -> int:
    """Send each due reminder once; returns how many were sent."""
    sent = 0
    for application in due_reminders(today):
        try:
            with transaction.atomic():
                DeadlineReminder.objects.create(
                    application=application,
                    status=application.workflow_status,
                    deadline=application.next_deadline,
                )
        except IntegrityError:
            continue  # reminded already
        notifications.reminder(application, notifications.applicant_emails(application))
        sent += 1
    return sent


@task()
def deadline_reminders() -> int:
    """A reminder e-mail to the applicants' leaders a week before a deadline."""
    return send_deadline_reminders()
