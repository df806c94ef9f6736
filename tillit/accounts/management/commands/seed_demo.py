from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tillit.accounts.demo import seed_people
from tillit.accounts.models import User
from tillit.accounts.registry import DEMO_SEEDERS


class Command(BaseCommand):
    help = "Fill the database with demo people and memberships (deterministic for a seed)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--initiatives",
            type=int,
            default=60,
            help="Make sure there are at least this many measures (default 60).",
        )
        parser.add_argument(
            "--allow-nondebug",
            action="store_true",
            help="Run even though DEBUG is off (for a demo or benchmark server).",
        )

    def handle(self, *args, seed, initiatives, allow_nondebug, **options):
        if not settings.DEBUG and not allow_nondebug:
            raise CommandError("DEBUG is off: refusing to add demo data (use --allow-nondebug).")
        if User.objects.filter(is_demo=False).exists():
            raise CommandError("This database has real users: refusing to add demo data.")
        if initiatives < 0:
            raise CommandError("--initiatives must be zero or more.")
        with transaction.atomic():
            users = seed_people(seed=seed)
        done = [f"{len(users)} demo users"]
        for seeder in DEMO_SEEDERS:  # the apps' demo data, in registration order
            done.append(seeder.seed(seed=seed, initiatives=initiatives))
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {', '.join(done)}."))
