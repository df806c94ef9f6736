"""The one-time token of a create form, so that posting the same form twice makes one measure."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CreationToken(models.Model):
    """Written first in the create service's transaction: a second post of the same form
    waits on this row, then finds the measure the first post made."""

    token = models.UUIDField(_("form token"), primary_key=True)
    initiative = models.OneToOneField(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        null=True,
        related_name="creation_token",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("form token of a new measure")
        verbose_name_plural = _("form tokens of new measures")

    def __str__(self):
        return str(self.token)
