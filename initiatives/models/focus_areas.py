"""The government's focus areas; the initiative record itself follows in its own issue."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class FocusArea(models.Model):
    """One of the seven focus areas of the trust reform, with the official Norwegian label."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["number"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("core:home") + f"#fokusomrade-{self.slug}"
