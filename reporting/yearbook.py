"""The yearly overview ("Oversikt over tiltak i tillitsreformen"), generated from the data.

Published measures active in the year are grouped by owning ministry (municipal and county
measures under "Kommunesektoren"), then by primary focus area. A section where its ministry
has picked measures for the year shows only those.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.models import FocusArea, Initiative, WorkflowStatus, YearbookPick
from initiatives.models.focus_areas import localized_name
from initiatives.rules.yearbook import MUNICIPAL, OTHER, sections
from tillit.accounts.models import OrganisationKind

FIRST_YEAR = 2000
MUNICIPAL_KINDS = {OrganisationKind.KOMMUNE, OrganisationKind.FYLKESKOMMUNE}
SHOWN_FIELDS = [
    "title",
    "summary",
    "kind",
    "lifecycle_status",
    "start_date",
    "end_date",
    "focus_area_numbers",
    "owning_ministry_id",
    "organisation__name",
    "organisation__kind",
    "owning_ministry__name",
]


def valid_year(year: int) -> bool:
    """From the register's first year up to this year: a year that has not begun has no
    overview to describe in the past tense."""
    return FIRST_YEAR <= year <= timezone.localdate().year


def active_in(year: int):
    """Published measures running at some time in ``year``."""
    return Initiative.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=date(year, 1, 1)),
        workflow_status=WorkflowStatus.PUBLISERT,
        start_date__lte=date(year, 12, 31),
    )


def section_of(initiative: Initiative):
    if initiative.owning_ministry_id:
        return initiative.owning_ministry_id
    return MUNICIPAL if initiative.organisation.kind in MUNICIPAL_KINDS else OTHER


def _section_title(key, initiative) -> str:
    if key == MUNICIPAL:
        return _("The municipal sector")
    if key == OTHER:
        return _("Other bodies")
    return initiative.owning_ministry.name


@dataclass
class Group:
    title: str
    initiatives: list = field(default_factory=list)


@dataclass
class Section:
    key: object
    title: str
    initiatives: list = field(default_factory=list)
    picked: set = field(default_factory=set)
    groups: list[Group] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"seksjon-{self.key}"


def _sort_key(section: Section):
    return (section.key == OTHER, section.key == MUNICIPAL, section.title)


def _sections(year: int) -> list[Section]:
    """Every active measure of the year by section, with the section's picks."""
    rows = (
        active_in(year)
        .select_related("organisation", "owning_ministry")
        .only(*SHOWN_FIELDS)
        .order_by("title", "pk")
    )
    picks = set(YearbookPick.objects.filter(year=year).values_list("initiative_id", flat=True))
    by_key: dict = {}
    for initiative in rows:
        key = section_of(initiative)
        section = by_key.setdefault(key, Section(key, _section_title(key, initiative)))
        section.initiatives.append(initiative)
        if initiative.pk in picks:
            section.picked.add(initiative.pk)
    return sorted(by_key.values(), key=_sort_key)


def yearbook(year: int) -> list[Section]:
    """Anyone reads the yearly overview: each section's picks, or all its active measures."""
    focus_names = {
        number: localized_name(slug, name)
        for number, slug, name in FocusArea.objects.values_list("number", "slug", "name")
    }
    result = _sections(year)
    for section in result:
        shown = [i for i in section.initiatives if not section.picked or i.pk in section.picked]
        groups: dict = defaultdict(list)
        for initiative in shown:
            numbers = initiative.focus_area_numbers
            groups[numbers[0] if numbers else None].append(initiative)
        section.initiatives = shown
        section.groups = [
            Group(focus_names.get(number, _("Other focus areas")), groups[number])
            for number in sorted(groups, key=lambda n: (n is None, n or 0))
        ]
    return result


def pickable(year: int, user) -> list[Section]:
    """The sections ``user`` may pick for, each with all its active measures."""
    allowed = sections(user)
    return [s for s in _sections(year) if allowed is None or s.key in allowed]


def shown_ids(year: int) -> list[int]:
    return [i.pk for section in yearbook(year) for i in section.initiatives]
