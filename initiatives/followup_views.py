"""Answering the follow-up question asked after a measure ended: from the work page (leaders
of the owner, signed in) or through an e-mail's one-click link, which opens a page to confirm
on (no sign-in; a GET never changes anything, since mail scanners open links)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from tillit.core.formviews import ServiceFormView
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action, can

from .followup.links import LinkExpired, LinkInvalid, read_answer_token
from .followup_forms import FollowUpAnswerForm, FollowUpConfirmForm
from .models import FollowUp, FollowUpAnswer
from .services.followup import AlreadyAnswered, followup_answer

THANKS = _("Thank you. Your answer was recorded and is shown on the measure's page.")


class FollowUpAnswerView(PolicyRequiredMixin, ServiceFormView):
    """Leaders of the owner answer a due question about a published measure, once."""

    permission_action = Action.FOLLOWUP_ANSWER
    template_name = "initiatives/followup/answer.html"
    form_class = FollowUpAnswerForm

    @cached_property
    def followup(self) -> FollowUp:
        return get_object_or_404(
            FollowUp.objects.select_related("initiative__organisation"),
            pk=self.kwargs["followup_pk"],
            initiative_id=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.followup

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            followup=self.followup, initiative=self.followup.initiative, **kwargs
        )

    def perform(self, form):
        followup_answer(
            followup=self.followup,
            answer=form.cleaned_data["answer"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )
        return str(THANKS)

    def get_success_url(self):
        return self.followup.initiative.get_absolute_url()


class FollowUpLinkView(TemplateView):
    """The page an e-mail's answer link opens: the measure, the chosen answer and one button.
    Forged or altered links answer 400; expired, used or no longer valid ones 410."""

    template_name = "initiatives/followup/link.html"

    @cached_property
    def checked(self) -> tuple[str, FollowUp | None, object]:
        """(problem or "", the question, the leader it was mailed to)."""
        try:
            link = read_answer_token(self.kwargs["token"])
        except LinkExpired:
            return "expired", None, None
        except LinkInvalid:
            return "invalid", None, None
        followup = (
            FollowUp.objects.select_related("initiative__organisation")
            .filter(pk=link.followup_id, nonce=link.nonce)
            .first()
        )
        if followup is None:
            return "invalid", None, None
        followup.link_answer = link.answer
        if followup.is_answered:
            return "answered", followup, None
        user = get_user_model().objects.filter(pk=link.user_id, is_active=True).first()
        if user is None or not can(user, Action.FOLLOWUP_ANSWER, followup):
            return "gone", followup, None
        return "", followup, user

    def _page(self, form=None, *, problem=""):
        problem = problem or self.checked[0]
        followup = self.checked[1]
        status = {"": 200, "invalid": 400}.get(problem, 410)
        context = self.get_context_data(
            problem=problem,
            followup=followup if not problem else None,
            answer_label=FollowUpAnswer(followup.link_answer).label if followup else "",
            form=form,
        )
        return self.render_to_response(context, status=status)

    def _form(self, data=None):
        return FollowUpConfirmForm(data, answer=self.checked[1].link_answer)

    def get(self, request, *args, **kwargs):
        return self._page(self._form() if not self.checked[0] else None)

    def post(self, request, *args, **kwargs):
        problem, followup, user = self.checked
        if problem:
            return self._page()
        form = self._form(request.POST)
        if not form.is_valid():
            return self._page(form)
        try:
            followup_answer(
                followup=followup,
                answer=followup.link_answer,
                reason=form.cleaned_data.get("reason", ""),
                by=user,
                nonce=followup.nonce,
            )
        except AlreadyAnswered:
            return self._page(problem="answered")
        except (PermissionDenied, ValidationError):
            return self._page(problem="gone")
        messages.success(request, THANKS)
        return HttpResponseRedirect(followup.initiative.get_absolute_url())
