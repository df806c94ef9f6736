from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeAction(StrEnum):
    """What a recorded change to a measure did (``InitiativeChange.action``)."""

    CREATED = "created"
    EDITED = "edited"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    RETURNED = "returned"
    ARCHIVED = "archived"
    UNPUBLISHED = "unpublished"
    ASSESSED = "assessed"
    EXPERIENCE_WRITTEN = "experience_written"
    EXPERIENCE_EDITED = "experience_edited"
    EXPERIENCE_SUBMITTED = "experience_submitted"
    EXPERIENCE_PUBLISHED = "experience_published"
    EXPERIENCE_UNPUBLISHED = "experience_unpublished"
    ASSESSMENT_RESET = "assessment_reset"  # written by migration 0018 only


class InitiativeChange(models.Model):
    """One recorded change to a measure: who, when, and each field's old and new value."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="changes"
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_name = models.CharField(_("who"), max_length=300, blank=True)
    action = models.CharField(_("what"), max_length=50)
    note = models.TextField(_("note"), blank=True)
    fields = models.JSONField(_("changed fields"), default=dict, blank=True)

    class Meta:
        verbose_name = _("change to a measure")
        verbose_name_plural = _("changes to measures")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"
