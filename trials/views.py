"""The public pages of the trial scheme: trials by round and state, one application or trial,
its documents, and the statistics of the laws asked about. Each view names its policy action;
applications outside the user's scope answer 404."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from tillit.policy import Action, can

from . import selectors
from .models import TrialApplication


class ApplicationMixin:
    """Loads the application in the URL from those the user may see; others answer 404."""

    @cached_property
    def application(self) -> TrialApplication:
        try:
            return selectors.application_for_detail(pk=self.kwargs["pk"], user=self.request.user)
        except TrialApplication.DoesNotExist:
            raise Http404 from None

    def get_permission_object(self):
        return self.application

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, **kwargs)

    def get_success_url(self):
        return self.application.get_absolute_url()


class TrialListView(TemplateView):
    """Anyone sees decided applications and approved trials, by round and state; applicants,
    ministries and editors also what is still under way that they may see."""

    template_name = "trials/list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            rounds=selectors.rounds_with_applications(user),
            can_manage_rounds=can(user, Action.TRIAL_ROUND_MANAGE),
            **kwargs,
        )


# Each step a person may take on the application's page: its policy action, URL and link text.
STEPS = [
    (Action.TRIAL_EDIT, "trials:edit", _("Change the application")),
    (
        Action.TRIAL_SUBMIT_PRELIMINARY,
        "trials:submit_preliminary",
        _("Send the preliminary application"),
    ),
    (Action.TRIAL_START_ASSESSMENT, "trials:start_assessment", _("Send for assessment")),
    (Action.TRIAL_ASSESS, "trials:assess", _("Assess the application")),
    (Action.TRIAL_SELECT, "trials:select", _("Select or not")),
    (Action.TRIAL_SUBMIT_FINAL, "trials:submit_final", _("Send the final application")),
    (Action.TRIAL_DECIDE, "trials:approve", _("Approve the trial")),
    (Action.TRIAL_DECIDE, "trials:refuse", _("Refuse the trial")),
    (Action.TRIAL_START, "trials:start", _("Start the trial")),
    (Action.TRIAL_EVALUATE, "trials:evaluate", _("Report the evaluation")),
    (Action.TRIAL_END, "trials:end", _("End the trial")),
]


class TrialDetailView(ApplicationMixin, TemplateView):
    """Anyone sees a decided application or trial with its exemptions and decision; until
    the decision, the applicants, the ministries concerned and editors. The ministries'
    assessments only those."""

    template_name = "trials/detail.html"

    def get_context_data(self, **kwargs):
        user, application = self.request.user, self.application
        show_assessments = can(user, Action.TRIAL_VIEW_ASSESSMENTS, application)
        return super().get_context_data(
            steps=[
                (reverse(name, args=[application.pk]), label)
                for action, name, label in STEPS
                if can(user, action, application)
            ],
            # a public trial may come from a measure the reader may not see (a draft)
            measure_visible=can(user, Action.INITIATIVE_VIEW, application.initiative),
            exemptions=application.exemptions.select_related("legal_act"),
            documents=application.documents.all(),
            assessments=(
                application.assessments.select_related("ministry") if show_assessments else None
            ),
            **kwargs,
        )


class DocumentView(ApplicationMixin, View):
    """Whoever may see the application may download its documents; nobody else."""

    def get(self, request, *args, **kwargs):
        document = get_object_or_404(self.application.documents, pk=kwargs["document_pk"])
        try:
            handle = document.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(
            handle,
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )


class StatisticsView(TemplateView):
    """Anyone sees which laws and sections are asked for, and granted, most often."""

    template_name = "trials/statistics.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=selectors.law_statistics(self.request.user), **kwargs)
