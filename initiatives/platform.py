"""Everything the initiatives app hands the platform (``tillit``), registered by
``InitiativesConfig.ready()``: the panels of the work page and an organisation's page, the
demo data, the overview's cache on organisation changes, the audit trail's objects, the pages
that may read from the replica and what a backup counts. The privacy export's sections and the
retention purge are in ``privacy`` and ``retention``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tillit.accounts.registry import (
    DEMO_SEEDERS,
    ORGANISATION_CHANGED,
    ORGANISATION_PANELS,
    WORK_PANELS,
    DemoSeeder,
    OrganisationChanged,
    OrganisationPanel,
    WorkPanel,
)
from tillit.core.models import ACTION_LABELS
from tillit.core.registry import AUDIT_OBJECTS, BACKUP_COUNTED, REPLICA_VIEWS, AuditObject

from . import selectors, tasks, vocabulary
from .demo import (
    seed_comments,
    seed_effects,
    seed_experience,
    seed_followup,
    seed_initiatives,
    seed_relations,
)
from .models import Initiative
from .overview.cache import bump_data_version
from .work_panel import work_panel


def _organisation_panel(organisation, user) -> dict:
    return {"initiatives": selectors.organisation_initiatives(organisation, user=user)}


def _seed_demo(*, seed: int, initiatives: int) -> str:
    added = seed_initiatives(count=initiatives, seed=seed)
    reports = seed_experience()
    effects = seed_effects()
    comments = seed_comments()
    connections = seed_relations()
    followups = seed_followup()
    words = vocabulary.refresh()
    tasks.translate_published.enqueue()  # the demo's texts in the other written standard
    return (
        f"{added} new measures ({Initiative.objects.count()} in all), "
        f"{reports} new experience reports, {comments} new comments, "
        f"{connections} connections between measures, "
        f"{effects} measures and reports with new results, "
        f"{followups} ended measures followed up, "
        f"{words} words for correcting searches"
    )


def register() -> None:
    ACTION_LABELS["initiative.followup_answered"] = _("answered whether a measure lasted")
    WORK_PANELS.append(WorkPanel(work_panel))
    ORGANISATION_PANELS.append(OrganisationPanel(_organisation_panel))
    # An organisation's place or ministry may have changed: the overview's counts are stale,
    # and its name and place are in the search vectors of the measures naming it.
    ORGANISATION_CHANGED.append(OrganisationChanged(lambda organisation_id: bump_data_version()))
    ORGANISATION_CHANGED.append(OrganisationChanged(tasks.organisation_changed))
    DEMO_SEEDERS.append(DemoSeeder(_seed_demo))
    AUDIT_OBJECTS.extend(
        [
            AuditObject("initiatives.initiative", "initiatives:detail"),
            AuditObject("initiatives.comment", "initiatives:moderate"),
            AuditObject("initiatives.focusarea"),
        ]
    )
    REPLICA_VIEWS.add("initiatives:overview")
    BACKUP_COUNTED.extend(
        [
            "initiatives.Initiative",
            "initiatives.Attachment",
            "initiatives.Comment",
            "initiatives.ExperienceReport",
        ]
    )
