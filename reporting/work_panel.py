"""What the reporting app adds to a ministry's work page (``/mitt/``): the state of this
year's overview for each of the person's ministries, and the overview and statistics
filtered to its area."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from initiatives.models import YearbookPickSection
from tillit.accounts.models import Role
from tillit.policy.roles import memberships_of

from .yearbook import active_in


def ministry_yearbook_state(user) -> list[dict]:
    """Per ministry of ``user``: how many measures this year's overview can show in its part,
    how many it picked, and the links to its area (two statements however many)."""
    ministries = [m.organisation for m in memberships_of(user) if Role.DEPARTEMENT in m.roles]
    if not ministries:
        return []
    year = timezone.localdate().year
    active = active_in(year).aggregate(
        **{str(m.pk): Count("pk", filter=Q(ministry_ids__contains=[m.pk])) for m in ministries}
    )
    picked = dict(
        YearbookPickSection.objects.filter(
            pick__year=year, section__in=[str(m.pk) for m in ministries]
        )
        .values_list("section")
        .annotate(Count("pk"))
        .order_by()
    )
    rows = []
    for ministry in sorted(ministries, key=lambda m: m.name):
        query = urlencode({"departement": ministry.short_name}) if ministry.short_name else ""
        rows.append(
            {
                "ministry": ministry,
                "year": year,
                "active": active[str(ministry.pk)],
                "picked": picked.get(str(ministry.pk), 0),
                "overview_url": f"{reverse('initiatives:overview')}?{query}",
                "statistics_url": f"{reverse('reporting:statistics')}?{query}",
                "yearbook_url": reverse("reporting:yearbook", args=[year]),
                "pick_url": reverse("reporting:yearbook_pick", args=[year]),
            }
        )
    return rows


def work_panel(user) -> dict:
    return {"ministry_yearbooks": ministry_yearbook_state(user)}
