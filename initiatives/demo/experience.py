"""Demo experience reports and focus-area texts for ``seed_demo``, from
``data/experience.toml``."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tillit.accounts.models import User

from ..models import ExperienceReport, FocusArea, Initiative, WorkflowStatus
from ..overview.cache import bump_data_version
from ..search.indexing import prepare_report
from .content import read_experience


def seed_experience(*, author: User | None = None) -> int:
    """Give the published initiative each report names a published report (once), and the
    focus areas their texts where they have none. Returns how many reports were added."""
    experience = read_experience()
    added = 0
    with transaction.atomic():
        for number, text in experience.focus_area_texts.items():
            FocusArea.objects.filter(number=number, description="").update(description=text)
        for report in experience.reports:
            initiative = (
                Initiative.objects.filter(
                    title=report.initiative, workflow_status=WorkflowStatus.PUBLISERT
                )
                .order_by("pk")
                .first()
            )
            if (
                initiative is None
                or initiative.experience_reports.filter(title=report.fields["title"]).exists()
            ):
                continue
            created = ExperienceReport(
                initiative=initiative,
                created_by=author or initiative.created_by,
                workflow_status=WorkflowStatus.PUBLISERT,
                published_at=timezone.now(),
                **report.fields,
            )
            prepare_report(created)
            created.save()
            Initiative.objects.filter(pk=initiative.pk).update(has_experience=True)
            added += 1
    if added:
        bump_data_version()
    return added
