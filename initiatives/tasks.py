"""Background tasks, run by ``manage.py db_worker`` from the queue in PostgreSQL. The services
call the ``*_posted``/``*_published`` functions inside their transaction, so a task runs only
after what caused it committed. The tasks keep this module's dotted paths (queued rows and
``settings.SCHEDULED_TASKS`` name them); their work is in ``initiatives.notifications``."""

from django.core.cache import cache
from django.db.models import Model
from django_tasks import task

from . import translations, vocabulary
from .followup import asking
from .models import Comment, ExperienceReport, Initiative, WorkflowStatus
from .notifications import delivery, recipients
from .search import indexing

TRANSLATION_PRIORITY = -10  # e-mail first: a translation may wait a little


def comment_posted(comment: Comment) -> None:
    comment_notifications.enqueue(comment.pk)


def initiative_published(initiative: Initiative) -> None:
    publication_notifications.enqueue(initiative_id=initiative.pk)
    text_changed(initiative)


def report_published(report: ExperienceReport) -> None:
    publication_notifications.enqueue(report_id=report.pk)
    text_changed(report)


def _text_ids(obj: Model) -> dict:
    key = "report_id" if isinstance(obj, ExperienceReport) else "initiative_id"
    return {key: obj.pk}


def text_changed(obj: Initiative | ExperienceReport) -> None:
    """A text was published, or a published text edited: translate its new version."""
    translate_text.enqueue(**_text_ids(obj))


def translation_wanted(obj: Initiative | ExperienceReport) -> None:
    """A reader asked for a translation not made yet: queue it, at most once in ten minutes
    for one version (many readers, one task)."""
    key = f"translation-wanted:{type(obj).__name__}:{obj.pk}:{translations.version_of(obj)}"
    if cache.add(key, True, timeout=600):
        translate_text.enqueue(**_text_ids(obj))


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


@task()
def followup_questions() -> int:
    """Ask the leaders of measures that ended 6 and 12 months ago whether they lasted."""
    return asking.ask_due()


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


@task(priority=TRANSLATION_PRIORITY)
def translate_text(initiative_id: int | None = None, report_id: int | None = None) -> str:
    """Find the written standard of a measure's or report's text and translate its current
    version into the other standard (``initiatives.translations``)."""
    model, pk = (ExperienceReport, report_id) if report_id else (Initiative, initiative_id)
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return "gone"
    made = translations.translate_text(obj)
    return f"{obj.written_standard or '?'}→{made.target}" if made else obj.written_standard


@task(priority=TRANSLATION_PRIORITY)
def translate_published(limit: int = 500) -> int:
    """Translate published texts never looked at (older texts, a bulk load such as the demo
    data), at most ``limit`` of each kind a run. Returns how many were translated."""
    done = 0
    for model in (Initiative, ExperienceReport):
        never_looked_at = model.objects.filter(
            workflow_status=WorkflowStatus.PUBLISERT, written_standard=""
        ).order_by("pk")[:limit]
        for obj in never_looked_at:
            done += translations.translate_text(obj) is not None
    return done
