"""A narrow copy of what the overview filters, counts and searches on, one row per measure.

The database keeps it (a trigger, migrations 0007, 0008 and 0020, copies the measure's row on every
insert and update). A search's facet counts and page of results read these short rows
instead of the wide measure table: for a broad search that is thousands of rows per request.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

from .choices import WorkflowStatus
from .initiatives import Initiative


class OverviewEntry(models.Model):
    """Read-only for the code: written by the database only."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, primary_key=True, related_name="overview_entry"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.DO_NOTHING, related_name="+"
    )
    workflow_status = models.CharField(max_length=20)
    kind = models.CharField(max_length=30)
    sector = models.CharField(max_length=30)
    lifecycle_status = models.CharField(max_length=20)
    union_assessment = models.CharField(max_length=20)
    county = models.ForeignKey(
        "accounts.County", on_delete=models.DO_NOTHING, null=True, related_name="+"
    )
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.DO_NOTHING, null=True, related_name="+"
    )
    owning_ministry = models.ForeignKey(
        "accounts.Organisation", on_delete=models.DO_NOTHING, null=True, related_name="+"
    )
    start_year = models.PositiveSmallIntegerField(null=True)
    focus_area_numbers = ArrayField(models.PositiveSmallIntegerField(), default=list)
    ministry_ids = ArrayField(models.BigIntegerField(), default=list)
    municipality_numbers = ArrayField(models.CharField(max_length=4), default=list)
    county_numbers = ArrayField(models.CharField(max_length=2), default=list)
    search_vector = SearchVectorField()
    # the sort keys, so a search's page of results comes from the same rows (migration 0008)
    title = models.CharField(max_length=200, default="")
    published_at = models.DateTimeField(null=True)
    updated_at = models.DateTimeField(null=True)
    has_experience = models.BooleanField(default=False)
    # how the effect was judged, for the overview's evidence facet (migration 0030)
    evidence_methods = ArrayField(
        models.CharField(max_length=30),
        default=list,
        db_default=models.Value([], output_field=ArrayField(models.CharField(max_length=30))),
    )

    class Meta:
        # Migration 0012 (remade in 0021) adds entry_public_search_facets: the search vector
        # and the facet columns of published measures in one GIN index (with btree_gin).
        indexes = [
            GinIndex(fields=["search_vector"], name="entry_search_gin"),
            GinIndex(
                fields=["search_vector"],
                name="entry_public_search_gin",
                condition=Q(workflow_status=WorkflowStatus.PUBLISERT),
            ),
            GinIndex(fields=["focus_area_numbers"], name="entry_focus_gin"),
            GinIndex(fields=["ministry_ids"], name="entry_ministries_gin"),
            GinIndex(fields=["municipality_numbers"], name="entry_municipalities_gin"),
            GinIndex(fields=["county_numbers"], name="entry_counties_gin"),
            GinIndex(fields=["evidence_methods"], name="entry_evidence_gin"),
            models.Index(fields=["workflow_status"], name="entry_workflow"),
            models.Index(fields=["kind"], name="entry_kind"),
            models.Index(fields=["sector"], name="entry_sector"),
            models.Index(fields=["lifecycle_status"], name="entry_lifecycle"),
            models.Index(fields=["union_assessment"], name="entry_union"),
            models.Index(fields=["start_year"], name="entry_start_year"),
        ]

    def __str__(self):
        return f"overview entry {self.initiative_id}"
