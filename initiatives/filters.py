"""The overview's FilterSet. Its input is already validated by ``overview.params``; facet
values are the public parameter names and values of the URL contract.

``facet_condition`` is the one definition of what each facet selects: the FilterSet applies
it, and the facet counts (``overview.facets``) combine the same conditions."""

import django_filters
from django.db.models import Q

from .models import Initiative
from .overview.params import CONFIRMATION, Reference


def facet_condition(name: str, values: list[str], reference: Reference) -> Q:
    """Measures matching any of ``values`` of facet ``name``. Every condition reads a column
    that ``Initiative`` and ``OverviewEntry`` both have (migrations 0006 and 0007), so bitmap
    index scans can combine them."""
    if name == "fokusomrade":
        return Q(focus_area_numbers__overlap=[reference.focus_numbers[v] for v in values])
    if name == "departement":
        return Q(owning_ministry_id__in=[reference.ministry_ids[v] for v in values])
    if name == "aar":
        return Q(start_year__in=[int(year) for year in values])
    if name == "erfaring":
        return Q(has_experience=True)
    if name == "bekreftet":
        return Q(union_assessment__in=[CONFIRMATION[v] for v in values])
    return Q(**{f"{FACET_FIELDS[name]}__in": values})


# facet → the measure's column it counts by
FACET_FIELDS = {
    "fokusomrade": "focus_area_numbers",
    "type": "kind",
    "sektor": "sector",
    "status": "lifecycle_status",
    "bekreftet": "union_assessment",
    "fylke": "county_id",
    "kommune": "municipality_id",
    "departement": "owning_ministry_id",
    "aar": "start_year",
    "erfaring": "has_experience",
}


class OverviewFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text")
    fokusomrade = django_filters.BaseInFilter(method="filter_facet")
    type = django_filters.BaseInFilter(method="filter_facet")
    sektor = django_filters.BaseInFilter(method="filter_facet")
    status = django_filters.BaseInFilter(method="filter_facet")
    fylke = django_filters.BaseInFilter(method="filter_facet")
    kommune = django_filters.BaseInFilter(method="filter_facet")
    departement = django_filters.BaseInFilter(method="filter_facet")
    aar = django_filters.BaseInFilter(method="filter_facet")
    bekreftet = django_filters.BaseInFilter(method="filter_facet")
    erfaring = django_filters.BaseInFilter(method="filter_facet")

    class Meta:
        model = Initiative
        fields = []

    def __init__(self, *args, reference: Reference, fuzzy: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.reference = reference
        self.fuzzy = fuzzy

    def filter_text(self, queryset, name, value):
        from .overview.search import text_condition

        condition, rank = text_condition(value, fuzzy=self.fuzzy)
        return queryset.filter(condition).annotate(rank=rank)

    def filter_facet(self, queryset, name, value):
        return queryset.filter(facet_condition(name, value, self.reference))
