"""What the faceted lists read: the sources (measures here, experience reports in
``reports``), and the overview page's selector over the one pipeline (``pipeline``)."""

from __future__ import annotations

from django.db.models import Prefetch

from initiatives.models import (
    Initiative,
    InitiativeFocusArea,
    OverviewEntry,
    WorkflowStatus,
)
from initiatives.rules.initiatives import visibility_filter
from initiatives.selectors import with_focus_names
from tillit.accounts.models import Organisation

from .pipeline import OverviewResult, Selection, Source

LISTED_FIELDS = [
    "title",
    "summary",
    "kind",
    "start_date",
    "workflow_status",
    "organisation__name",
    "focus_area_numbers",
]


def overview_base(user, model=Initiative):
    """What the overview may show this user: published measures, their own organisation's
    unpublished ones, and for ministries the pending measures of their agencies. ``model``
    is ``Initiative`` or its narrow copy ``OverviewEntry``, which has the same fields."""
    return model.objects.filter(visibility_filter(user)).exclude(
        workflow_status=WorkflowStatus.ARKIVERT
    )


def _fetch_initiatives(queryset):
    return queryset.select_related("organisation").only(*LISTED_FIELDS)


INITIATIVES = Source(
    name="initiatives",
    model=Initiative,
    rows=overview_base,
    counted=lambda user: overview_base(user, OverviewEntry),
    fetch=_fetch_initiatives,
    snippet_of="description",
    decorate=lambda rows, reference: with_focus_names(rows, reference.focus_names),
)


def with_export_fields(initiatives):
    """What an export row shows, in a fixed number of queries."""
    return initiatives.select_related(
        "organisation__municipality", "organisation__parent_ministry"
    ).prefetch_related(
        Prefetch("partners", queryset=Organisation.objects.only("name")),
        Prefetch("participating_organisations", queryset=Organisation.objects.only("name")),
        Prefetch("responsible_ministries", queryset=Organisation.objects.only("short_name")),
        Prefetch(
            "focus_area_links",
            queryset=InitiativeFocusArea.objects.select_related("focus_area").order_by(
                "-is_primary", "focus_area__number"
            ),
        ),
    )


def overview(*, query, user, source: Source = INITIATIVES) -> OverviewResult:
    """Everyone may browse; what they see follows ``source.rows`` (for measures,
    ``overview_base``)."""
    return Selection(query, user=user, source=source).page()
