"""Reading the overview's query parameters. Unknown or malformed values are dropped and
named back to the user; the valid ones still apply."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from initiatives.models import FocusArea, Kind, LifecycleStatus, Sector
from initiatives.models.focus_areas import localized_name
from tillit.accounts.models import County, Municipality, Organisation, OrganisationKind

MAX_QUERY_LENGTH = 200
MAX_VALUES = 50  # per facet; more than this is not a real selection
SORTINGS = {
    "relevans": _("relevance"),
    "nyeste": _("newest"),
    "oppdatert": _("recently updated"),
    "tittel": _("title"),
}
CONFIRMATION = {"ja": "bekreftet", "nei": "ikke_involvert", "ukjent": "ukjent"}
FACETS = ["fokusomrade", "type", "sektor", "status", "fylke", "kommune", "departement", "aar"]
FACETS += ["erfaring"]  # "ja": measures with a published experience report
YEAR_PATTERN = re.compile(r"^(19|20)\d{2}$")


@dataclass
class Reference:
    """The facet values that live in the database: (public value, label) per facet, and how
    the public values map to what the measures store."""

    options: dict[str, list[tuple[str, str]]]
    ministry_ids: dict[str, int]  # short name → organisation id
    focus_numbers: dict[str, int]  # slug → number

    @property
    def ministry_names(self) -> dict[int, str]:
        return {pk: short for short, pk in self.ministry_ids.items()}

    @property
    def focus_names(self) -> dict[int, str]:
        names = dict(self.options["fokusomrade"])
        return {number: names[slug] for slug, number in self.focus_numbers.items()}

    @property
    def focus_slugs(self) -> dict[int, str]:
        return {number: slug for slug, number in self.focus_numbers.items()}


def load_reference() -> Reference:
    """Four queries; ``cache.reference`` keeps the result until the data changes."""
    ministries = Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT).order_by("name")
    ministry_rows = list(ministries.values_list("short_name", "name", "pk"))
    focus_rows = list(FocusArea.objects.order_by("number").values_list("slug", "name", "number"))
    return Reference(
        options={
            "fokusomrade": [(slug, localized_name(slug, name)) for slug, name, _n in focus_rows],
            "fylke": list(County.objects.order_by("number").values_list("number", "name")),
            "kommune": list(Municipality.objects.order_by("name").values_list("number", "name")),
            "departement": [(short, name) for short, name, _pk in ministry_rows],
        },
        ministry_ids={short: pk for short, _name, pk in ministry_rows},
        focus_numbers={slug: number for slug, _name, number in focus_rows},
    )


def allowed_values(reference: Reference) -> dict[str, set[str]]:
    """The values each facet accepts."""
    return {
        **{
            name: {value for value, _label in options}
            for name, options in reference.options.items()
        },
        "type": set(Kind.values),
        "sektor": set(Sector.values),
        "status": set(LifecycleStatus.values),
        "bekreftet": set(CONFIRMATION),
        "erfaring": {"ja"},
    }


@dataclass
class OverviewParams:
    q: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)
    bekreftet: list[str] = field(default_factory=list)
    sorting: str = "nyeste"
    sorting_chosen: bool = False  # False: the default order (relevance when searching)
    page: int = 1
    ignored: list[str] = field(default_factory=list)

    @property
    def sorting_options(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected) for the order select. The order in effect is selected;
        when it is only the default it submits as empty, so typing a search text afterwards
        sorts by relevance instead of keeping "newest"."""
        return [
            ("" if value == self.sorting and not self.sorting_chosen else value, label, selected)
            for value, label in SORTINGS.items()
            for selected in [value == self.sorting]
        ]

    def filter_data(self) -> dict:
        """What the FilterSet receives: only values already known to be valid."""
        # Validated values never contain commas, so the CSV form django-filter reads is safe.
        data = {name: ",".join(values) for name, values in self.selected.items() if values}
        if self.bekreftet:
            data["bekreftet"] = ",".join(self.bekreftet)
        if self.q:
            data["q"] = self.q
        return data


def _clean_text(value: str) -> str:
    return "".join(ch for ch in value if ch.isprintable() or ch == " ").strip()


def parse(query, *, allowed: dict[str, set[str]]) -> OverviewParams:
    """Turn a QueryDict into validated parameters, noting everything that was ignored."""
    params = OverviewParams()
    raw_q = _clean_text(query.get("q", ""))
    if raw_q != query.get("q", "").strip():
        params.ignored.append(str(_("unreadable characters in the search text")))
    if len(raw_q) > MAX_QUERY_LENGTH:
        params.ignored.append(str(_("the search text after %d characters") % MAX_QUERY_LENGTH))
        raw_q = raw_q[:MAX_QUERY_LENGTH]
    params.q = raw_q
    for name in [*FACETS, "bekreftet"]:
        values = [v for v in query.getlist(name) if v != ""][:MAX_VALUES]
        valid, invalid = [], []
        for value in values:
            ok = YEAR_PATTERN.match(value) if name == "aar" else value in allowed[name]
            (valid if ok else invalid).append(value)
        if invalid:
            shown = ", ".join(_clean_text(v)[:30] for v in invalid[:3])
            params.ignored.append(f"{name}={shown}")
        unique = list(dict.fromkeys(valid))
        if name == "bekreftet":
            params.bekreftet = unique
        else:
            params.selected[name] = unique
    sorting = query.get("sortering", "")
    if sorting and sorting not in SORTINGS:
        params.ignored.append(f"sortering={_clean_text(sorting)[:30]}")
    default = "relevans" if params.q else "nyeste"
    params.sorting = sorting if sorting in SORTINGS else default
    params.sorting_chosen = sorting in SORTINGS
    if params.sorting == "relevans" and not params.q:
        params.sorting, params.sorting_chosen = "nyeste", False
    page = query.get("side", "1")
    if page.isascii() and page.isdigit() and 0 < int(page) < 100_000:
        params.page = int(page)
    elif page:
        params.ignored.append(f"side={_clean_text(page)[:30]}")
    return params
