from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404

from tillit import policy


class PolicyRequiredMixin(LoginRequiredMixin):
    """Views name their action once; the policy decides. Anonymous users are sent to sign in;
    signed-in users outside the object's scope get 404, so nothing about it leaks."""

    permission_action: policy.Action

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.permission_object = self.get_permission_object()
        if not policy.can(request.user, self.permission_action, self.permission_object):
            return self.permission_refused()
        return super().dispatch(request, *args, **kwargs)

    def permission_refused(self):
        """404 by default. A view whose object came from the user's scope may answer
        otherwise: the user already knows the object exists."""
        raise Http404
