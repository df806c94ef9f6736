"""Demo results for ``seed_demo``, from ``data/effects.toml``: how the effect was judged,
indicators and the reporting removed on some measures, and indicators on some experience
reports. Each row is checked as the services check it; measures or reports that already have
rows are left as they are."""

from __future__ import annotations

import tomllib
from decimal import Decimal

from django.db import transaction

from ..models import ExperienceReport, Initiative, WorkflowStatus
from ..overview.cache import bump_data_version
from ..services.effects import indicators_replace, reporting_removed_replace
from .content import DATA_DIR


def _indicator(row: dict) -> dict:
    """TOML numbers as decimals (a float's shortest text, so 9.6 stays 9.6)."""
    return {
        name: Decimal(str(value)) if name.endswith("_value") else value
        for name, value in row.items()
    }


def _measure(title: str) -> Initiative | None:
    """The first measure with the title, published if there is one."""
    found = Initiative.objects.filter(title=title).order_by("-workflow_status", "pk")
    published = found.filter(workflow_status=WorkflowStatus.PUBLISERT).first()
    return published or found.first()


def seed_effects(path=DATA_DIR / "effects.toml") -> int:
    """Returns how many measures and reports got results."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    added = 0
    with transaction.atomic():
        for entry in data.get("measure", []):
            measure = _measure(entry["initiative"])
            if measure is None or measure.indicators.exists() or measure.reporting_removed.exists():
                continue
            Initiative.objects.filter(pk=measure.pk).update(evidence_methods=entry["evidence"])
            rows = [_indicator(row) for row in entry.get("indicator", [])]
            indicators_replace(initiative=measure, rows=rows)
            reporting_removed_replace(initiative=measure, rows=entry.get("removed", []))
            added += 1
        for entry in data.get("report", []):
            report = ExperienceReport.objects.filter(title=entry["title"]).order_by("pk").first()
            if report is None or report.indicators.exists():
                continue
            ExperienceReport.objects.filter(pk=report.pk).update(evidence_methods=entry["evidence"])
            rows = [_indicator(row) for row in entry.get("indicator", [])]
            indicators_replace(initiative=report.initiative, report=report, rows=rows)
            added += 1
    if added:
        bump_data_version()
    return added
