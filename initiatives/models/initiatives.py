"""The initiative record: a measure (tiltak) or pilot (forsøk) of one organisation."""

from datetime import date

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from initiatives.dates import DatePrecision, end_not_before_start_condition
from tillit.accounts.models import County, Municipality, Organisation, OrganisationKind
from tillit.core.constraints import ConstraintErrorsOnFields
from tillit.core.fields import limited_text_field
from tillit.core.text import make_slug

from .choices import (
    Kind,
    LifecycleStatus,
    Participant,
    Sector,
    TrustRelation,
    UnionAssessment,
    WorkflowStatus,
)
from .display import GOAL_FIELDS, InitiativeDisplay
from .effects import evidence_methods_field
from .focus_areas import FocusArea
from .querysets import InitiativeQuerySet
from .translations import written_standard_field

# Path segments after /tiltak/<id>/ that are views, so never used as a title slug.
RESERVED_SLUGS = {
    "rediger",
    "send-inn",
    "godkjenning",
    "arkiver",
    "avpubliser",
    "medvirkning",
    "slett",
    "lignende",
    "prov-dette",
    "sammenhenger",
    "oppfolging",
}
REFORM_START = date(2021, 9, 1)
# Text limits: generous for a measure, and far below what the search document can hold
# (PostgreSQL's tsvector takes 1 MB; title, summary and description give at most ~150 kB).
DESCRIPTION_LENGTH = 20_000
GOAL_LENGTH = 2_000
KIND_LABELS = dict(Kind.choices)  # value → lazy label
# The fields people fill in on the measure form, in form order (relations are separate).
EDITABLE_FIELDS = [
    "title",
    "summary",
    "description",
    "kind",
    "sector",
    "other_focus_area",
    "trust_relations",
    "lifecycle_status",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "started_before_reform",
    "participants",
    "exemption_from",
    *GOAL_FIELDS,
    "contact_name",
    "contact_email",
    "contact_phone",
    "publish_contact",
    "links",
    "evidence_methods",
]  # autumn 2021: measures begun before this predate the reform


def _choice_array(choices, verbose_name):
    return ArrayField(
        models.CharField(max_length=40, choices=choices),
        verbose_name=verbose_name,
        default=list,
        blank=True,
    )


def _precision(verbose_name):
    return models.CharField(
        verbose_name,
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        db_default=DatePrecision.DAY,
    )


class Initiative(InitiativeDisplay, ConstraintErrorsOnFields, models.Model):
    """Who may do what: see ``initiatives.policy``; every write goes through its services."""

    constraint_fields = {"initiative_end_after_start": "end_date"}

    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown in lists."),
    )
    description = limited_text_field(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("owning organisation"),
    )
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="partner_initiatives",
        verbose_name=_("partner organisations"),
    )
    # Organisations that run the measure together with the owner (a shared service's other
    # municipalities): found by their own place filters. Partners above only help.
    participating_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="participating_initiatives",
        verbose_name=_("participating organisations"),
    )
    # The ministries whose area the measure touches: the owning ministry of a state agency's
    # measure, those a municipality chose, and any that approved it as a trial.
    responsible_ministries = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="ministry_initiatives",
        limit_choices_to={"kind": OrganisationKind.DEPARTEMENT},
        verbose_name=_("responsible ministries"),
    )
    kind = models.CharField(_("kind of measure"), max_length=30, choices=Kind, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector, blank=True)
    focus_areas = models.ManyToManyField(
        FocusArea,
        through="InitiativeFocusArea",
        related_name="initiatives",
        verbose_name=_("focus areas"),
    )
    other_focus_area = models.CharField(
        _("other area"),
        max_length=200,
        blank=True,
        help_text=_("If the measure concerns an area other than the seven, name it briefly."),
    )
    trust_relations = _choice_array(TrustRelation.choices, _("trust relations"))
    lifecycle_status = models.CharField(
        _("status"), max_length=20, choices=LifecycleStatus, blank=True
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # A date known only to the month or year is stored as the period's first day.
    start_precision = _precision(_("precision of the start date"))
    end_precision = _precision(_("precision of the end date"))
    started_before_reform = models.BooleanField(
        _("started before the trust reform (autumn 2021)"), default=False
    )
    participants = _choice_array(Participant.choices, _("who took part"))
    exemption_from = models.CharField(
        _("exemption sought from"),
        max_length=300,
        blank=True,
        help_text=_("For pilots that need it: the law or regulation, for example a section."),
    )
    goal_resources = limited_text_field(_("resources"), max_length=GOAL_LENGTH, blank=True)
    goal_activities = limited_text_field(_("activities"), max_length=GOAL_LENGTH, blank=True)
    goal_outputs = limited_text_field(_("outputs"), max_length=GOAL_LENGTH, blank=True)
    goal_user_effects = limited_text_field(
        _("effects for users"), max_length=GOAL_LENGTH, blank=True
    )
    goal_societal_effects = limited_text_field(
        _("effects for society"), max_length=GOAL_LENGTH, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    publish_contact = models.BooleanField(_("publish contact details"), default=False)
    links = ArrayField(
        models.URLField(max_length=500), verbose_name=_("links"), default=list, blank=True
    )
    # Results and effect (all optional); the indicators and the reporting removed are rows.
    evidence_methods = evidence_methods_field()

    workflow_status = models.CharField(
        _("publication status"),
        max_length=20,
        choices=WorkflowStatus,
        default=WorkflowStatus.UTKAST,
        db_index=True,
    )
    review_note = models.TextField(_("note from the leader"), blank=True)
    union_assessment = models.CharField(
        _("employee involvement"),
        max_length=20,
        choices=UnionAssessment,
        default=UnionAssessment.UKJENT,
    )
    union_assessment_text = models.TextField(_("union representative's comment"), blank=True)
    union_assessment_union = models.CharField(_("union"), max_length=100, blank=True)
    union_assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    union_assessed_at = models.DateTimeField(_("assessed"), null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="initiatives_created",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1)
    written_standard = written_standard_field()
    # Made in Python (initiatives/search): lemmas of both written standards, compound parts
    # and names. The database fills in a plain Snowball vector, and marks the row for
    # re-indexing (search_version 0), when a write left it out (migration 0024).
    search_vector = SearchVectorField(null=True, editable=False)
    search_version = models.PositiveSmallIntegerField(default=0, db_default=0, editable=False)

    # Where the measure sits, copied by the database from its organisation and focus areas
    # (triggers in migration 0006) so the overview filters and counts without joins.
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, null=True, editable=False, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, editable=False, related_name="+"
    )
    owning_ministry = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, editable=False, related_name="+"
    )
    start_year = models.PositiveSmallIntegerField(null=True, editable=False, db_index=True)
    focus_area_numbers = ArrayField(
        models.PositiveSmallIntegerField(), default=list, editable=False
    )
    # What the place and ministry facets read (migration 0020): the owning ministry and the
    # responsible ministries; the owner's and the participants' municipalities and counties.
    ministry_ids = ArrayField(models.BigIntegerField(), default=list, editable=False)
    municipality_numbers = ArrayField(models.CharField(max_length=4), default=list, editable=False)
    county_numbers = ArrayField(models.CharField(max_length=2), default=list, editable=False)
    # kept by the experience services: has the measure a published experience report?
    has_experience = models.BooleanField(default=False, editable=False)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                # the end's period may not end before the start's begins
                condition=end_not_before_start_condition(),
                name="initiative_end_after_start",
                violation_error_code="end_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "workflow_status"]),
            GinIndex(fields=["search_vector"], name="initiative_search_gin"),
            # Most searches are the public's, over published measures only: a smaller index.
            GinIndex(
                fields=["search_vector"],
                name="initiative_public_search_gin",
                condition=Q(workflow_status=WorkflowStatus.PUBLISERT),
            ),
            # The overview's facets: bitmap scans combine these with the text search.
            GinIndex(fields=["focus_area_numbers"], name="initiative_focus_gin"),
            GinIndex(fields=["ministry_ids"], name="initiative_ministries_gin"),
            GinIndex(fields=["municipality_numbers"], name="initiative_municipalities_gin"),
            GinIndex(fields=["county_numbers"], name="initiative_counties_gin"),
            models.Index(fields=["kind"], name="initiative_kind"),
            models.Index(fields=["sector"], name="initiative_sector"),
            models.Index(fields=["lifecycle_status"], name="initiative_lifecycle"),
            models.Index(fields=["union_assessment"], name="initiative_union"),
            GinIndex(fields=["evidence_methods"], name="initiative_evidence_gin"),
            # The overview's default order ("nyeste") over published measures.
            models.Index(
                models.F("published_at").desc(nulls_last=True),
                models.F("id").desc(),
                name="initiative_published_order",
                condition=Q(workflow_status=WorkflowStatus.PUBLISERT),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        slug = make_slug(self.title)[:60].strip("-")
        if slug and slug not in RESERVED_SLUGS:
            return reverse("initiatives:detail_slug", args=[self.pk, slug])
        return reverse("initiatives:detail", args=[self.pk])

    def get_kind_display(self) -> str:
        """As Django's, without translating every kind's label on each call (a page of
        results shows one per card)."""
        return force_str(KIND_LABELS.get(self.kind, self.kind), strings_only=True)

    @property
    def is_published(self) -> bool:
        return self.workflow_status == WorkflowStatus.PUBLISERT
