"""Deleting a draft that was never sent for approval: a confirmation page, then the service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from tillit.core.forms import ConfirmForm
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import services
from .views import InitiativeMixin


class InitiativeDeleteView(InitiativeMixin, PolicyRequiredMixin, FormView):
    """The author and the owner's leaders delete a never-submitted draft after confirming.
    Others who may see the measure get 403; those who may not, 404."""

    permission_action = Action.INITIATIVE_DELETE
    template_name = "initiatives/delete.html"
    form_class = ConfirmForm

    def permission_refused(self):
        raise PermissionDenied  # the measure came from the user's own scope

    def form_valid(self, form):
        title = self.initiative.title
        services.initiative_delete(initiative=self.initiative, by=self.request.user)
        messages.success(self.request, _("The draft «%(title)s» was deleted.") % {"title": title})
        return HttpResponseRedirect(reverse("accounts:my_work"))
