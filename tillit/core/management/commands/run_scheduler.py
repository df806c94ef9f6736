"""``manage.py run_scheduler``: enqueue the scheduled tasks when due; run next to
``manage.py db_worker``, which runs them."""

import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from tillit.core.scheduler import enqueue_due, jobs


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
            close_old_connections()
            for name in enqueue_due():
                self.stdout.write(f"Enqueued {name}")
            if once:
                break
            self.stopped.wait(interval)

    def stop(self, signum, frame):
        self.stopped.set()
