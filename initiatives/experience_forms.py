"""The experience report form and the focus-area text form (editors)."""

from django import forms

from tillit.core.forms import textarea

from .effect_forms import (
    INDICATOR_FIELDS,
    INDICATOR_SET,
    INDICATORS,
    EffectRowsMixin,
    evidence_field,
    saved_values,
)
from .models import ExperienceReport, FocusArea
from .services.experience import EDITABLE_FIELDS as EXPERIENCE_FIELDS


class ExperienceReportForm(EffectRowsMixin, forms.ModelForm):
    """Everything a report holds; the model says which fields are required. Its indicators
    are rows under "Results and effect"."""

    row_sets = (INDICATOR_SET,)
    evidence_methods = evidence_field()

    def __init__(self, *args, typed_rows=None, add_row="", **kwargs):
        super().__init__(*args, **kwargs)
        self.build_rows(typed_rows=typed_rows, add_row=add_row)

    def saved_rows(self, prefix: str) -> list[dict]:
        if not self.instance.pk:
            return []
        return saved_values(self.instance.indicators.all(), INDICATOR_FIELDS)

    def to_data(self) -> dict:
        """For the services: the fields, and the indicators (None: leave them as they are)."""
        return {**self.cleaned_data, "indicators": self.rows_of(INDICATORS)}

    class Meta:
        model = ExperienceReport
        fields = EXPERIENCE_FIELDS
        widgets = {
            "summary": textarea(2),
            "what_was_done": textarea(5),
            "what_worked": textarea(5),
            "challenges": textarea(5),
            "success_conditions": textarea(3),
            "advice": textarea(3),
            "transferability": forms.RadioSelect,
            "transferability_note": textarea(2),
            "outcomes": textarea(4),
        }


class FocusAreaForm(forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["description"]
        widgets = {"description": textarea(6)}
