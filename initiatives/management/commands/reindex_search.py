"""Makes the search vectors of measures and experience reports again, in batches.

Run it after deploying the Norwegian search on a large register, after installing or
upgrading the dictionaries, and whenever ``manage.py check`` says the analyser changed.
Resumable: without ``--all`` only rows not yet made with the current analyser are done, so
an interrupted run goes on where it stopped."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from initiatives.models import ExperienceReport, Initiative
from initiatives.search import indexing


class Command(BaseCommand):
    help = "Make the Norwegian search vectors again (resumable)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=indexing.BATCH)
        parser.add_argument("--all", action="store_true", help="every row, not only stale ones")

    def handle(self, *args, batch: int, all: bool, **options):
        started = time.monotonic()
        for model in (Initiative, ExperienceReport):
            rows = model.objects.all() if all else indexing.stale(model)
            total = rows.count()
            name = model._meta.verbose_name_plural

            def progress(done, last_id, name=name, total=total):
                self.stdout.write(f"{name}: {done}/{total} (up to id {last_id})")

            done = indexing.reindex(rows, batch=batch, progress=progress)
            self.stdout.write(f"{name}: {done} re-indexed")
        self.stdout.write(
            f"version {indexing.current_version()}, {time.monotonic() - started:.1f} s"
        )
