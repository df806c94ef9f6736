"""Enqueues the scheduled background tasks (``settings.SCHEDULED_TASKS``) when they are due.
``manage.py run_scheduler`` calls ``enqueue_due`` every half minute; a row per job in
``ScheduledRun``, locked while it is checked, makes each run happen once even when several
schedulers run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledRun


@dataclass(frozen=True)
class Job:
    """Every ``minutes`` minutes, or daily at ``hour`` (on ``weekday`` only, 0 = Monday)."""

    name: str
    task: str
    minutes: int = 0
    hour: int = 0
    weekday: int | None = None

    def last_due(self, now: datetime) -> datetime:
        """The latest time at or before ``now`` (local time) when the job was due."""
        now = timezone.localtime(now)
        if self.minutes:
            midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
            elapsed = (now - midnight) // timedelta(minutes=self.minutes)
            return midnight + elapsed * timedelta(minutes=self.minutes)
        due = now.replace(hour=self.hour, minute=0, second=0, microsecond=0)
        if due > now:
            due -= timedelta(days=1)
        if self.weekday is not None:
            due -= timedelta(days=(due.weekday() - self.weekday) % 7)
        return due


def jobs() -> list[Job]:
    return [Job(name=name, **spec) for name, spec in settings.SCHEDULED_TASKS.items()]


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue every job that has come due since its last run; returns their names. A job
    seen for the first time waits for its next due time."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs():
        due = job.last_due(now)
        with transaction.atomic():
            run, created = ScheduledRun.objects.select_for_update().get_or_create(
                name=job.name, defaults={"last_due_at": due}
            )
            if created or run.last_due_at >= due:
                continue
            run.last_due_at = due
            run.save(update_fields=["last_due_at"])
            import_string(job.task).enqueue()
            enqueued.append(job.name)
    return enqueued
