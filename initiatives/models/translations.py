"""Machine translations of a measure's or an experience report's text into the other written
standard (bokmål ↔ nynorsk), one per text version. The author's text is never changed."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class WrittenStandard(models.TextChoices):
    BOKMAL = "nb", _("Norwegian Bokmål")
    NYNORSK = "nn", _("Norwegian Nynorsk")
    UNDETERMINED = "und", _("cannot be told")  # too short, or a mix (ISO 639's "und")


# The standards a text is translated from and into.
TRANSLATED = [(s.value, s.label) for s in (WrittenStandard.BOKMAL, WrittenStandard.NYNORSK)]


def written_standard_field():
    """Which standard a text is written in, found in the background; blank until looked at."""
    return models.CharField(
        _("written standard"),
        max_length=3,
        choices=WrittenStandard,
        blank=True,
        default="",
        editable=False,
    )


class TextTranslation(models.Model):
    """Apertium's translation of one version of a text (``source_hash`` over its fields) into
    ``target``. Deleted with its text; read on the text's page by whoever may see the text."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="translations",
    )
    report = models.ForeignKey(
        "initiatives.ExperienceReport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="translations",
    )
    source_hash = models.CharField(max_length=64)
    source = models.CharField(max_length=2, choices=TRANSLATED)
    target = models.CharField(max_length=2, choices=TRANSLATED)
    fields = models.JSONField(default=dict)  # field name → translated text
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("machine translation")
        verbose_name_plural = _("machine translations")
        constraints = [
            models.CheckConstraint(
                condition=Q(initiative__isnull=True) ^ Q(report__isnull=True),
                name="translation_of_one_text",
                violation_error_message=_(
                    "A translation belongs to one measure or one experience report."
                ),
            ),
            models.UniqueConstraint(
                fields=["initiative", "source_hash", "target"],
                condition=Q(initiative__isnull=False),
                name="translation_once_per_measure_version",
                violation_error_message=_("This version of the measure is translated already."),
            ),
            models.UniqueConstraint(
                fields=["report", "source_hash", "target"],
                condition=Q(report__isnull=False),
                name="translation_once_per_report_version",
                violation_error_message=_(
                    "This version of the experience report is translated already."
                ),
            ),
        ]
        indexes = [models.Index(fields=["source_hash", "target"], name="translation_by_text")]

    def __str__(self):
        return f"{self.source}→{self.target} {self.source_hash[:8]}"
