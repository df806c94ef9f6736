"""What a page says about a similar measure: how it went (its status and how long it ran)
and one line on why it is like the subject (the words or focus areas they share)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from initiatives.models import Initiative, LifecycleStatus

from .selectors import SimilarMeasure, similar_measures

SHOWN_WORDS = 3


@dataclass(frozen=True)
class ShownMeasure:
    measure: SimilarMeasure
    status: str
    course: str  # how long it ran, or "" when the dates are unknown
    why: str

    @property
    def url(self) -> str:
        return Initiative(pk=self.measure.pk, title=self.measure.title).get_absolute_url()


def _duration(start: date, end: date) -> str:
    months = (end.year - start.year) * 12 + end.month - start.month
    if months >= 24:
        years = months // 12
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    months = max(months, 1)
    return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}


def course(measure: SimilarMeasure, today: date | None = None) -> str:
    """Whether it lasted: how long it ran until it ended, or has run so far."""
    start, end = measure.start_date, measure.end_date
    today = today or timezone.localdate()
    status = measure.lifecycle_status
    if start is None or status == LifecycleStatus.PLANLAGT:
        return ""
    if status in (LifecycleStatus.AVSLUTTET, LifecycleStatus.AVBRUTT) and end:
        return _("ran for %(duration)s") % {"duration": _duration(start, end)}
    if status == LifecycleStatus.PAGAR and start <= today:
        return _("has run for %(duration)s") % {"duration": _duration(start, today)}
    return ""


def why(measure: SimilarMeasure, focus_names: dict[int, str]) -> str:
    """The shared words (the rarest first) or, without any, the shared focus areas."""
    if measure.shared_words:
        words = ", ".join(f"«{word}»" for word in measure.shared_words[:SHOWN_WORDS])
        return _("Both mention %(words)s") % {"words": words}
    names = [str(focus_names[n]) for n in measure.shared_areas if n in focus_names]
    if names:
        return _("Same focus area: %(areas)s") % {"areas": ", ".join(names)}
    return ""


def shown(rows: list[SimilarMeasure], focus_names: dict[int, str]) -> list[ShownMeasure]:
    labels = dict(LifecycleStatus.choices)
    return [
        ShownMeasure(
            measure=row,
            status=str(labels.get(row.lifecycle_status, "")),
            course=course(row),
            why=why(row, focus_names),
        )
        for row in rows
    ]


def for_measure(initiative) -> list[ShownMeasure]:
    """A measure page's list (its focus areas are loaded with the page)."""
    names = {
        link.focus_area.number: link.focus_area.display_name
        for link in initiative.focus_area_links.all()
    }
    return shown(similar_measures(initiative), names)
