"""The workflow's steps, one page each: who may take a step is the policy's ``Action`` named
on the view; the step is the service's. Bad input comes back at its fields, typed input kept;
a decision made meanwhile by someone else is reported, not overwritten."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from initiatives.services.transitions import DecisionTooLate
from tillit.accounts.models import Organisation
from tillit.core.forms import ConfirmForm
from tillit.core.formviews import ServiceFormView
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import services
from .forms import (
    ApprovalForm,
    AssessmentForm,
    EndForm,
    EvaluationForm,
    FinalApplicationForm,
    ReasonsForm,
    SelectionForm,
)
from .rules.roles import concerned_ministries
from .views import ApplicationMixin


class StepView(ApplicationMixin, PolicyRequiredMixin, ServiceFormView):
    template_name = "trials/step.html"
    form_class = ConfirmForm
    errors_at_fields = True
    heading = ""
    submit_label = gettext_lazy("Confirm")
    explanation = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading,
            submit_label=self.submit_label,
            explanation=self.explanation,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DecisionTooLate as late:
            messages.warning(
                self.request,
                _("Someone decided on the application first: it is now «%(state)s».")
                % {"state": late.initiative.get_workflow_status_display()},
            )
            return HttpResponseRedirect(self.get_success_url())


class SubmitPreliminaryView(StepView):
    """A leader of an applicant sends the preliminary application to the coordinating
    ministry."""

    permission_action = Action.TRIAL_SUBMIT_PRELIMINARY
    heading = gettext_lazy("Send the preliminary application")
    submit_label = gettext_lazy("Send the application")
    explanation = gettext_lazy(
        "The coordinating ministry receives it and sends it to the ministries concerned."
    )

    def perform(self, form):
        services.application_submit_preliminary(application=self.application, by=self.request.user)
        return _("The preliminary application is sent.")


class StartAssessmentView(StepView):
    """The coordinating ministry sends a preliminary application to the ministries."""

    permission_action = Action.TRIAL_START_ASSESSMENT
    heading = gettext_lazy("Send for assessment")
    submit_label = gettext_lazy("Send for assessment")
    explanation = gettext_lazy("The measure's responsible ministries are asked to assess it.")

    def perform(self, form):
        services.application_start_assessment(application=self.application, by=self.request.user)
        return _("The ministries are asked to assess the application.")


class AssessView(StepView):
    """Departement users of a responsible ministry record its assessment."""

    permission_action = Action.TRIAL_ASSESS
    form_class = AssessmentForm
    heading = gettext_lazy("Assess the application")
    submit_label = gettext_lazy("Save the assessment")

    def get_form_kwargs(self):
        ids = concerned_ministries(self.request.user, self.application)
        return {**super().get_form_kwargs(), "ministries": Organisation.objects.filter(pk__in=ids)}

    def perform(self, form):
        services.application_assess(
            application=self.application, by=self.request.user, **form.cleaned_data
        )
        return _("The assessment is saved.")


class SelectView(StepView):
    """The coordinating ministry selects, or does not select, with reasons."""

    permission_action = Action.TRIAL_SELECT
    form_class = SelectionForm
    heading = gettext_lazy("Select or not")
    submit_label = gettext_lazy("Save the decision")

    def perform(self, form):
        decision = form.cleaned_data["decision"]
        service = (
            services.application_select if decision == "select" else services.application_not_select
        )
        service(
            application=self.application, by=self.request.user, reasons=form.cleaned_data["reasons"]
        )
        return _("The decision is saved and the applicants are told.")


class SubmitFinalView(StepView):
    """A leader of an applicant sends the final application with the council's decision."""

    permission_action = Action.TRIAL_SUBMIT_FINAL
    form_class = FinalApplicationForm
    heading = gettext_lazy("Send the final application")
    submit_label = gettext_lazy("Send the application")
    multipart = True

    def perform(self, form):
        services.application_submit_final(
            application=self.application, by=self.request.user, council=form.cleaned_data
        )
        return _("The final application is sent.")


class ApproveView(StepView):
    """The coordinating or a responsible ministry approves the trial."""

    permission_action = Action.TRIAL_DECIDE
    form_class = ApprovalForm
    heading = gettext_lazy("Approve the trial")
    submit_label = gettext_lazy("Approve")

    def perform(self, form):
        services.application_approve(
            application=self.application, by=self.request.user, approval=form.cleaned_data
        )
        return _("The trial is approved.")


class RefuseView(StepView):
    """The coordinating or a responsible ministry refuses the trial, with reasons."""

    permission_action = Action.TRIAL_DECIDE
    form_class = ReasonsForm
    heading = gettext_lazy("Refuse the trial")
    submit_label = gettext_lazy("Refuse")

    def perform(self, form):
        services.application_refuse(
            application=self.application, by=self.request.user, reasons=form.cleaned_data["reasons"]
        )
        return _("The application is refused.")


class StartView(StepView):
    """A leader of an applicant records that the approved trial has started."""

    permission_action = Action.TRIAL_START
    heading = gettext_lazy("Start the trial")
    submit_label = gettext_lazy("The trial has started")

    def perform(self, form):
        services.application_start(application=self.application, by=self.request.user)
        return _("The trial is running.")


class EvaluateView(StepView):
    """A leader of an applicant records the evaluation report."""

    permission_action = Action.TRIAL_EVALUATE
    form_class = EvaluationForm
    heading = gettext_lazy("Report the evaluation")
    submit_label = gettext_lazy("Save the evaluation")
    multipart = True

    def perform(self, form):
        services.application_evaluate(
            application=self.application, by=self.request.user, evaluation=form.cleaned_data
        )
        return _("The evaluation is recorded.")


class EndView(StepView):
    """The coordinating or a responsible ministry ends the trial."""

    permission_action = Action.TRIAL_END
    form_class = EndForm
    heading = gettext_lazy("End the trial")
    submit_label = gettext_lazy("End the trial")

    def perform(self, form):
        services.application_end(
            application=self.application,
            by=self.request.user,
            outcome=form.cleaned_data["outcome"],
            note=form.cleaned_data["note"],
        )
        return _("The trial has ended.")
