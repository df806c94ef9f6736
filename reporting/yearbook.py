"""The yearly overview ("Oversikt over tiltak i tillitsreformen"), generated from the data.

Published measures active in the year are grouped by responsible ministry (the owning
ministry of a state agency and those chosen for the measure), then by primary focus area. A
municipal or county measure is shown under each of its ministries and under
"Kommunesektoren" as well. A section where its ministry has picked measures for the year
shows only those.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.models import FocusArea, Initiative, WorkflowStatus, YearbookPickSection
from initiatives.models.focus_areas import localized_name
from initiatives.rules.yearbook import MUNICIPAL, OTHER, sections
from tillit.accounts.models import Organisation, OrganisationKind

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
    "ministry_ids",
    "organisation__name",
    "organisation__kind",
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


def sections_of(initiative: Initiative) -> list:
    """The parts of the overview a measure is in: each responsible ministry's (the owning
    ministry included, kept in ``ministry_ids`` by the database) and, for a municipality's or
    county municipality's measure, the municipal sector's; the others' when in none."""
    keys: list = list(initiative.ministry_ids)
    if initiative.organisation.kind in MUNICIPAL_KINDS:
        keys.append(MUNICIPAL)
    return keys or [OTHER]


def _section_title(key, ministry_names: dict[int, str]) -> str:
    if key == MUNICIPAL:
        return _("The municipal sector")
    if key == OTHER:
        return _("Other bodies")
    return ministry_names.get(key, "")


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
        active_in(year).select_related("organisation").only(*SHOWN_FIELDS).order_by("title", "pk")
    )
    ministry_names = dict(
        Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT).values_list("pk", "name")
    )
    picks: dict[str, set[int]] = defaultdict(set)
    for section, pk in YearbookPickSection.objects.filter(pick__year=year).values_list(
        "section", "pick__initiative_id"
    ):
        picks[section].add(pk)
    by_key: dict = {}
    for initiative in rows:
        for key in sections_of(initiative):
            section = by_key.setdefault(key, Section(key, _section_title(key, ministry_names)))
            section.initiatives.append(initiative)
            if initiative.pk in picks[str(key)]:
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
    """The measures the overview shows, each once however many sections it is in."""
    return list(dict.fromkeys(i.pk for section in yearbook(year) for i in section.initiatives))
