"""The audit trail's filters (``/revisjonslogg/``): who, what, which object, where and when."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tillit.accounts.models import Organisation, User

from .models import ACTION_GROUPS, ACTION_LABELS, AuditEvent
from .registry import AUDIT_OBJECTS, AuditObject

# The kinds of object the platform's services record (and the page of each that has one); the
# filter offers them first, then those the apps registered (``registry.AUDIT_OBJECTS``).
PLATFORM_OBJECTS = [
    AuditObject("accounts.user"),
    AuditObject("accounts.organisation", "accounts:organisation_detail"),
    AuditObject("accounts.membership"),
    AuditObject("accounts.joinrequest"),
    AuditObject("accounts.invitation"),
]


def audit_objects() -> list[AuditObject]:
    """The platform's kinds of object, then the apps'."""
    return PLATFORM_OBJECTS + AUDIT_OBJECTS


def action_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every labelled action code, grouped by area; a code's own area when it has no group."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, label in ACTION_LABELS.items():
        group = str(ACTION_GROUPS.get(code.split(".")[0], _("Other")))
        groups.setdefault(group, []).append((code, str(label).capitalize()))
    return list(groups.items())


def object_type_label(object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def object_type_choices() -> list[tuple[str, str]]:
    return [
        (item.object_type, object_type_label(item.object_type).capitalize())
        for item in audit_objects()
    ]


def _start_of(day: datetime.date) -> datetime.datetime:
    """Midnight in the portal's time zone (Europe/Oslo), as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)


class AuditFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        for name in ("fra", "til"):
            day = cleaned.get(name)
            if day and not EARLIEST <= day <= LATEST:
                self.add_error(name, _("Give a date between the years 1900 and 2999."))
        start, end = cleaned.get("fra"), cleaned.get("til")
        if start and end and start > end:
            self.add_error("til", _("The end date must be on or after the start date."))
        return cleaned


class IPAddressFilter(django_filters.CharFilter):
    field_class = forms.GenericIPAddressField


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AuditEventFilter(django_filters.FilterSet):
    """Narrow the audit trail; every parameter is optional and all of them apply together."""

    bruker = django_filters.CharFilter(
        label=_("User"),
        help_text=_("Part of the name or e-mail address."),
        method="filter_user",
        max_length=200,
    )
    handling = django_filters.MultipleChoiceFilter(
        label=_("Action"),
        help_text=_("Hold down Ctrl (Cmd on a Mac) to choose more than one."),
        choices=action_choices,
        method="filter_action",
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    objekttype = django_filters.ChoiceFilter(
        label=_("Kind of object"),
        choices=object_type_choices,
        empty_label=_("All kinds"),
        field_name="object_type",
    )
    objekt = django_filters.CharFilter(
        label=_("Object"),
        help_text=_("Part of its name, or its number."),
        method="filter_object",
        max_length=200,
    )
    organisasjon = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organisation.objects.only("pk", "name").order_by("name"),
        empty_label=_("All organisations"),
        method="filter_organisation",
    )
    fra = django_filters.DateFilter(label=_("From date"), method="filter_from", widget=DATE_INPUT)
    til = django_filters.DateFilter(
        label=_("To date"),
        help_text=_("Including this day."),
        method="filter_to",
        widget=DATE_INPUT,
    )
    ip = IPAddressFilter(label=_("IP address"), method="filter_ip")

    class Meta:
        model = AuditEvent
        fields = ["bruker", "handling", "objekttype", "objekt", "organisasjon", "fra", "til", "ip"]
        form = AuditFilterForm

    def filter_user(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        by_email = User.objects.filter(email__icontains=value).values("pk")
        return queryset.filter(
            Q(actor_name__icontains=value)
            | Q(actor_id__in=by_email)
            | Q(details__attempted_email__icontains=value)
        )

    def filter_action(self, queryset, name, value):
        return queryset.filter(action__in=value) if value else queryset

    def filter_object(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(object_repr__icontains=value) | Q(object_id=value))

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(organisation_id=value.pk)

    def filter_from(self, queryset, name, value):
        return queryset.filter(created_at__gte=_start_of(value))

    def filter_to(self, queryset, name, value):
        return queryset.filter(created_at__lt=_start_of(value + datetime.timedelta(days=1)))

    def filter_ip(self, queryset, name, value):
        return queryset.filter(ip_address=value)
