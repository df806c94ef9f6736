import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import County, Organisation, OrganisationKind


class OrganisationFilter(django_filters.FilterSet):
    """Search the organisation register by name, kind and county."""

    q = django_filters.CharFilter(label=_("Search by name"), method="filter_name", max_length=100)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=OrganisationKind.choices, empty_label=_("All kinds")
    )
    fylke = django_filters.ModelChoiceFilter(
        label=_("County"),
        queryset=County.objects.all(),
        method="filter_county",
        empty_label=_("All counties"),
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "fylke"]

    def filter_name(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__iexact=value))

    def filter_county(self, queryset, name, value):
        return queryset.filter(Q(county=value) | Q(municipality__county=value))
