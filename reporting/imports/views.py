"""Import pages: upload, preview of every row, confirm. Leaders of the organisation and
editors only; a batch is seen and saved only by the person who uploaded it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView

from tillit.accounts.views import OrganisationMixin
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import selectors, services
from .forms import ImportConfirmForm, ImportUploadForm


class ImportMixin(OrganisationMixin, PolicyRequiredMixin):
    permission_action = Action.INITIATIVE_IMPORT


class BatchMixin:
    """Loads the user's own batch after the policy has admitted them (404 for others)."""

    def dispatch(self, request, *args, **kwargs):
        self.batch = selectors.import_batch_of(
            user=request.user, organisation=self.organisation, pk=kwargs["batch"]
        )
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def rows(self):
        return selectors.import_preview_rows(self.batch)

    def get_context_data(self, **kwargs):
        context = {"batch": self.batch}
        if self.batch.status == self.batch.Status.PREVIEW:
            invalid = sum(not row.is_valid for row in self.rows)
            context |= {
                "rows": self.rows,
                "row_count": len(self.rows),
                "invalid_count": invalid,
                "valid_count": len(self.rows) - invalid,
            }
            kwargs.setdefault("form", ImportConfirmForm(initial={"mode": self.batch.mode}))
        else:
            context["created"] = selectors.imported_initiatives(self.batch)
            context["updated"] = selectors.updated_initiatives(self.batch)
            context["failed"] = sorted(
                (int(line), problems)
                for line, problems in self.batch.result.get("failed", {}).items()
            )
        return super().get_context_data(**{**kwargs, **context})


class ImportUploadView(ImportMixin, FormView):
    """Leaders (their organisation) and editors (any) upload a file to preview."""

    template_name = "reporting/import/upload.html"
    form_class = ImportUploadForm

    def form_valid(self, form):
        batch = services.import_preview(
            organisation=self.organisation,
            by=self.request.user,
            parsed=form.parsed,
            file_name=form.cleaned_data["file"].name,
            mode=form.cleaned_data["mode"],
        )
        return HttpResponseRedirect(_batch_url(batch))


class ImportPreviewView(ImportMixin, BatchMixin, TemplateView):
    """The uploader sees every row with its errors before saving; after saving, the result."""

    template_name = "reporting/import/preview.html"


class ImportCommitView(ImportMixin, BatchMixin, FormView):
    """The uploader saves the batch's rows as drafts, in the mode they choose (POST only)."""

    template_name = "reporting/import/preview.html"
    form_class = ImportConfirmForm
    http_method_names = ["post"]

    def form_valid(self, form):
        if self.batch.status != self.batch.Status.PREVIEW:
            messages.info(self.request, _("This file has already been imported."))
            return HttpResponseRedirect(_batch_url(self.batch))
        try:
            batch = services.import_commit(
                batch=self.batch,
                by=self.request.user,
                mode=form.cleaned_data["mode"],
                request=self.request,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        created, updated = len(batch.result["created"]), len(batch.result.get("updated", []))
        if created or not updated:
            messages.success(
                self.request,
                ngettext(
                    "%(count)s measure was saved as a draft of %(organisation)s.",
                    "%(count)s measures were saved as drafts of %(organisation)s.",
                    created,
                )
                % {"count": created, "organisation": self.organisation.name},
            )
        if updated:
            messages.success(
                self.request,
                ngettext(
                    "%(count)s existing measure was updated.",
                    "%(count)s existing measures were updated.",
                    updated,
                )
                % {"count": updated},
            )
        if batch.result["failed"]:
            messages.warning(self.request, _("Some rows could not be saved; see below."))
        return HttpResponseRedirect(_batch_url(batch))


def _batch_url(batch) -> str:
    return reverse("reporting:import_preview", args=[batch.organisation_id, batch.pk])
