"""The laws and regulations applicants most often ask exemption from; kept by editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalActQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class LegalAct(models.Model):
    """A law or regulation in the reference table (editors keep it in the administration)."""

    title = models.CharField(_("title"), max_length=300, unique=True)
    short_name = models.CharField(_("short name"), max_length=80, unique=True)
    is_active = models.BooleanField(
        _("offered"), default=True, help_text=_("Offered when applicants choose a law.")
    )

    objects = LegalActQuerySet.as_manager()

    class Meta:
        verbose_name = _("law or regulation")
        verbose_name_plural = _("laws and regulations")
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name
