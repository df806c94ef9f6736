"""An application for a trial (forsøk), made from a measure by one or more municipalities or
county municipalities together, and what it carries: the exemptions asked for, the ministries'
assessments and the documents. Who may do what: ``trials.rules``; writes: ``trials.services``."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from initiatives.attachments import stored_extension
from tillit.accounts.models import Organisation, OrganisationKind
from tillit.core.constraints import ConstraintErrorsOnFields
from tillit.core.fields import limited_text_field

from .choices import DocumentKind, Outcome, TrialStatus, Verdict
from .legal import LegalAct
from .querysets import TrialApplicationQuerySet
from .rounds import TrialRound

TEXT_LENGTH = 4000
APPLICANT_KINDS = (OrganisationKind.KOMMUNE, OrganisationKind.FYLKESKOMMUNE)


class TrialApplication(models.Model):
    """One application, from draft to the trial's end; the decision fields fill as it moves."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="trial_applications",
        verbose_name=_("measure"),
    )
    round = models.ForeignKey(
        TrialRound,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("round of applications"),
    )
    applicants = models.ManyToManyField(
        Organisation,
        related_name="trial_applications",
        limit_choices_to={"kind__in": APPLICANT_KINDS},
        verbose_name=_("applicants"),
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = limited_text_field(_("what the trial is to achieve"), max_length=TEXT_LENGTH)
    period_years = models.PositiveSmallIntegerField(_("period sought (years)"))
    workflow_status = models.CharField(
        _("state"), max_length=30, choices=TrialStatus, default=TrialStatus.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # the create form's one-time token: posting the same form twice makes one application
    form_token = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    preliminary_sent_at = models.DateTimeField(
        _("preliminary application sent"), null=True, blank=True
    )
    assessment_started_at = models.DateTimeField(_("assessment started"), null=True, blank=True)
    # The coordinating ministry's selection.
    selection_reasons = models.TextField(_("reasons for the selection"), blank=True)
    selection_decided_at = models.DateTimeField(_("selection decided"), null=True, blank=True)
    # The final application and the council's decision.
    council_body = models.CharField(_("decided by (council)"), max_length=200, blank=True)
    council_date = models.DateField(_("date of the council's decision"), null=True, blank=True)
    council_case_number = models.CharField(_("case number"), max_length=50, blank=True)
    final_sent_at = models.DateTimeField(_("final application sent"), null=True, blank=True)
    # The decision on the final application.
    approving_ministry = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_trials",
        limit_choices_to={"kind": OrganisationKind.DEPARTEMENT},
        verbose_name=_("approving ministry"),
    )
    regulation_title = models.CharField(_("title of the regulation"), max_length=300, blank=True)
    regulation_date = models.DateField(_("date of the regulation"), null=True, blank=True)
    trial_start = models.DateField(_("trial starts"), null=True, blank=True)
    trial_end = models.DateField(_("trial ends"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    refusal_reasons = models.TextField(_("reasons for the refusal"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    evaluation_url = models.URLField(_("link to the evaluation report"), blank=True)
    evaluation_summary = models.TextField(_("what the evaluation found"), blank=True)
    evaluated_at = models.DateTimeField(_("evaluated"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, blank=True)
    outcome_note = models.TextField(_("about the outcome"), blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    objects = TrialApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application for a trial")
        verbose_name_plural = _("applications for trials")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trials:detail", args=[self.pk])

    @property
    def next_deadline(self):
        """The date the next step is due by, when there is one."""
        if self.workflow_status == TrialStatus.DRAFT:
            return self.round.preliminary_deadline
        if self.workflow_status == TrialStatus.SELECTED:
            return self.round.final_deadline
        if self.workflow_status == TrialStatus.RUNNING:
            return self.trial_end
        return None


class Exemption(ConstraintErrorsOnFields, models.Model):
    """One rule the applicants ask exemption from: a law in the reference table or another
    named in free text, the section, why it stands in the way and what is tried instead."""

    constraint_fields = {"exemption_names_its_law": "legal_act"}

    application = models.ForeignKey(
        TrialApplication, on_delete=models.CASCADE, related_name="exemptions"
    )
    legal_act = models.ForeignKey(
        LegalAct,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="exemptions",
        verbose_name=_("law or regulation"),
    )
    other_act = models.CharField(_("other law or regulation"), max_length=300, blank=True)
    section = models.CharField(_("section"), max_length=100, help_text=_("For example § 13-1."))
    obstacle = limited_text_field(_("why the rule stands in the way"), max_length=TEXT_LENGTH)
    alternative = limited_text_field(_("what is tried instead"), max_length=TEXT_LENGTH)
    evaluation = limited_text_field(_("how it will be evaluated"), max_length=TEXT_LENGTH)

    class Meta:
        verbose_name = _("exemption")
        verbose_name_plural = _("exemptions")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(legal_act__isnull=False) | ~Q(other_act=""),
                name="exemption_names_its_law",
                violation_error_code="no_law",
                violation_error_message=_("Choose the law or regulation, or write its name."),
            )
        ]

    def __str__(self):
        return f"{self.act_name} {self.section}".strip()

    @property
    def act_name(self) -> str:
        return self.legal_act.short_name if self.legal_act_id else self.other_act


class MinistryAssessment(models.Model):
    """A responsible ministry's view of an application under assessment (one per ministry)."""

    application = models.ForeignKey(
        TrialApplication, on_delete=models.CASCADE, related_name="assessments"
    )
    ministry = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("ministry")
    )
    verdict = models.CharField(_("assessment"), max_length=20, choices=Verdict)
    reasons = limited_text_field(_("reasons"), max_length=TEXT_LENGTH)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assessed_at = models.DateTimeField(_("assessed"), auto_now=True)

    class Meta:
        verbose_name = _("ministry's assessment")
        verbose_name_plural = _("ministries' assessments")
        ordering = ["ministry__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "ministry"],
                name="one_assessment_per_ministry",
                violation_error_message=_("The ministry has assessed the application already."),
            )
        ]

    def __str__(self):
        return f"{self.ministry}: {self.get_verdict_display()}"


def document_path(instance, filename):
    """Server-generated names, as for a measure's attachments."""
    return f"trials/{uuid.uuid4().hex}.{stored_extension(instance.content_type)}"


class TrialDocument(models.Model):
    """The council's decision or the evaluation report, served only through a view that
    checks the application's visibility."""

    application = models.ForeignKey(
        TrialApplication, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("trials:document", args=[self.application_id, self.pk])


class DeadlineReminder(models.Model):
    """A reminder sent about one deadline of one application: never sent twice."""

    application = models.ForeignKey(
        TrialApplication, on_delete=models.CASCADE, related_name="reminders"
    )
    status = models.CharField(max_length=30, choices=TrialStatus)
    deadline = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "status", "deadline"],
                name="one_reminder_per_deadline",
                violation_error_message=_("The reminder about this deadline was sent already."),
            )
        ]

    def __str__(self):
        return f"{self.application_id} {self.status} {self.deadline}"
