"""A round of applications (søknadsrunde), opened by the coordinating ministry."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tillit.core.fields import limited_text_field


class TrialRound(models.Model):
    """Deadlines for preliminary and final applications; a round that accepts applications
    outside its deadlines (or has none) stays open all year."""

    title = models.CharField(_("title"), max_length=200)
    text = limited_text_field(_("text"), max_length=5000, blank=True)
    preliminary_deadline = models.DateField(
        _("deadline for preliminary applications"), null=True, blank=True
    )
    final_deadline = models.DateField(_("deadline for final applications"), null=True, blank=True)
    max_years = models.PositiveSmallIntegerField(_("longest trial period (years)"), default=4)
    accepts_outside = models.BooleanField(
        _("accepts applications outside the deadlines"),
        default=False,
        help_text=_("Applications may then be sent after the deadlines, or when it has none."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("round of applications")
        verbose_name_plural = _("rounds of applications")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trials:round_edit", args=[self.pk])

    def is_open(self, deadline, today=None) -> bool:
        """May an application still be sent against ``deadline`` (a date or None)?"""
        today = today or timezone.localdate()
        return self.accepts_outside or deadline is None or today <= deadline
