"""Forms for following an initiative, a focus area or a county, and for mail preferences."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tillit.accounts.models import County

from .models import Frequency, MailPreferences


class FollowForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail me"), choices=Frequency, initial=Frequency.WEEKLY, widget=forms.RadioSelect
    )


class CountyFollowForm(FollowForm):
    county = forms.ModelChoiceField(
        label=_("County"), queryset=County.objects.order_by("name"), empty_label=None
    )

    field_order = ["county", "frequency"]


class MailPreferencesForm(forms.ModelForm):
    class Meta:
        model = MailPreferences
        fields = ["comments_on_own", "overdue_reminders"]
