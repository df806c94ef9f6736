"""Writing an application from a measure: the application's fields and its exemptions (a
formset) on one page. Leaders of the measure's municipality write it; leaders of any
applicant change the draft. Errors come back at their fields with the input kept."""

from uuid import uuid4

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from initiatives.models import Initiative
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import services
from .forms import ApplicationForm, ExemptionFormSet
from .models import TrialRound
from .services.applications import EXEMPTION_FIELDS
from .views import ApplicationMixin

PREFIX = "exemption"


def _exemption_rows(formset) -> list[dict]:
    return [
        {name: form.cleaned_data.get(name) for name in EXEMPTION_FIELDS}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def _place_errors(form, formset, error: ValidationError) -> None:
    """The service's errors at the application's fields and at each exemption's."""
    for key, messages_ in error.message_dict.items():
        parts = key.split("-")
        if len(parts) == 3 and parts[0] == PREFIX and parts[1].isdigit():
            index = int(parts[1])
            forms_with_data = [
                f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            if index < len(forms_with_data) and parts[2] in forms_with_data[index].fields:
                forms_with_data[index].add_error(parts[2], messages_)
                continue
        form.add_error(key if key in form.fields else None, messages_)


class ApplicationFormView(PolicyRequiredMixin, TemplateView):
    template_name = "trials/application_form.html"

    def forms(self, data=None):
        return (
            ApplicationForm(data, initial=self.initial()),
            ExemptionFormSet(data, prefix=PREFIX, initial=self.initial_exemptions()),
        )

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"], kwargs["formset"] = self.forms()
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST)
        if form.is_valid() and formset.is_valid():
            data = services.ApplicationInput(
                **form.cleaned_data, exemptions=_exemption_rows(formset)
            )
            try:
                application = self.save(data)
            except ValidationError as error:
                _place_errors(form, formset, error)
            else:
                messages.success(request, _("The application is saved as a draft."))
                return HttpResponseRedirect(application.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class ApplicationCreateView(ApplicationFormView):
    """Leaders of a municipality's or county municipality's measure apply for a trial."""

    permission_action = Action.TRIAL_CREATE

    @cached_property
    def initiative(self) -> Initiative:
        try:
            return (
                Initiative.objects.visible_to(self.request.user)
                .select_related("organisation")
                .get(pk=self.kwargs["initiative_pk"])
            )
        except Initiative.DoesNotExist:
            raise Http404 from None

    def get_permission_object(self):
        return self.initiative

    def initial(self):
        return {
            "title": self.initiative.title,
            "purpose": self.initiative.summary,
            "round": TrialRound.objects.first(),
            "applicants": list(self.initiative.participating_organisations.all()),
            "form_token": uuid4(),
        }

    def initial_exemptions(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            initiative=self.initiative, heading=_("Apply for a trial"), **kwargs
        )

    def save(self, data):
        return services.application_create(
            initiative=self.initiative, by=self.request.user, data=data
        )


class ApplicationEditView(ApplicationMixin, ApplicationFormView):
    """Leaders of an applicant change the draft application."""

    permission_action = Action.TRIAL_EDIT

    def initial(self):
        app = self.application
        owner = app.initiative.organisation_id
        return {
            "round": app.round,
            "title": app.title,
            "purpose": app.purpose,
            "period_years": app.period_years,
            "applicants": [org for org in app.applicants.all() if org.pk != owner],
        }

    def initial_exemptions(self):
        return list(self.application.exemptions.values(*EXEMPTION_FIELDS))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            initiative=self.application.initiative, heading=_("Change the application"), **kwargs
        )

    def save(self, data):
        return services.application_update(
            application=self.application, by=self.request.user, data=data
        )
