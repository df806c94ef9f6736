"""``python manage.py backup [--output DIR]`` (``make backup``): see ``tillit/ops/backup.py``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tillit.ops.backup import backup_create
from tillit.ops.postgres import OperationsError


class Command(BaseCommand):
    help = "Back up the database (pg_dump, custom format) and the stored files into one folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(settings.BASE_DIR / ".local" / "backups"),
            help="folder to write the timestamped backup folder in (default: .local/backups)",
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="only the database (when the files are backed up by the storage itself)",
        )

    def handle(self, *args, **options):
        try:
            folder = backup_create(
                output_dir=Path(options["output"]), include_media=not options["no_media"]
            )
        except OperationsError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
