"""Connections people enter between two measures: one builds on the other, or both belong to
the same network or programme.

Why a table of pairs and not a Network model that measures join: a named network would need
an owner who may rename it and decide who joins, across organisations that do not share
editors. A pair is entered by someone who may edit one of the two measures, about a measure
they can see, and either side may remove it; the optional ``network_name`` ("Forsøksrunde
2024", "Tillitsnettverket i Nordland") lets the pages name what the pair shares. Adopting a
measure ("Vi vil prøve dette") makes a "builds on" pair from the new measure to its source.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _


class RelationKind(models.TextChoices):
    BYGGER_PA = "bygger_pa", _("builds on")
    SAMME_NETTVERK = "samme_nettverk", _("part of the same network or programme")


class InitiativeRelation(models.Model):
    """``initiative`` builds on ``other`` (directed), or shares a network with it (the pair
    read both ways, stored once)."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="relations_from",
        verbose_name=_("measure"),
    )
    other = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="relations_to",
        verbose_name=_("other measure"),
    )
    kind = models.CharField(_("kind of connection"), max_length=20, choices=RelationKind)
    network_name = models.CharField(
        _("name of the network or programme"),
        max_length=200,
        blank=True,
        help_text=_("Optional, for example the round of the pilot scheme or the regional network."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When the other measure's leaders were told that a published measure builds on theirs.
    told_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("connection between measures")
        verbose_name_plural = _("connections between measures")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(initiative=F("other")),
                name="relation_not_to_itself",
                violation_error_message=_("A measure cannot be connected to itself."),
            ),
            models.UniqueConstraint(
                "initiative",
                "other",
                "kind",
                name="relation_once_per_direction",
                violation_error_message=_("The measures are already connected this way."),
            ),
            models.UniqueConstraint(
                Least("initiative", "other"),
                Greatest("initiative", "other"),
                condition=Q(kind="samme_nettverk"),
                name="network_pair_once",
                violation_error_message=_("The measures are already connected this way."),
            ),
        ]
        indexes = [models.Index(fields=["other", "kind"], name="relation_other_kind")]

    def __str__(self):
        return f"{self.initiative_id} {self.kind} {self.other_id}"
