"""When a measure has ended: its end date has passed (and it was not discontinued), or its
status is "avsluttet". Only published measures are followed up."""

from __future__ import annotations

import calendar
from datetime import date

from django.db.models import Q

from initiatives.dates import DatePrecision, period_over_before
from initiatives.models import Initiative, LifecycleStatus, WorkflowStatus

ROUNDS = (6, 12)  # months after the end


def _end_passed(today: date) -> Q:
    return period_over_before(today, field="end_date", precision_field="end_precision") & ~Q(
        lifecycle_status=LifecycleStatus.AVBRUTT
    )


def ended_filter(today: date) -> Q:
    """The published measures that have ended by ``today``, as a filter for ``Initiative``."""
    return Q(workflow_status=WorkflowStatus.PUBLISERT) & (
        _end_passed(today) | Q(lifecycle_status=LifecycleStatus.AVSLUTTET)
    )


def has_ended(initiative: Initiative, today: date) -> bool:
    """``ended_filter`` for one measure in hand (publication aside)."""
    if initiative.lifecycle_status == LifecycleStatus.AVSLUTTET:
        return True
    end = _period_end(initiative)
    return (
        initiative.lifecycle_status != LifecycleStatus.AVBRUTT and end is not None and end < today
    )


def _period_end(initiative: Initiative) -> date | None:
    """The last day of the period the end date stands for (a month, a year or a day)."""
    end = initiative.end_date
    if end is None:
        return None
    if initiative.end_precision == DatePrecision.YEAR:
        return date(end.year, 12, 31)
    if initiative.end_precision == DatePrecision.MONTH:
        return date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
    return end


def ended_on(initiative: Initiative, today: date) -> date:
    """Since when an ended measure has ended: the end of its end date's period when that has
    passed, else (ended early or without an end date) ``today``, the day it was first seen."""
    end = _period_end(initiative)
    return end if end is not None and end < today else today


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day where it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
