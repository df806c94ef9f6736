"""The government's seven focus areas; each has a page (a hub) with a text editors keep."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class FocusArea(models.Model):
    """One of the seven focus areas of the trust reform, with the official Norwegian label."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("what it means"),
        blank=True,
        help_text=_("A short text for the focus area's page. Editors keep it up to date."),
    )

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["number"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("initiatives:focus_area", args=[self.slug])
