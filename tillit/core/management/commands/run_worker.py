"""``manage.py run_worker``: django-tasks' database worker (``db_worker``) that outlives a
database outage: while the database cannot be reached it waits and tries again, from 1 s up to
30 s apart, instead of exiting and leaving the queue (e-mail among it) unattended. A task that
an outage interrupted is run again, never recorded as failed."""

import contextlib
import logging
import time

from django.db import DatabaseError, connections, transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from tillit.core.outages import database_unreachable

logger = logging.getLogger("tillit.worker")

FIRST_PAUSE = 1.0  # seconds before the first new try after an outage began
LONGEST_PAUSE = 30.0  # the pause doubles up to this


class TaskInterrupted(Exception):
    """A task stopped by a database outage: to be run again, not recorded as failed."""


class OutageTolerantWorker(Worker):
    """Runs the queue like ``db_worker``; an unreachable database means a pause, not an exit.
    Any other error still stops the worker, as it would ``db_worker``."""

    def run(self) -> None:
        pause = FIRST_PAUSE
        while self.running:
            started = time.monotonic()
            try:
                self.requeue_interrupted()
                return super().run()
            except Exception as error:
                if not isinstance(error, TaskInterrupted) and not database_unreachable(error):
                    raise
                if time.monotonic() - started > LONGEST_PAUSE:
                    pause = FIRST_PAUSE  # it worked for a while: a new outage
                logger.warning("database unreachable (%s); trying again in %.0f s", error, pause)
                self._drop_connections()
                time.sleep(pause)  # SIGTERM here exits at once (Worker.shutdown)
                pause = min(pause * 2, LONGEST_PAUSE)
        return None

    def requeue_interrupted(self) -> None:
        """Put the tasks this worker claimed and never finished (an outage, or a crash before
        a restart under the same ``--worker-id``) back in the queue."""
        claimed = (
            DBTaskResult.objects.running()
            .filter(backend_name=self.backend_name, worker_ids__contains=[self.worker_id])
            .select_for_update(skip_locked=True)
        )
        with transaction.atomic(using=claimed.db):
            for result in claimed:
                if result.worker_ids[-1] != self.worker_id:
                    continue  # another worker has claimed it since
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                logger.warning("task id=%s was interrupted; queued to run again", result.id)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        record_failure = db_task_result.set_failed

        def set_failed(error: BaseException) -> None:
            if _caused_by_outage(error):
                raise TaskInterrupted(f"task id={db_task_result.id}: {error}") from error
            record_failure(error)

        db_task_result.set_failed = set_failed  # on this row only: an outage is no failure
        super().run_task(db_task_result)

    @staticmethod
    def _drop_connections() -> None:
        for connection in connections.all(initialized_only=True):
            with contextlib.suppress(DatabaseError):
                connection.close()


def _caused_by_outage(error: BaseException | None) -> bool:
    """Whether ``error``, or an error it was raised from or while handling, is an outage."""
    seen = set()
    while error is not None and id(error) not in seen:
        if database_unreachable(error):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


class Command(DatabaseWorkerCommand):
    help = "Run the background tasks (db_worker) and keep running through database outages."

    def handle(self, *, verbosity, queue_name, exclude_queues, **options) -> None:
        self.configure_logging(verbosity)
        worker = OutageTolerantWorker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        # No autoreload (--reload is ignored): the supervisor restarts the worker instead.
        worker.configure_signals()
        worker.run()
