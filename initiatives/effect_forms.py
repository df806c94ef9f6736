"""The section "Results and effect" of the measure form and the experience report form: how the
effect was judged, the indicators and (on a measure) the reporting removed, as rows. Every row
may be left blank and is then ignored; a half-filled row is an error at its fields, and the
form is not saved. "Add a row" draws the form again with one more blank row (``AddRowMixin``)."""

from __future__ import annotations

from typing import NamedTuple

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models.effects import EvidenceMethod, Indicator, ReportingRemoval

ADD_ROW = "add_row:"  # the value of a set's "Add a row" button: ``add_row:<prefix>``
MAX_ROWS = 30
INDICATORS = "indicators"
REPORTING_REMOVED = "reporting_removed"


def evidence_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("How was the effect judged?"),
        choices=EvidenceMethod.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick all that apply. The strongest gives the label shown on the page."),
    )


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _decimal_input() -> forms.TextInput:
    return forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


class RowForm(forms.ModelForm):
    """One row; its choices start with "Choose …" instead of dashes. A field the row needs
    is not marked required (the whole row is optional); leaving it empty in a row that holds
    something else is the error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.needed = [name for name, field in self.fields.items() if field.required]
        for field in self.fields.values():
            field.required = False
            choices = list(getattr(field, "choices", None) or [])
            if choices and choices[0][0] == "":
                field.choices = [("", _("Choose …")), *choices[1:]]

    def clean(self):
        data = super().clean()
        for name in self.needed:
            if name in data and data[name] in (None, ""):
                self.add_error(name, self.fields[name].error_messages["required"])
        return data

    def has_changed(self):
        """Whether the row holds something: a choice that always has a value does not count."""
        return bool(set(self.changed_data) - set(self.not_content))

    not_content: tuple[str, ...] = ()

    def _post_clean(self):
        """The service checks the rows it saves; here only the fields are cleaned."""


class IndicatorRowForm(RowForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "baseline_value",
            "baseline_date",
            "latest_value",
            "latest_date",
            "source",
        ]
        localized_fields = ["baseline_value", "latest_value"]
        widgets = {
            "baseline_value": _decimal_input(),
            "latest_value": _decimal_input(),
            "baseline_date": _date_input(),
            "latest_date": _date_input(),
        }
        error_messages = {
            "name": {"required": _("Write what was measured, or empty the whole row.")}
        }


class RemovalRowForm(RowForm):
    not_content = ("change",)  # removed or simplified: a select without an empty choice

    class Meta:
        model = ReportingRemoval
        fields = [
            "requirement",
            "change",
            "required_by",
            "required_by_name",
            "frequency",
            "hours_per_year",
            "given_back_to",
        ]
        error_messages = {
            "requirement": {
                "required": _("Write which requirement it was, or empty the whole row.")
            }
        }


class RowFormSet(forms.BaseFormSet):
    """Rows that may each be left blank, saved ones too (a blanked row is removed)."""

    def get_form_kwargs(self, index):
        return {"empty_permitted": True}

    def filled(self) -> list:
        return [form for form in self.forms if form.has_changed()]

    def rows(self) -> list[dict]:
        """The cleaned rows that hold something, in their order (after ``is_valid``)."""
        return [form.cleaned_data for form in self.filled()]

    def typed(self) -> list[dict]:
        """What was typed in the rows that hold something, as the form shows it again."""
        return [{name: form[name].value() for name in form.fields} for form in self.filled()]

    @property
    def has_errors(self) -> bool:
        return self.is_bound and not self.is_valid()


def _formset(form_class):
    return forms.formset_factory(
        form_class,
        formset=RowFormSet,
        extra=1,
        max_num=MAX_ROWS,
        validate_max=True,
        absolute_max=MAX_ROWS + 10,
    )


IndicatorFormSet = _formset(IndicatorRowForm)
RemovalFormSet = _formset(RemovalRowForm)

INDICATOR_FIELDS = IndicatorRowForm._meta.fields
REMOVAL_FIELDS = RemovalRowForm._meta.fields


class RowSet(NamedTuple):
    prefix: str
    formset: type
    row_label: str  # "Indicator", numbered on the form
    heading: str
    help_text: str = ""


INDICATOR_SET = RowSet(
    INDICATORS,
    IndicatorFormSet,
    _("Indicator"),
    _("Indicators: what you measured"),
    _("For example sick leave in per cent, before the measure and now."),
)
REMOVAL_SET = RowSet(
    REPORTING_REMOVED,
    RemovalFormSet,
    _("Requirement"),
    _("Reporting and documentation removed or simplified"),
    _(
        "What staff or leaders no longer have to report or document, and your own estimate "
        "of the hours a year it gives back."
    ),
)


def _counted(prefix: str, count: int) -> str:
    if prefix == INDICATORS:
        text = ngettext("%(count)s indicator", "%(count)s indicators", count)
    else:
        text = ngettext("%(count)s requirement removed", "%(count)s requirements removed", count)
    return text % {"count": count}


class EffectRowsMixin:
    """For a form with rows: ``row_sets`` (``RowSet``s). Bound, each set
    reads the post (a post without it leaves the saved rows as they are: ``rows_of`` is None);
    unbound, it shows the saved rows, or those typed when the form is drawn again."""

    row_sets: tuple = ()

    def build_rows(self, *, typed_rows: dict | None, add_row: str) -> None:
        self.row_formsets = {}
        self.rows_redrawn = typed_rows is not None
        self.row_added = bool(add_row)
        for prefix, formset_class, *_texts in self.row_sets:
            if self.is_bound:
                if f"{prefix}-TOTAL_FORMS" not in self.data:
                    continue
                formset = formset_class(self.data, prefix=prefix)
            else:
                if typed_rows is not None:
                    initial = typed_rows.get(prefix, [])
                else:
                    initial = self.saved_rows(prefix)
                formset = formset_class(prefix=prefix, initial=initial)
                if prefix == add_row:
                    formset.extra += 1
            self.row_formsets[prefix] = formset

    def saved_rows(self, prefix: str) -> list[dict]:
        """The saved rows of the set ``prefix``, as initial values. Each form supplies it
        (the measure form: indicators and reporting removed; the report form: indicators)."""
        raise NotImplementedError

    @property
    def row_groups(self) -> list[tuple]:
        """For the template: (``RowSet``, formset) of each set shown."""
        return [
            (row_set, self.row_formsets[row_set.prefix])
            for row_set in self.row_sets
            if row_set.prefix in self.row_formsets
        ]

    def rows_valid(self) -> bool:
        return all([formset.is_valid() for formset in self.row_formsets.values()])

    def is_valid(self):
        return all([super().is_valid(), self.rows_valid()])

    def rows_of(self, prefix: str) -> list[dict] | None:
        formset = self.row_formsets.get(prefix)
        return None if formset is None else formset.rows()

    def typed_rows(self) -> dict:
        return {prefix: formset.typed() for prefix, formset in self.row_formsets.items()}

    @property
    def effects_have_errors(self) -> bool:
        field_errors = self.is_bound and bool(self.errors.get("evidence_methods"))
        return field_errors or any(f.has_errors for f in self.row_formsets.values())

    @property
    def effects_filled(self) -> str:
        """What the closed section holds, from the saved or typed rows ("" when none)."""
        if self.is_bound:
            return ""
        return ", ".join(
            _counted(prefix, len(formset.initial))
            for prefix, formset in self.row_formsets.items()
            if formset.initial
        )

    @property
    def effects_open(self) -> bool:
        """The section stays closed until opened, unless it holds errors or was just used."""
        if self.effects_have_errors or self.row_added:
            return True
        if self.rows_redrawn:
            return bool(self.initial.get("evidence_methods")) or any(
                formset.initial for formset in self.row_formsets.values()
            )
        return False


def saved_values(objects, fields) -> list[dict]:
    return [{name: getattr(obj, name) for name in fields} for obj in objects]
