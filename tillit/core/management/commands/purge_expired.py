"""``manage.py purge_expired``: delete what is past its retention time, now (the scheduler's
daily "purge-expired" job does the same)."""

from django.core.management.base import BaseCommand

from tillit.core.retention import purge_expired


class Command(BaseCommand):
    help = (
        "Delete audit events, notifications, imports, invitations, unconfirmed accounts and "
        "sessions past their retention time."
    )

    def handle(self, *args, **options):
        for name, count in purge_expired().items():
            self.stdout.write(f"{name}: {count} deleted")
