"""The measures a ministry picked for a year's edition of the yearly overview."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class YearbookPick(models.Model):
    """One measure chosen for ``year``'s overview. A section (a ministry's area, or the
    municipal sector) with picks shows only its picks; without, every active measure."""

    year = models.PositiveSmallIntegerField(_("year"))
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="yearbook_picks"
    )
    picked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    picked_at = models.DateTimeField(_("picked"), auto_now_add=True)

    class Meta:
        verbose_name = _("measure picked for the yearly overview")
        verbose_name_plural = _("measures picked for the yearly overview")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "initiative"],
                name="yearbook_pick_once",
                violation_error_message=_(
                    "The measure is already picked for this year's overview."
                ),
            )
        ]

    def __str__(self):
        return f"{self.year}: {self.initiative_id}"


class YearbookPickSection(models.Model):
    """A part of the overview a pick is for: a ministry's id, "kommunesektoren" or "andre"
    (``initiatives.rules.yearbook``). A measure in several parts (a municipality's measure
    with ministries) is picked for each on its own; its pick lasts while one part keeps it."""

    pick = models.ForeignKey(YearbookPick, on_delete=models.CASCADE, related_name="sections")
    section = models.CharField(_("section"), max_length=20)

    class Meta:
        verbose_name = _("part of the yearly overview a pick is for")
        verbose_name_plural = _("parts of the yearly overview picks are for")
        constraints = [
            models.UniqueConstraint(
                fields=["pick", "section"],
                name="yearbook_pick_section_once",
                violation_error_message=_(
                    "The measure is already picked for this part of the year's overview."
                ),
            )
        ]

    def __str__(self):
        return f"{self.pick}: {self.section}"
