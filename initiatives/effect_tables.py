"""The effect figures (``effect_figures``) as the pages show them: the tables of hours given
back, the measures by their strongest evidence, and how many measures report each figure,
labelled in the user's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .effect_figures import NOT_STATED, EffectFigures, Tally
from .models import GivenBackTo, RequiredBy
from .models.effects import EVIDENCE_LABELS


@dataclass
class HoursRow:
    label: str
    tally: Tally


@dataclass
class HoursTable:
    slug: str
    caption: str
    header: str
    rows: list[HoursRow]
    note: str = ""


@dataclass
class EvidenceRow:
    label: str
    explanation: str
    count: int


def _by_choice(figures: EffectFigures, dimension: str, choices) -> list[HoursRow]:
    """One row per choice with ledger rows, then those that did not say."""
    tallies = figures.by(dimension)
    rows = [HoursRow(str(label), tallies[value]) for value, label in choices if value in tallies]
    if NOT_STATED in tallies:
        rows.append(HoursRow(_("not stated"), tallies[NOT_STATED]))
    return rows


def hours_tables(figures: EffectFigures, focus_names: dict[int, str]) -> list[HoursTable]:
    """The hours given back by focus area, by who required the reporting, and by whom the
    time went back to."""
    areas = figures.by("fokusomrade")
    by_area = [
        HoursRow(f"{number}. {name}", areas[str(number)])
        for number, name in sorted(focus_names.items())
        if str(number) in areas
    ]
    return [
        HoursTable(
            "timer-fokusomrade",
            _("Hours given back by focus area"),
            _("Focus area"),
            by_area,
            _(
                "A measure with several focus areas counts in each of them, so the rows add up"
                " to more than the total."
            ),
        ),
        HoursTable(
            "timer-kravstiller",
            _("Hours given back by who required the reporting"),
            _("Required by"),
            _by_choice(figures, "kravstiller", RequiredBy.choices),
        ),
        HoursTable(
            "timer-gitt-til",
            _("Hours given back by whom the time went to"),
            _("Given back to"),
            _by_choice(figures, "gitt_til", GivenBackTo.choices),
        ),
    ]


def evidence_rows(figures: EffectFigures) -> list[EvidenceRow]:
    """The measures by their strongest kind of evidence, strongest first, then those with
    none recorded."""
    rows = [
        EvidenceRow(str(label), str(explanation), figures.evidence.get(method.value, 0))
        for method, (label, explanation) in EVIDENCE_LABELS.items()
    ]
    rows.append(
        EvidenceRow(
            _("None recorded"),
            _("The measure does not say how its effect was judged."),
            figures.without_evidence,
        )
    )
    return rows


def coverage(figures: EffectFigures, total: int) -> list[str]:
    """How many of the ``total`` published measures report each figure, so that nobody takes
    a sum of some for a sum of all."""
    lines = [
        (
            figures.with_evidence,
            ngettext(
                "%(count)s of %(total)s published measure has recorded how its effect was judged",
                "%(count)s of %(total)s published measures have recorded how their effect was"
                " judged",
                total,
            ),
        ),
        (
            figures.with_indicators,
            ngettext(
                "%(count)s of %(total)s published measure has recorded indicators",
                "%(count)s of %(total)s published measures have recorded indicators",
                total,
            ),
        ),
        (
            figures.total.measures,
            ngettext(
                "%(count)s of %(total)s published measure lists reporting it removed or simplified",
                "%(count)s of %(total)s published measures list reporting they removed or"
                " simplified",
                total,
            ),
        ),
        (
            figures.total.estimated_measures,
            ngettext(
                "%(count)s of %(total)s published measure has estimated the hours given back",
                "%(count)s of %(total)s published measures have estimated the hours given back",
                total,
            ),
        ),
    ]
    return [text % {"count": count, "total": total} for count, text in lines]
