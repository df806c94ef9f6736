"""``manage.py run_worker``: django-tasks' database worker (``db_worker``) that outlives a
database outage: while the database cannot be reached it waits and tries again, from 1 s up to
30 s apart, instead of exiting and leaving the queue (e-mail among it) unattended."""

import contextlib
import logging
import time

from django.db import DatabaseError, connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from tillit.core.outages import database_unreachable

logger = logging.getLogger("tillit.worker")

FIRST_PAUSE = 1.0  # seconds before the first new try after an outage began
LONGEST_PAUSE = 30.0  # the pause doubles up to this


class OutageTolerantWorker(Worker):
    """Runs the queue like ``db_worker``; an unreachable database means a pause, not an exit.
    Any other error still stops the worker, as it would ``db_worker``."""

    def run(self) -> None:
        pause = FIRST_PAUSE
        while self.running:
            started = time.monotonic()
            try:
                return super().run()
            except Exception as error:
                if not database_unreachable(error):
                    raise
                if time.monotonic() - started > LONGEST_PAUSE:
                    pause = FIRST_PAUSE  # it worked for a while: a new outage
                logger.warning("database unreachable (%s); trying again in %.0f s", error, pause)
                self._drop_connections()
                time.sleep(pause)  # SIGTERM here exits at once (Worker.shutdown)
                pause = min(pause * 2, LONGEST_PAUSE)
        return None

    @staticmethod
    def _drop_connections() -> None:
        for connection in connections.all(initialized_only=True):
            with contextlib.suppress(DatabaseError):
                connection.close()


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
