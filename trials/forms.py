"""The trial scheme's forms. They only collect input: the services validate it against the
round, the state and the rules, and their errors come back to these fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tillit.accounts.models import Organisation, OrganisationKind
from tillit.core.forms import textarea

from .models import LegalAct, Outcome, TrialApplication, TrialRound, Verdict
from .models.applications import APPLICANT_KINDS, TEXT_LENGTH
from .services.rounds import FIELDS as ROUND_FIELDS


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def required(message):
    return {"required": message}


class RoundForm(forms.ModelForm):
    class Meta:
        model = TrialRound
        fields = ROUND_FIELDS
        widgets = {
            "text": textarea(6),
            "preliminary_deadline": date_input(),
            "final_deadline": date_input(),
        }


class ApplicationForm(forms.Form):
    round = forms.ModelChoiceField(
        label=_("Round of applications"),
        queryset=TrialRound.objects.all(),
        error_messages=required(_("Choose the round you apply in.")),
    )
    title = forms.CharField(
        label=_("Title of the trial"),
        max_length=200,
        error_messages=required(_("Give the trial a title.")),
    )
    purpose = forms.CharField(
        label=_("What the trial is to achieve"),
        max_length=TEXT_LENGTH,
        widget=textarea(5),
        error_messages=required(_("Say what the trial is to achieve.")),
    )
    period_years = forms.IntegerField(
        label=_("Period sought (years)"),
        min_value=1,
        max_value=20,
        error_messages=required(_("Give the period you seek, in years.")),
    )
    applicants = forms.ModelMultipleChoiceField(
        label=_("Other municipalities or county municipalities applying together with you"),
        queryset=Organisation.objects.filter(kind__in=APPLICANT_KINDS).order_by("name"),
        required=False,
        help_text=_("Your own organisation applies in any case. Hold Ctrl to choose several."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    # one per create form, so that posting it twice makes one application
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)


class ExemptionForm(forms.Form):
    legal_act = forms.ModelChoiceField(
        label=_("Law or regulation"),
        queryset=LegalAct.objects.active(),
        required=False,
        empty_label=_("Another (write its name below)"),
    )
    other_act = forms.CharField(label=_("Other law or regulation"), max_length=300, required=False)
    section = forms.CharField(
        label=_("Section"),
        max_length=100,
        help_text=_("For example § 13-1."),
        error_messages=required(_("Give the section you ask exemption from.")),
    )
    obstacle = forms.CharField(
        label=_("Why the rule stands in the way"),
        max_length=TEXT_LENGTH,
        widget=textarea(3),
        error_messages=required(_("Say why the rule stands in the way.")),
    )
    alternative = forms.CharField(
        label=_("What is tried instead"),
        max_length=TEXT_LENGTH,
        widget=textarea(3),
        error_messages=required(_("Say what you will try instead.")),
    )
    evaluation = forms.CharField(
        label=_("How it will be evaluated"),
        max_length=TEXT_LENGTH,
        widget=textarea(3),
        error_messages=required(_("Say how the trial will be evaluated.")),
    )

    def clean(self):
        data = super().clean()
        if not data.get("legal_act") and not (data.get("other_act") or "").strip():
            self.add_error("legal_act", _("Choose the law or regulation, or write its name."))
        return data


ExemptionFormSet = forms.formset_factory(
    ExemptionForm, extra=1, min_num=1, validate_min=True, can_delete=True
)


class AssessmentForm(forms.Form):
    ministry = forms.ModelChoiceField(
        label=_("Ministry"), queryset=Organisation.objects.none(), empty_label=None
    )
    verdict = forms.ChoiceField(
        label=_("Assessment"),
        choices=Verdict.choices,
        widget=forms.RadioSelect,
        error_messages=required(_("Choose one of the assessments.")),
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        max_length=TEXT_LENGTH,
        widget=textarea(5),
        error_messages=required(_("Give the reasons for the assessment.")),
    )

    def __init__(self, *args, ministries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = ministries


class SelectionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("select", _("Selected: it goes on")), ("not_select", _("Not selected"))],
        widget=forms.RadioSelect,
        error_messages=required(_("Choose the decision.")),
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        max_length=TEXT_LENGTH,
        widget=textarea(5),
        required=False,
        help_text=_("Made public with the decision."),
    )


class FinalApplicationForm(forms.Form):
    council_body = forms.CharField(
        label=_("Adopted by (the municipal or county council)"),
        max_length=200,
        error_messages=required(_("Name the council that adopted the application.")),
    )
    council_date = forms.DateField(
        label=_("Date of the council's decision"),
        widget=date_input(),
        error_messages=required(_("Give the date of the council's decision.")),
    )
    council_case_number = forms.CharField(
        label=_("Case number"),
        max_length=50,
        error_messages=required(_("Give the case number of the decision.")),
    )
    document = forms.FileField(
        label=_("The council's decision (PDF, ODT, DOCX, PNG or JPEG)"),
        error_messages=required(_("Attach the council's decision.")),
    )


class ApprovalForm(forms.Form):
    approving_ministry = forms.ModelChoiceField(
        label=_("Approving ministry"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT).order_by("name"),
        error_messages=required(_("Choose the ministry that approves the trial.")),
    )
    regulation_title = forms.CharField(
        label=_("Title of the regulation"),
        max_length=300,
        error_messages=required(_("Give the title of the regulation.")),
    )
    regulation_date = forms.DateField(
        label=_("Date of the regulation"),
        widget=date_input(),
        error_messages=required(_("Give the date of the regulation.")),
    )
    trial_start = forms.DateField(
        label=_("Trial starts"),
        widget=date_input(),
        error_messages=required(_("Give the date the trial starts.")),
    )
    trial_end = forms.DateField(
        label=_("Trial ends"),
        widget=date_input(),
        error_messages=required(_("Give the date the trial ends.")),
    )
    conditions = forms.CharField(
        label=_("Conditions"), max_length=TEXT_LENGTH, widget=textarea(4), required=False
    )


class ReasonsForm(forms.Form):
    reasons = forms.CharField(
        label=_("Reasons"),
        max_length=TEXT_LENGTH,
        widget=textarea(5),
        required=False,
        help_text=_("Made public with the decision."),
    )


class EvaluationForm(forms.Form):
    evaluation_url = forms.URLField(
        label=_("Link to the evaluation report"),
        required=False,
        assume_scheme="https",
        max_length=TrialApplication._meta.get_field("evaluation_url").max_length,
    )
    document = forms.FileField(label=_("Or attach the report"), required=False)
    evaluation_summary = forms.CharField(
        label=_("What the evaluation found"),
        max_length=TEXT_LENGTH,
        widget=textarea(5),
        required=False,
    )


class EndForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How the trial ended"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages=required(_("Choose how the trial ended.")),
    )
    note = forms.CharField(
        label=_("About the outcome"), max_length=TEXT_LENGTH, widget=textarea(4), required=False
    )
