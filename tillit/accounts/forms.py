"""Forms for accounts, organisations and memberships. They only validate input; the services
apply the rules and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Role
from .validators import normalise_organisation_number


class SignupDetailsForm(forms.Form):
    """Fields that allauth's sign-up form gets in addition to e-mail and password."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("Shown to the other members of your organisations."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.name = self.cleaned_data["name"].strip()
        user.save(update_fields=["name"])


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )
    union_name = forms.CharField(
        label=_("Union"),
        max_length=100,
        required=False,
        help_text=_("Only for union representatives, for example Fagforbundet."),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation.kind != "departement":
            self.fields["roles"].choices = [c for c in Role.choices if c[0] != Role.DEPARTEMENT]


class JoinRequestForm(RolesForm):
    message = forms.CharField(
        label=_("Message to the leaders"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. For example your position or unit."),
    )


class InvitationForm(RolesForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    field_order = ["email", "roles", "union_name"]


class AppointLeaderForm(forms.Form):
    email = forms.EmailField(
        label=_("The leader's e-mail address"),
        max_length=254,
        help_text=_("A person without an account gets an invitation by e-mail."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))], widget=forms.HiddenInput
    )
    note = forms.CharField(label=_("Note to the applicant"), max_length=1000, required=False)


class OrganisationNumberField(forms.CharField):
    """Accepts the number as the register shows it, with spaces, and keeps the nine digits."""

    def __init__(self, **kwargs):
        super().__init__(max_length=20, **kwargs)

    def to_python(self, value):
        return normalise_organisation_number(super().to_python(value))


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    organisation_number = OrganisationNumberField(
        label=_("Organisation number"),
        required=False,
        help_text=Organisation._meta.get_field("organisation_number").help_text,
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "organisation_number",
            "municipality",
            "county",
            "parent_ministry",
            "short_name",
            "website",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
