"""The facet values that live in the database (focus areas, counties, municipalities,
ministries), loaded together; ``cache.reference`` keeps them until the data changes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from initiatives.models import FocusArea
from initiatives.models.focus_areas import localized_name
from tillit.accounts.models import County, Municipality, Organisation, OrganisationKind


@dataclass
class Reference:
    """The facet values that live in the database: (public value, label) per facet, and how
    the public values map to what the measures store."""

    options: dict[str, list[tuple[str, str]]]
    ministry_ids: dict[str, int]  # short name → organisation id
    focus_numbers: dict[str, int]  # slug → number

    @cached_property
    def focus_names(self) -> dict[int, str]:
        names = dict(self.options["fokusomrade"])
        return {number: names[slug] for slug, number in self.focus_numbers.items()}


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
