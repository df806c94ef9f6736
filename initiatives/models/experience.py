"""Experience reports: what an organisation learned from one of its measures, for others."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from initiatives.rules.experience import visibility_filter
from tillit.core.fields import limited_text_field

from .choices import WorkflowStatus
from .effects import evidence_methods_field
from .translations import written_standard_field

# Text limits; all of a report's text together stays far below the 1 MB a tsvector holds.
PART_LENGTH = 10_000
SHORT_PART_LENGTH = 5_000
NOTE_LENGTH = 2_000
# What a report's author writes, in the form's order (the contact person comes after).
WRITTEN_FIELDS = (
    "title",
    "summary",
    "what_was_done",
    "what_worked",
    "challenges",
    "success_conditions",
    "advice",
    "transferability",
    "transferability_note",
    "outcomes",
)


class Transferability(models.TextChoices):
    JA = "ja", _("yes, as it is")
    DELVIS = "delvis", _("yes, with adjustments")
    NEI = "nei", _("no, it depended on local conditions")
    USIKKERT = "usikkert", _("too early to say")


class ExperienceReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published reports of published measures for everyone; the rest only inside the
        measure's organisation and to editors."""
        return self.filter(visibility_filter(user))

    def published(self):
        return self.filter(
            workflow_status=WorkflowStatus.PUBLISERT,
            initiative__workflow_status=WorkflowStatus.PUBLISERT,
        )


class ExperienceReport(models.Model):
    """Written by staff and leaders of the measure's organisation; a leader publishes it.
    Who may do what: ``initiatives.rules.experience``; writes go through the services."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="experience_reports",
        verbose_name=_("measure"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in lists."),
    )
    what_was_done = limited_text_field(_("what was done"), max_length=PART_LENGTH)
    what_worked = limited_text_field(_("what worked"), max_length=PART_LENGTH)
    challenges = limited_text_field(
        _("what did not work"),
        max_length=PART_LENGTH,
        help_text=_("Challenges and failures are as useful to others as successes."),
    )
    success_conditions = limited_text_field(
        _("conditions for success"), max_length=SHORT_PART_LENGTH, blank=True
    )
    advice = limited_text_field(
        _("advice to others who want to try"), max_length=SHORT_PART_LENGTH, blank=True
    )
    transferability = models.CharField(
        _("could it be repeated elsewhere?"),
        max_length=20,
        choices=Transferability,
        default=Transferability.USIKKERT,
    )
    transferability_note = limited_text_field(
        _("about repeating it"), max_length=NOTE_LENGTH, blank=True
    )
    outcomes = limited_text_field(
        _("outcomes"),
        max_length=SHORT_PART_LENGTH,
        blank=True,
        help_text=_(
            "For example sick leave, job satisfaction, user satisfaction or time spent on "
            "reporting, in words or as figures before and after."
        ),
    )
    evidence_methods = evidence_methods_field()
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    workflow_status = models.CharField(
        _("publication status"),
        max_length=20,
        choices=WorkflowStatus,
        default=WorkflowStatus.UTKAST,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="experience_reports",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    written_standard = written_standard_field()
    # Made in Python (initiatives/search): lemmas of both written standards, compound parts
    # and names. The database fills in a plain Snowball vector, and marks the row for
    # re-indexing (search_version 0), when a write left it out (migration 0024).
    search_vector = SearchVectorField(null=True, editable=False)
    search_version = models.PositiveSmallIntegerField(default=0, db_default=0, editable=False)

    objects = ExperienceReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("experience report")
        verbose_name_plural = _("experience reports")
        ordering = ["-published_at", "-id"]
        indexes = [GinIndex(fields=["search_vector"], name="experience_search_gin")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("initiatives:experience", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.workflow_status == WorkflowStatus.PUBLISERT
