from django import forms
from django.utils.translation import gettext_lazy as _


class YearbookPickForm(forms.Form):
    """One section's picks: which of its active measures the year's overview shows."""

    section = forms.CharField(widget=forms.HiddenInput)
    tiltak = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = {str(section.key): section for section in sections}
        self.fields["tiltak"].choices = [
            (initiative.pk, initiative.title)
            for section in sections
            for initiative in section.initiatives
        ]

    def clean_section(self):
        section = self.sections.get(self.cleaned_data["section"])
        if section is None:
            raise forms.ValidationError(_("Choose a part of the overview you may pick for."))
        return section

    def clean(self):
        cleaned = super().clean()
        section = cleaned.get("section")
        if section is not None:
            own = {initiative.pk for initiative in section.initiatives}
            cleaned["tiltak"] = [pk for pk in cleaned.get("tiltak", []) if pk in own]
        return cleaned
