"""Moving a measure through its workflow: sending it for approval, the leader's decision,
archiving, an editor unpublishing it, and the union representatives' assessment. Who may do
each is the policy's ``Action`` named on the view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from initiatives.rules.initiatives import decided_already
from tillit.core.forms import ConfirmForm
from tillit.core.formviews import ServiceFormView
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import services
from .forms import AssessmentForm, InitiativeForm, ReviewForm, UnpublishForm
from .models import Initiative
from .views import InitiativeDetailView, InitiativeMixin


class InitiativeReviewView(InitiativeMixin, PolicyRequiredMixin, ServiceFormView):
    """Leaders of the owner publish a pending measure or send it back with a note. A leader
    whose decision comes after another's is told so and sent to the measure."""

    permission_action = Action.INITIATIVE_REVIEW
    template_name = "initiatives/review.html"
    form_class = ReviewForm

    def permission_refused(self):
        if self.request.method == "POST" and decided_already(self.request.user, self.initiative):
            return self._too_late(self.initiative)
        return super().permission_refused()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.DecisionTooLate as late:
            return self._too_late(late.initiative)

    def _too_late(self, initiative):
        messages.warning(
            self.request,
            _(
                "The measure was already decided on: it is now «%(status)s». "
                "Your decision was not recorded."
            )
            % {"status": initiative.get_workflow_status_display()},
        )
        return HttpResponseRedirect(self.get_success_url())

    def perform(self, form):
        if form.cleaned_data["decision"] == "publish":
            services.initiative_publish(initiative=self.initiative, by=self.request.user)
            return _("The measure is published.")
        services.initiative_return(
            initiative=self.initiative, by=self.request.user, note=form.cleaned_data["note"]
        )
        return _("The measure was sent back to the author.")


class InitiativeSubmitView(PolicyRequiredMixin, InitiativeDetailView):
    """Staff and leaders send a complete draft for approval from the measure's page; an
    incomplete one shows the page again with the missing fields, each linked in the form."""

    permission_action = Action.INITIATIVE_SUBMIT
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.initiative

    def post(self, request, *args, **kwargs):
        try:
            services.initiative_submit(initiative=self.initiative, by=request.user)
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(missing=_missing_fields(self.initiative, error))
            )
        messages.success(request, _("The measure was sent to your leaders for approval."))
        return HttpResponseRedirect(self.get_success_url())


def _missing_fields(initiative: Initiative, error: ValidationError) -> list[dict]:
    """Each missing field's label, message and link into the edit form, in form order."""
    form = InitiativeForm(instance=initiative)
    edit_url = reverse("initiatives:edit", args=[initiative.pk])
    errors = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    order = list(form.fields)
    missing = []
    for name in sorted(errors, key=lambda n: order.index(n) if n in order else len(order)):
        label, url = "", edit_url
        if name in form.fields:
            field = form[name]
            label = field.label
            url += f"#{field.auto_id}_fieldset" if field.use_fieldset else f"#{field.auto_id}"
        missing += [{"label": label, "message": message, "url": url} for message in errors[name]]
    return missing


class InitiativeArchiveView(InitiativeMixin, PolicyRequiredMixin, ServiceFormView):
    """Leaders of the owner archive a measure, after confirming."""

    permission_action = Action.INITIATIVE_ARCHIVE
    template_name = "initiatives/archive.html"
    form_class = ConfirmForm

    def perform(self, form):
        services.initiative_archive(initiative=self.initiative, by=self.request.user)
        return _("The measure was archived.")


class InitiativeUnpublishView(InitiativeMixin, PolicyRequiredMixin, ServiceFormView):
    """Editors take a published measure down, with a reason the organisation sees."""

    permission_action = Action.INITIATIVE_UNPUBLISH
    template_name = "initiatives/unpublish.html"
    form_class = UnpublishForm

    def perform(self, form):
        services.initiative_unpublish(
            initiative=self.initiative, by=self.request.user, reason=form.cleaned_data["reason"]
        )
        return _("The measure was unpublished.")


class InitiativeAssessView(InitiativeMixin, PolicyRequiredMixin, ServiceFormView):
    """Union representatives of the owner confirm or dispute employee involvement."""

    permission_action = Action.INITIATIVE_ASSESS
    template_name = "initiatives/assess.html"
    form_class = AssessmentForm

    def get_initial(self):
        if self.initiative.union_assessment == "ukjent":
            return {}
        return {
            "assessment": self.initiative.union_assessment,
            "text": self.initiative.union_assessment_text,
        }

    def perform(self, form):
        services.initiative_assess(
            initiative=self.initiative, by=self.request.user, **form.cleaned_data
        )
        return _("Thank you. Your assessment is shown on the measure.")
