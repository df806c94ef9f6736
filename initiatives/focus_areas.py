"""The focus areas' pages (hubs): reads and the editors' one write."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count

from tillit.core.audit import audit_record
from tillit.policy import Action, require

from .effect_figures import focus_area_figures
from .models import ExperienceReport, FocusArea, Initiative, OverviewEntry, WorkflowStatus
from .overview import cache
from .overview.selectors import LISTED_FIELDS
from .selectors import with_focus_names

NEWEST = 5


def focus_area_hub(focus_area: FocusArea) -> dict:
    """What the focus area's page shows; the same for everyone (published content only)."""
    number = focus_area.number
    entries = OverviewEntry.objects.filter(
        workflow_status=WorkflowStatus.PUBLISERT, focus_area_numbers__contains=[number]
    )
    by_status = dict(entries.order_by().values_list("lifecycle_status").annotate(n=Count("*")))
    by_county = list(
        entries.exclude(county=None)
        .order_by("county__number")
        .values_list("county__name")
        .annotate(n=Count("*"))
    )
    initiatives = list(
        Initiative.objects.filter(
            workflow_status=WorkflowStatus.PUBLISERT, focus_area_numbers__contains=[number]
        )
        .select_related("organisation")
        .only(*LISTED_FIELDS)
        .order_by("-published_at", "-pk")[:NEWEST]
    )
    version = cache.data_version()
    reference = cache.reference(version)
    reports = list(
        ExperienceReport.objects.published()
        .filter(initiative__focus_area_numbers__contains=[number])
        .select_related("initiative__organisation")
        .order_by("-published_at", "-pk")[:NEWEST]
    )
    return {
        "total": sum(by_status.values()),
        "by_status": by_status,
        "by_county": by_county,
        "initiatives": with_focus_names(initiatives, reference.focus_names),
        "reports": reports,
        # hours given back, evidence and coverage
        "effects": focus_area_figures(number, version=version),
    }


def focus_area_update(*, focus_area: FocusArea, by, description: str) -> FocusArea:
    """Editors change the text that explains a focus area."""
    with transaction.atomic():
        require(by, Action.FOCUS_AREA_EDIT, focus_area)
        focus_area.description = description.strip()
        focus_area.save(update_fields=["description"])
        audit_record(actor=by, action="focus_area.edited", obj=focus_area)
    return focus_area
