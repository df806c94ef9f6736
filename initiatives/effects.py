"""What a measure's page and an experience report's page show under "Results and effect": the
evidence label of the strongest method with its plain explanation, the indicators with their
change, and (on a measure) the reporting removed with the hours given back."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

from .models.effects import EVIDENCE_LABELS, Indicator, ReportingRemoval, strongest_method


@dataclass
class Evidence:
    method: str
    label: str
    explanation: str
    others: list[str]  # the labels of the other methods ticked, strongest first


def evidence_of(methods) -> Evidence | None:
    strongest = strongest_method(methods)
    if strongest is None:
        return None
    label, explanation = EVIDENCE_LABELS[strongest]
    others = [
        str(EVIDENCE_LABELS[method][0])
        for method in EVIDENCE_LABELS
        if method in set(methods) and method != strongest
    ]
    return Evidence(str(strongest), str(label), str(explanation), others)


def number_text(value: Decimal | None, *, signed: bool = False) -> str:
    """A value the Norwegian way (8,4 and 3 400), without trailing zeros; "" for None."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    shown = number_format(Decimal(text), force_grouping=True)
    return f"+{shown}" if signed and value > 0 else shown


def with_change(indicators) -> list[Indicator]:
    """Each indicator with ``change`` (latest minus before, when both are known) and its
    values as text (``baseline_text``, ``latest_text``, ``change_text``)."""
    for indicator in indicators:
        known = indicator.baseline_value is not None and indicator.latest_value is not None
        indicator.change = indicator.latest_value - indicator.baseline_value if known else None
        indicator.baseline_text = number_text(indicator.baseline_value)
        indicator.latest_text = number_text(indicator.latest_value)
        indicator.change_text = number_text(indicator.change, signed=True)
    return list(indicators)


def total_hours(removals) -> int | None:
    """The sum of the estimates given; None when no row has one."""
    hours = [r.hours_per_year for r in removals if r.hours_per_year is not None]
    return sum(hours) if hours else None


@dataclass
class Effects:
    evidence: Evidence | None
    indicators: list[Indicator] = field(default_factory=list)
    removals: list[ReportingRemoval] = field(default_factory=list)

    @property
    def total_hours(self) -> int | None:
        return total_hours(self.removals)

    def __bool__(self) -> bool:
        return bool(self.evidence or self.indicators or self.removals)


def measure_indicators(initiative) -> list[Indicator]:
    """The measure's own indicators (not its reports'), prefetched by ``for_detail``."""
    prefetched = getattr(initiative, "measure_indicators", None)
    if prefetched is not None:
        return list(prefetched)
    return list(initiative.indicators.filter(experience_report=None))


def measure_effects(initiative) -> Effects:
    return Effects(
        evidence=evidence_of(initiative.evidence_methods),
        indicators=with_change(measure_indicators(initiative)),
        removals=list(initiative.reporting_removed.all()),
    )


def report_effects(report) -> Effects:
    return Effects(
        evidence=evidence_of(report.evidence_methods),
        indicators=with_change(report.indicators.all()),
    )
