"""The signed-in user's work page (``/mitt/``): their organisations and requests, decisions
waiting for them, and what the domain apps add as panels (``registry.WORK_PANELS``)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from tillit.policy import Action, can, is_editor

from . import selectors
from .registry import work_panels_context


class MyWorkView(LoginRequiredMixin, TemplateView):
    """A signed-in user's own page: memberships, requests, and decisions waiting for them."""

    template_name = "accounts/my_work.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        editor = is_editor(user)
        return super().get_context_data(
            can_register=can(user, Action.INITIATIVE_CREATE),
            can_read_audit=can(user, Action.AUDIT_READ),
            memberships=selectors.my_memberships(user),
            my_requests=selectors.my_join_requests(user),
            awaiting=selectors.join_requests_awaiting(user),
            without_leader=selectors.organisations_without_leader()[:20] if editor else [],
            **work_panels_context(user),
            **kwargs,
        )
