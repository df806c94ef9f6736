"""Background tasks, run by ``manage.py db_worker`` from the queue in PostgreSQL. They are
queued inside the transaction that caused them, so they run only after it committed."""

from django_tasks import task

from . import mailings
from .services import notify


@task()
def comment_notifications(comment_id: int) -> int:
    """Tell the measure's author, followers and the answered author of a new comment."""
    notify.fan_out_comment(comment_id)
    return mailings.deliver_immediate()


@task()
def publication_notifications(initiative_id: int | None = None, report_id: int | None = None):
    """Tell the followers of a newly published measure's areas, or of a new report."""
    notify.fan_out_publication(initiative_id=initiative_id, report_id=report_id)
    return mailings.deliver_immediate()


@task()
def deliver_notifications() -> int:
    """Retry immediate notifications a failing mail server left unsent."""
    return mailings.deliver_immediate()


@task()
def weekly_digest() -> int:
    """Each person's weekly summary of what they follow."""
    return mailings.send_weekly_digests()


@task()
def overdue_reminders() -> int:
    """Remind owners of measures whose end date has passed while still "pågår"."""
    notify.queue_overdue_reminders()
    return mailings.deliver_immediate()
