"""The initiative form and the leader's and union representative's forms on a record. Only the
title is required to save a draft; the services check that a record is complete before it is
submitted or while it is published."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tillit.accounts.models import Organisation, OrganisationKind
from tillit.core.forms import textarea

from .attachments import validate_attachment
from .dates import DatePrecision, PartialDateField, end_not_before_start, partial_date_input
from .effect_forms import (
    INDICATOR_FIELDS,
    INDICATOR_SET,
    INDICATORS,
    REMOVAL_FIELDS,
    REMOVAL_SET,
    REPORTING_REMOVED,
    EffectRowsMixin,
    evidence_field,
    saved_values,
)
from .effects import measure_indicators
from .link_fields import LinksField
from .ministries import SECTOR_MINISTRIES, suggested_for
from .models import (
    FocusArea,
    Initiative,
    Participant,
    Sector,
    TrustRelation,
    UnionAssessment,
)
from .models.initiatives import EDITABLE_FIELDS
from .services.records import PARTIAL_DATES, InitiativeInput

VALUE_FIELDS = EDITABLE_FIELDS
# The database's rule for the two dates; its message is the one the form shows.
END_BEFORE_START = next(
    c for c in Initiative._meta.constraints if c.name == "initiative_end_after_start"
)


# Optional for a draft, needed before submitting (checked by the services).
NEEDED_FOR_APPROVAL = [
    "summary",
    "description",
    "kind",
    "sector",
    "focus_areas",
    "trust_relations",
    "lifecycle_status",
    "start_date",
]


# The select's own way of choosing several; the search that replaces it hides the hint.
CTRL_HINT = format_lazy(
    '<span data-without-script="">{}</span>',
    _("Hold Ctrl (Cmd on Mac) to choose more than one."),
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once; each is checked by content and size."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = []
        for upload in uploads:
            upload = super().clean(upload, initial)
            if upload:
                cleaned.append((upload, validate_attachment(upload)))
        return cleaned


class InitiativeForm(EffectRowsMixin, forms.ModelForm):
    row_sets = (INDICATOR_SET, REMOVAL_SET)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more of the government's seven focus areas."),
    )
    primary_focus_area = forms.ModelChoiceField(
        label=_("Primary focus area"),
        queryset=FocusArea.objects.all(),
        required=False,
        empty_label=_("None in particular"),
    )
    trust_relations = forms.MultipleChoiceField(
        label=_("Trust relations"),
        choices=TrustRelation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participants = forms.MultipleChoiceField(
        label=_("Who took part"),
        choices=Participant.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6, "data-organisation-picker": ""}),
        help_text=CTRL_HINT,
    )
    responsible_ministries = forms.ModelMultipleChoiceField(
        label=_("Responsible ministries"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"data-ministry-choice": ""}),
        help_text=_(
            "The ministries whose area the measure touches. A state agency's measure has its "
            "owning ministry; for a municipal or county measure the sector suggests some."
        ),
    )
    participating_organisations = forms.ModelMultipleChoiceField(
        label=_("Participating organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6, "data-organisation-picker": ""}),
        help_text=format_lazy(
            "{} {}",
            _(
                "Organisations that run the measure with you, such as the other municipalities "
                "of a shared service: they find it under their own municipality and county."
            ),
            CTRL_HINT,
        ),
    )
    links = LinksField(
        label=_("Links"),
        required=False,
        widget=textarea(3),
        help_text=_("One web address per line, starting with http:// or https://."),
    )
    new_attachments = AttachmentsField(
        label=_("Add attachments"),
        required=False,
        help_text=_("PDF, ODT, DOCX, PNG or JPEG, at most 10 MB each."),
    )
    removed_attachments = forms.MultipleChoiceField(
        label=_("Remove attachments"), required=False, widget=forms.CheckboxSelectMultiple
    )
    start_date = PartialDateField(
        label=_("Start date"),
        required=False,
        help_text=_("A date, a month or a year: for example 12.03.2024, March 2024 or 2024."),
    )
    end_date = PartialDateField(
        label=_("End date"),
        required=False,
        help_text=_("A date, a month or a year, if the measure has ended or will end."),
    )
    evidence_methods = evidence_field()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # one per create form, so that posting it twice registers one initiative
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Initiative
        fields = [
            f
            for f in VALUE_FIELDS
            if f not in ("trust_relations", "participants", "links")
            and f not in [precision for _, precision in PARTIAL_DATES]
        ]
        widgets = {
            "description": textarea(8),
            "summary": textarea(2),
            "lifecycle_status": forms.RadioSelect,
            "goal_resources": textarea(2),
            "goal_activities": textarea(2),
            "goal_outputs": textarea(2),
            "goal_user_effects": textarea(2),
            "goal_societal_effects": textarea(2),
        }

    def __init__(self, *args, organisations=None, typed_rows=None, add_row="", **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk:
            del self.fields["organisation"]
            del self.fields["form_token"]
            self.initial.setdefault("version", instance.version)
            for name in ("trust_relations", "participants", "links"):
                self.initial.setdefault(name, getattr(instance, name))
            for date_field, precision_field in PARTIAL_DATES:
                self.initial[date_field] = partial_date_input(
                    getattr(instance, date_field), getattr(instance, precision_field)
                )
            links = list(instance.focus_area_links.all())
            self.initial.setdefault("focus_areas", [link.focus_area_id for link in links])
            primary = next((link.focus_area_id for link in links if link.is_primary), None)
            self.initial.setdefault("primary_focus_area", primary)
            self.initial.setdefault("partners", list(instance.partners.all()))
            for name in ("responsible_ministries", "participating_organisations"):
                self.initial.setdefault(name, list(getattr(instance, name).all()))
            self.fields["removed_attachments"].choices = [
                (str(a.pk), a.original_name) for a in instance.attachments.all()
            ]
        else:
            self.fields["organisation"].queryset = organisations
            self.initial.setdefault("responsible_ministries", self._owning_ministries())
        if not self.fields["removed_attachments"].choices:
            del self.fields["removed_attachments"]
        for name in NEEDED_FOR_APPROVAL:
            self.fields[name].needed_for_approval = True
        for name in ("kind", "sector"):
            self.fields[name].choices = [("", _("Choose …")), *self.fields[name].choices[1:]]
        self.fields["lifecycle_status"].choices = self.fields["lifecycle_status"].choices[1:]
        self.build_rows(typed_rows=typed_rows, add_row=add_row)

    def saved_rows(self, prefix: str) -> list[dict]:
        if not self.instance.pk:
            return []
        if prefix == INDICATORS:
            return saved_values(measure_indicators(self.instance), INDICATOR_FIELDS)
        return saved_values(self.instance.reporting_removed.all(), REMOVAL_FIELDS)

    def _owning_ministries(self) -> list[int]:
        """A new measure starts with the owning ministry of the organisation shown first."""
        first = self.fields["organisation"].queryset.first()
        return [first.parent_ministry_id] if first and first.parent_ministry_id else []

    def ministry_suggestions(self) -> dict:
        """For the form's script: the ministries suggested per sector and each organisation's
        owning ministry (ids), and whether to tick them (on a new measure only)."""
        ministries = {m.short_name: m.pk for m in self.fields["responsible_ministries"].queryset}
        organisations = (
            self.fields["organisation"].queryset if "organisation" in self.fields else []
        )
        return {
            "sectors": {sector: suggested_for(sector, ministries) for sector in SECTOR_MINISTRIES},
            "owners": {
                str(o.pk): o.parent_ministry_id for o in organisations if o.parent_ministry_id
            },
            "tick": not self.instance.pk,
        }

    def suggestion_text(self) -> str:
        """The hint under the ministries for the sector chosen, for readers without script."""
        sector = self["sector"].value()
        names = dict(
            self.fields["responsible_ministries"].queryset.values_list("short_name", "name")
        )
        suggested = suggested_for(sector, names) if sector else []
        if not suggested:
            return ""
        return _("Suggested for the sector %(sector)s: %(ministries)s.") % {
            "sector": dict(Sector.choices).get(sector, sector),
            "ministries": ", ".join(suggested),
        }

    def clean(self):
        """Each partial date becomes its first day and its precision. An end before the start
        is told now, beside any other error, not only once the rest is valid."""
        data = super().clean()
        for date_field, precision_field in PARTIAL_DATES:
            if date_field in data:
                value, precision = data[date_field] or (None, DatePrecision.DAY)
                data[date_field], data[precision_field] = value, precision
        start, end = data.get("start_date"), data.get("end_date")
        if not end_not_before_start(start, end, data.get("end_precision", DatePrecision.DAY)):
            self.add_error("end_date", END_BEFORE_START.get_violation_error_message())
        return data

    def _post_clean(self):
        """The form only cleans input; the services apply it to the record and validate it."""

    def files_to_choose_again(self) -> list[str]:
        """Names of the files chosen for a save that failed: a browser cannot keep them."""
        if not self.is_bound or not self.errors:
            return []
        return [upload.name for upload in self.files.getlist(self.add_prefix("new_attachments"))]

    def to_input(self) -> InitiativeInput:
        data = self.cleaned_data
        return InitiativeInput(
            values={name: data[name] for name in VALUE_FIELDS if name in data},
            focus_areas=list(data["focus_areas"]),
            primary_focus_area=data["primary_focus_area"],
            partners=list(data["partners"]),
            responsible_ministries=list(data["responsible_ministries"]),
            participating_organisations=list(data["participating_organisations"]),
            new_attachments=data["new_attachments"],
            removed_attachments=[int(pk) for pk in data.get("removed_attachments", [])],
            indicators=self.rows_of(INDICATORS),
            reporting_removed=self.rows_of(REPORTING_REMOVED),
        )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("publish", _("Publish")), ("return", _("Send back"))], widget=forms.HiddenInput
    )
    note = forms.CharField(
        label=_("Note to the author"), required=False, max_length=2000, widget=textarea(3)
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=textarea(3))


class AssessmentForm(forms.Form):
    assessment = forms.ChoiceField(
        label=_("Were the employees' organisations involved?"),
        choices=[
            (UnionAssessment.BEKREFTET, _("Yes, the employees' organisations took part")),
            (UnionAssessment.IKKE_INVOLVERT, _("No, they were not involved")),
        ],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=textarea(3),
        help_text=_("Shown on the measure with your union's name."),
    )
