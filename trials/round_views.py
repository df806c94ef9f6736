"""Rounds of applications: departement users of the coordinating ministry list, open and
change them."""

from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from tillit.core.formviews import ServiceFormView
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import services
from .forms import RoundForm
from .models import TrialRound


class RoundListView(PolicyRequiredMixin, TemplateView):
    """The coordinating ministry's rounds, newest first."""

    permission_action = Action.TRIAL_ROUND_MANAGE
    template_name = "trials/rounds.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rounds=TrialRound.objects.all(), **kwargs)


class RoundCreateView(PolicyRequiredMixin, ServiceFormView):
    """The coordinating ministry opens a round."""

    permission_action = Action.TRIAL_ROUND_MANAGE
    template_name = "trials/round_form.html"
    form_class = RoundForm
    success_url = reverse_lazy("trials:rounds")
    errors_at_fields = True
    extra_context = {"heading": gettext_lazy("Open a round of applications")}

    def perform(self, form):
        services.round_create(by=self.request.user, values=form.cleaned_data)
        return _("The round is open.")


class RoundEditView(RoundCreateView):
    """The coordinating ministry changes a round."""

    extra_context = {"heading": gettext_lazy("Change the round")}

    @cached_property
    def trial_round(self) -> TrialRound:
        return get_object_or_404(TrialRound, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.trial_round}

    def perform(self, form):
        services.round_update(
            trial_round=self.trial_round, by=self.request.user, values=form.cleaned_data
        )
        return _("The round is saved.")
