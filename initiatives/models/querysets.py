"""How initiatives are read: the visible ones for a user, and one with what its page shows."""

from django.db import models

from initiatives.rules.initiatives import visibility_filter
from tillit.accounts.models import Organisation

from .effects import Indicator
from .focus_areas import InitiativeFocusArea


class InitiativeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published measures for everyone; the rest only inside the owning organisation,
        to editors, and (awaiting approval) to the ministry that owns an agency."""
        return self.filter(visibility_filter(user))

    def for_detail(self):
        return self.select_related(
            "organisation__municipality__county",
            "organisation__county",
            "organisation__parent_ministry",
            "union_assessed_by",
            "created_by",
        ).prefetch_related(
            models.Prefetch(
                "focus_area_links",
                queryset=InitiativeFocusArea.objects.select_related("focus_area").order_by(
                    "-is_primary", "focus_area__number"
                ),
            ),
            models.Prefetch("partners", queryset=Organisation.objects.order_by("name")),
            models.Prefetch(
                "participating_organisations", queryset=Organisation.objects.order_by("name")
            ),
            models.Prefetch(
                "responsible_ministries", queryset=Organisation.objects.order_by("name")
            ),
            "attachments",
            models.Prefetch(
                "indicators",
                queryset=Indicator.objects.filter(experience_report=None),
                to_attr="measure_indicators",
            ),
            "reporting_removed",
        )
