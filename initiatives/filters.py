"""The overview's FilterSet. Its input is already validated by ``overview.params``; facet
values are the public parameter names and values of the URL contract."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear

from .models import Initiative, InitiativeFocusArea


class OverviewFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text")
    fokusomrade = django_filters.BaseInFilter(method="filter_focus_area")
    type = django_filters.BaseInFilter(field_name="kind", lookup_expr="in")
    sektor = django_filters.BaseInFilter(field_name="sector", lookup_expr="in")
    status = django_filters.BaseInFilter(field_name="lifecycle_status", lookup_expr="in")
    fylke = django_filters.BaseInFilter(method="filter_county")
    kommune = django_filters.BaseInFilter(
        field_name="organisation__municipality_id", lookup_expr="in"
    )
    departement = django_filters.BaseInFilter(method="filter_ministry")
    aar = django_filters.BaseInFilter(method="filter_year")
    bekreftet = django_filters.BaseInFilter(method="filter_confirmation")

    class Meta:
        model = Initiative
        fields = []

    def __init__(self, *args, fuzzy: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fuzzy = fuzzy

    def filter_text(self, queryset, name, value):
        from .overview.search import text_condition

        condition, rank = text_condition(value, fuzzy=self.fuzzy)
        return queryset.filter(condition).annotate(rank=rank)

    def filter_focus_area(self, queryset, name, value):
        links = InitiativeFocusArea.objects.filter(
            initiative=OuterRef("pk"), focus_area__slug__in=value
        )
        return queryset.filter(Exists(links))

    def filter_county(self, queryset, name, value):
        return queryset.filter(
            Q(organisation__municipality__county_id__in=value)
            | Q(organisation__county_id__in=value)
        )

    def filter_ministry(self, queryset, name, value):
        return queryset.filter(
            Q(organisation__parent_ministry__short_name__in=value)
            | Q(organisation__kind="departement", organisation__short_name__in=value)
        )

    def filter_year(self, queryset, name, value):
        return queryset.annotate(start_year=ExtractYear("start_date")).filter(
            start_year__in=[int(year) for year in value]
        )

    def filter_confirmation(self, queryset, name, value):
        from .overview.params import CONFIRMATION

        return queryset.filter(union_assessment__in=[CONFIRMATION[v] for v in value])
