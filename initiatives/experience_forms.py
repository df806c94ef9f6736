"""The experience report form and the focus-area text form (editors)."""

from django import forms

from tillit.core.forms import textarea

from .models import ExperienceReport, FocusArea
from .services.experience import EDITABLE_FIELDS as EXPERIENCE_FIELDS


class ExperienceReportForm(forms.ModelForm):
    """Everything a report holds; the model says which fields are required."""

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
