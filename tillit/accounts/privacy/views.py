"""``/konto/mine-data/``: every signed-in user sees, downloads and may delete their own data;
nobody else's."""

import json

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from .deletion import account_delete, is_last_editor
from .export import user_data_export, user_data_summary
from .forms import AccountDeleteForm


class MyDataView(LoginRequiredMixin, TemplateView):
    """A signed-in user: what the portal holds about them, the download and the way out."""

    template_name = "accounts/privacy/my_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(summary=user_data_summary(self.request.user), **kwargs)


class MyDataExportView(LoginRequiredMixin, View):
    """A signed-in user downloads everything tied to them as JSON."""

    def get(self, request):
        data = user_data_export(request.user)
        body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        name = f"tillitsportalen-mine-data-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "no-store"
        return response


class AccountDeleteView(LoginRequiredMixin, FormView):
    """A signed-in user deletes their own account after confirming with their password."""

    template_name = "accounts/privacy/delete.html"
    form_class = AccountDeleteForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "has_password": self.request.user.has_usable_password(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(last_editor=is_last_editor(self.request.user), **kwargs)

    def form_valid(self, form):
        try:
            account_delete(user=self.request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        self.request.session.flush()
        self.request.user = AnonymousUser()
        messages.success(self.request, _("Your account has been deleted."))
        return HttpResponseRedirect(reverse("home"))
