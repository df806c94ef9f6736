import json
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from initiatives.demo.bulk import bulk_seed_initiatives


class Command(BaseCommand):
    help = (
        "Demo data for a benchmark database of up to a million measures: seed_demo for the "
        "first --head measures and the rest of the demo content, then the remaining "
        "measures in bulk (the same kind of data, stored set-based)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, required=True)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--head", type=int, default=1000, help="Measures made by seed_demo (default 1000)."
        )
        parser.add_argument("--allow-nondebug", action="store_true")

    def handle(self, *args, initiatives, seed, head, allow_nondebug, **options):
        if initiatives < 0 or head < 0:
            raise CommandError("--initiatives and --head must be zero or more.")
        started = time.monotonic()
        call_command(
            "seed_demo",
            initiatives=min(head, initiatives),
            seed=seed,
            allow_nondebug=allow_nondebug,
            stdout=self.stdout,
        )
        steps = bulk_seed_initiatives(count=initiatives, seed=seed)
        steps["seconds"] = round(time.monotonic() - started, 1)
        self.stdout.write(json.dumps(steps))
