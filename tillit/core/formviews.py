"""Forms whose valid input goes to a service: the service's ``ValidationError`` is shown on
the form, with what the user typed kept."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.views.generic import FormView


def add_service_errors(form, error: ValidationError) -> None:
    """Put the service's errors on the matching fields, the rest at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages_ in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages_)


class ServiceFormView(FormView):
    """A form whose valid input goes to a service (``perform``); its ValidationError is shown
    at the top of the form (at the matching fields with ``errors_at_fields``), and its
    message, if any, after the redirect."""

    errors_at_fields = False

    def form_valid(self, form):
        try:
            message = self.perform(form)
        except ValidationError as error:
            if self.errors_at_fields:
                add_service_errors(form, error)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url())

    def perform(self, form) -> str:
        raise NotImplementedError  # each subclass names its service call
