"""``manage.py run_scheduler``: enqueue the scheduled tasks when due; run next to
``manage.py run_worker``, which runs them. While the database cannot be reached it skips the
check and tries again at the next one."""

import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from tillit.core.outages import database_unreachable
from tillit.core.scheduler import enqueue_due, jobs

logger = logging.getLogger("tillit.worker")


class Command(BaseCommand):
    help = "Enqueue the scheduled background tasks (weekly digest, reminders) when they are due."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Check once and stop.")
        parser.add_argument("--interval", type=float, default=30.0, help="Seconds between checks.")

    def handle(self, *args, once=False, interval=30.0, **options):
        self.stopped = threading.Event()
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        names = ", ".join(job.name for job in jobs())
        self.stdout.write(f"Scheduler started: {names}")
        while not self.stopped.is_set():
            try:
                close_old_connections()
                for name in enqueue_due():
                    self.stdout.write(f"Enqueued {name}")
            except Exception as error:
                if not database_unreachable(error):
                    raise
                logger.warning("database unreachable (%s); checking again later", error)
            if once:
                break
            self.stopped.wait(interval)

    def stop(self, signum, frame):
        self.stopped.set()
