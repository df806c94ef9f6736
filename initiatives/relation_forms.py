"""Forms for adopting a measure and for connecting it to another."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tillit.accounts.models import Organisation

from .models import Initiative, RelationKind

MEASURE_NUMBER = re.compile(r"^#?(\d+)$|/tiltak/(\d+)(?:/|$)")


class AdoptForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Which of your organisations will try it?"),
        queryset=Organisation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class RelationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("How are the measures connected?"),
        choices=RelationKind.choices,
        initial=RelationKind.BYGGER_PA,
        widget=forms.RadioSelect,
    )
    other = forms.CharField(
        label=_("The other measure"),
        max_length=300,
        help_text=_("Paste its address, or its number (the digits after /tiltak/)."),
    )
    network_name = forms.CharField(
        label=_("Name of the network or programme"),
        max_length=200,
        required=False,
        help_text=_("Optional, for example the round of the pilot scheme or the regional network."),
    )

    def __init__(self, *args, initiative: Initiative, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative, self.user = initiative, user

    def clean_other(self) -> Initiative:
        text = self.cleaned_data["other"].strip().split("?")[0]
        found = MEASURE_NUMBER.search(text)
        number = int(found.group(1) or found.group(2)) if found else None
        if number == self.initiative.pk:
            raise forms.ValidationError(_("A measure cannot be connected to itself."))
        measure = None
        if number is not None and number < 2**31:
            measure = Initiative.objects.visible_to(self.user).filter(pk=number).first()
        if measure is None:
            raise forms.ValidationError(_("No measure you can see has that address or number."))
        return measure
