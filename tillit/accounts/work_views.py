"""The signed-in user's work page (``/mitt/``): tasks first (a "to do" summary), then their
organisations and requests, and what the domain apps add as panels (``registry.WORK_PANELS``)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from tillit.policy import Action, can, is_editor

from . import selectors, services
from .registry import WorkTodo, work_panels_context


class MyWorkView(LoginRequiredMixin, TemplateView):
    """A signed-in user's own page: what waits for them in each of their roles, memberships,
    requests and what they follow. Opening it marks what is new as seen."""

    template_name = "accounts/my_work.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        services.work_page_seen(user=user)  # before the panels read what is new since when
        editor = is_editor(user)
        awaiting = list(selectors.join_requests_awaiting(user))
        panels = work_panels_context(user)
        requests_todo = ngettext(
            "%(count)s request to join waits for your decision",
            "%(count)s requests to join wait for your decision",
            len(awaiting),
        ) % {"count": len(awaiting)}
        todo = [*panels.pop("todo")]
        if awaiting:
            todo.insert(0, WorkTodo(requests_todo, "awaiting-heading"))
        context = super().get_context_data(
            can_register=can(user, Action.INITIATIVE_CREATE),
            can_read_audit=can(user, Action.AUDIT_READ),
            memberships=selectors.my_memberships(user),
            my_requests=selectors.my_join_requests(user),
            awaiting=awaiting,
            invitations_open=selectors.invitations_open_for_leader(user),
            without_leader=selectors.organisations_without_leader()[:20] if editor else [],
            todo=todo,
            **panels,
            **kwargs,
        )
        return context
