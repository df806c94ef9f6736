"""How applications are read: those a user may see, and one with what its page shows."""

from django.db import models

from trials.rules.applications import visibility_filter


class TrialApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Decided applications for everyone; the rest to applicants, the ministries
        concerned, the coordinating ministry (once sent) and editors."""
        return self.filter(pk__in=self.model.objects.filter(visibility_filter(user)).values("pk"))

    def for_list(self):
        return self.select_related("round", "initiative").prefetch_related("applicants")
