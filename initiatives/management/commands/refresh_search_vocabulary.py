"""``manage.py refresh_search_vocabulary``: rebuild the words mistyped searches are corrected
to, as the nightly task does."""

from time import monotonic

from django.core.management.base import BaseCommand

from initiatives import vocabulary


class Command(BaseCommand):
    help = "Rebuild the vocabulary of published text that mistyped search words are corrected to."

    def handle(self, *args, **options):
        started = monotonic()
        words = vocabulary.refresh()
        seconds = monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"{words} words in {seconds:.1f} s."))
