"""``python manage.py restore FOLDER [--database NAME] [--media-root DIR] [--force]``
(``make restore FILE=…``): see ``tillit/ops/restore.py``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from tillit.ops.backup import media_root
from tillit.ops.postgres import OperationsError
from tillit.ops.restore import TargetNotEmpty, backup_restore

# A target that already holds data is refused with its own exit code.
EXIT_NOT_EMPTY = 2


class Command(BaseCommand):
    help = (
        "Restore a backup folder into the configured database (or another one on the same "
        "server) and the media folder. Stop the portal's processes first."
    )
    requires_system_checks = []  # the target database may be empty or unreachable

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a backup folder written by `manage.py backup`")
        parser.add_argument(
            "--database",
            help="name of an existing database on the configured server (default: the "
            "configured database)",
        )
        parser.add_argument(
            "--media-root", help="where to unpack the files (default: the storage's MEDIA_ROOT)"
        )
        parser.add_argument("--no-media", action="store_true", help="restore only the database")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the contents of a database or media folder that is not empty",
        )

    def handle(self, *args, **options):
        settings_dict = connections["default"].settings_dict
        database = options["database"] or settings_dict["NAME"]
        try:
            target_media = None
            if not options["no_media"]:
                target_media = Path(options["media_root"] or media_root())
            result = backup_restore(
                folder=Path(options["folder"]),
                settings_dict=settings_dict,
                database=database,
                media_root=target_media,
                force=options["force"],
            )
        except TargetNotEmpty as error:
            raise CommandError(str(error), returncode=EXIT_NOT_EMPTY) from error
        except OperationsError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored the database {result.database!r}."))
        if result.media_root is not None:
            self.stdout.write(f"Unpacked {result.media_files} files into {result.media_root}.")
        if result.missing_files:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(result.missing_files)} stored files the database refers to are "
                    f"missing, e.g. {result.missing_files[0]}"
                )
            )
        self.stdout.write("Next: python manage.py migrate, then start the portal.")
