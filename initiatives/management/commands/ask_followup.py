"""``manage.py ask_followup``: make and mail the follow-up questions due today, as the daily
task does (``--today`` pretends another day, for trying it out)."""

from datetime import date

from django.core.management.base import BaseCommand

from initiatives.followup import asking


class Command(BaseCommand):
    help = "Ask the leaders of measures that ended 6 and 12 months ago whether they lasted."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args, today=None, **options):
        sent = asking.ask_due(today)
        self.stdout.write(self.style.SUCCESS(f"{sent} follow-up questions mailed."))
