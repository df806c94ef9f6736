"""What a measure achieved: how its effect was judged, the indicators it followed, and the
reporting it removed. Every field is optional: the register must not become a new reporting
burden. Written by those who may edit the measure (or its experience report)."""

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Far above any one organisation's honest estimate, far below what would overflow a sum.
MAX_HOURS_A_YEAR = 1_000_000


class EvidenceMethod(models.TextChoices):
    """How the effect was judged, from the strongest kind of evidence to the weakest."""

    SAMMENLIGNET = "sammenlignet", _("compared with a group without the measure")
    FOLGEFORSKNING = "folgeforskning", _("followed by researchers")
    FOR_OG_ETTER = "for_og_etter", _("measured before and after")
    SPORREUNDERSOKELSE = "sporreundersokelse", _("survey of staff or users")
    EGEN_VURDERING = "egen_vurdering", _("the organisation's own assessment")


# The label shown on a measure, and what it means, in plain words.
EVIDENCE_LABELS = {
    EvidenceMethod.SAMMENLIGNET: (
        _("Compared with others"),
        _("The results were compared with a group that did not have the measure."),
    ),
    EvidenceMethod.FOLGEFORSKNING: (
        _("Followed by researchers"),
        _("Researchers followed the measure and judged its effect."),
    ),
    EvidenceMethod.FOR_OG_ETTER: (
        _("Measured before and after"),
        _("The same thing was measured before the measure began and after."),
    ),
    EvidenceMethod.SPORREUNDERSOKELSE: (
        _("Survey"),
        _("Staff or users were asked what they experienced."),
    ),
    EvidenceMethod.EGEN_VURDERING: (
        _("Own assessment"),
        _("The organisation judged the effect itself, without measuring it."),
    ),
}


def strongest_method(methods) -> EvidenceMethod | None:
    """The strongest of the methods given (the order of ``EvidenceMethod``), or None."""
    chosen = set(methods or ())
    return next((method for method in EvidenceMethod if method in chosen), None)


def evidence_methods_field():
    return ArrayField(
        models.CharField(max_length=30, choices=EvidenceMethod),
        verbose_name=_("how the effect was judged"),
        default=list,
        db_default=models.Value([], output_field=ArrayField(models.CharField(max_length=30))),
        blank=True,
    )


class Indicator(models.Model):
    """One thing the measure followed, with its value before and its latest value. Belongs to
    the measure, or to one of its experience reports."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("measure"),
    )
    experience_report = models.ForeignKey(
        "initiatives.ExperienceReport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("experience report"),
    )
    name = models.CharField(
        _("what was measured"),
        max_length=200,
        help_text=_("For example sick leave, time spent on reporting or user satisfaction."),
    )
    unit = models.CharField(
        _("unit"), max_length=50, blank=True, help_text=_("For example per cent or hours a week.")
    )
    baseline_value = models.DecimalField(
        _("value before"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("measured before on"), null=True, blank=True)
    latest_value = models.DecimalField(
        _("latest value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    latest_date = models.DateField(_("latest measured on"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the figures come from, for example the HR system or a survey."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name


class RequiredBy(models.TextChoices):
    EGEN = "egen", _("the organisation itself")
    DEPARTEMENT = "departement", _("a ministry")
    DIREKTORAT = "direktorat", _("a directorate")
    TILSYN = "tilsyn", _("a supervisory authority")


class ReportingChange(models.TextChoices):
    FJERNET = "fjernet", pgettext_lazy("reporting requirement", "removed")
    FORENKLET = "forenklet", pgettext_lazy("reporting requirement", "simplified")


class ReportingFrequency(models.TextChoices):
    PER_SAK = "per_sak", _("for each case")
    DAGLIG = "daglig", _("daily")
    UKENTLIG = "ukentlig", _("weekly")
    MANEDLIG = "manedlig", _("monthly")
    KVARTALSVIS = "kvartalsvis", _("quarterly")
    ARLIG = "arlig", _("yearly")


class GivenBackTo(models.TextChoices):
    ANSATTE = "ansatte", _("frontline staff")
    LEDERE = "ledere", _("leaders")
    BEGGE = "begge", _("both staff and leaders")


class ReportingRemoval(models.Model):
    """One reporting or documentation requirement the measure removed or simplified, with
    the organisation's own estimate of the hours a year it gave back."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="reporting_removed",
        verbose_name=_("measure"),
    )
    requirement = models.CharField(
        _("reporting or documentation requirement"),
        max_length=300,
        help_text=_(
            "What had to be reported or documented, for example a monthly sick-leave report."
        ),
    )
    change = models.CharField(
        _("removed or simplified"),
        max_length=20,
        choices=ReportingChange,
        default=ReportingChange.FJERNET,
    )
    required_by = models.CharField(_("required by"), max_length=20, choices=RequiredBy, blank=True)
    required_by_name = models.CharField(
        _("name of who required it"),
        max_length=200,
        blank=True,
        help_text=_("Optional, for example the Norwegian Directorate of Health."),
    )
    frequency = models.CharField(
        _("how often"), max_length=20, choices=ReportingFrequency, blank=True
    )
    hours_per_year = models.PositiveIntegerField(
        _("hours a year given back"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_HOURS_A_YEAR)],
        help_text=_("Your own estimate, for everyone affected together."),
    )
    given_back_to = models.CharField(
        _("given back to"), max_length=20, choices=GivenBackTo, blank=True
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("reporting requirement removed")
        verbose_name_plural = _("reporting requirements removed")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_year__lte=MAX_HOURS_A_YEAR),
                name="reporting_removal_hours_bounded",
                violation_error_code="too_many_hours",
                violation_error_message=_("Give at most a million hours a year."),
            )
        ]

    def __str__(self):
        return self.requirement
