"""Background tasks, run by ``manage.py db_worker`` from the queue in PostgreSQL. The services
call the ``*_posted``/``*_published`` functions inside their transaction, so a task runs only
after what caused it committed. The tasks keep this module's dotted paths (queued rows and
``settings.SCHEDULED_TASKS`` name them); their work is in ``initiatives.notifications``."""

from django_tasks import task

from . import vocabulary
from .models import Comment, ExperienceReport, Initiative
from .notifications import delivery, recipients
from .search import indexing


def comment_posted(comment: Comment) -> None:
    comment_notifications.enqueue(comment.pk)


def initiative_published(initiative: Initiative) -> None:
    publication_notifications.enqueue(initiative_id=initiative.pk)


def report_published(report: ExperienceReport) -> None:
    publication_notifications.enqueue(report_id=report.pk)


def text_withdrawn(record: Initiative | ExperienceReport) -> None:
    """Published text was taken down: its words leave the search vocabulary."""
    refresh_search_vocabulary.enqueue()


@task()
def comment_notifications(comment_id: int) -> int:
    """Tell the initiative's author, followers and the answered author of a new comment."""
    recipients.fan_out_comment(comment_id)
    return delivery.deliver_immediate()


@task()
def publication_notifications(initiative_id: int | None = None, report_id: int | None = None):
    """Tell the followers of a newly published initiative's areas, or of a new report."""
    recipients.fan_out_publication(initiative_id=initiative_id, report_id=report_id)
    return delivery.deliver_immediate()


@task()
def deliver_notifications() -> int:
    """Retry immediate notifications a failing mail server left unsent."""
    return delivery.deliver_immediate()


@task()
def weekly_digest() -> int:
    """Each person's weekly summary of what they follow."""
    return delivery.send_weekly_digests()


@task()
def overdue_reminders() -> int:
    """Remind owners of initiatives whose end date has passed while still "pågår"."""
    recipients.queue_overdue_reminders()
    return delivery.deliver_immediate()


def organisation_changed(organisation_id: int) -> None:
    search_reindex_organisation.enqueue(organisation_id)


@task()
def search_reindex_organisation(organisation_id: int) -> int:
    """After an organisation's name, short name or place changed: the measures and reports
    found by it get new search vectors."""
    return indexing.reindex_organisation(organisation_id)


@task()
def reindex_stale_search() -> int:
    """Rows the database marked stale (a write without a vector) or made with another
    analyser get their vectors made again."""
    return indexing.reindex(indexing.stale(Initiative)) + indexing.reindex(
        indexing.stale(ExperienceReport)
    )


@task()
def refresh_search_vocabulary() -> int:
    """Rebuild the words mistyped searches are corrected to, from what is published now."""
    return vocabulary.refresh()
