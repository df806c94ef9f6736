"""Pages for registering and reading measures (moving them: ``workflow_views``). Each view names
its policy action once; writes go through ``initiatives.services``."""

from uuid import uuid4

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from tillit.core.formviews import add_service_errors
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action, can

from . import discussion, selectors, services, tasks, translations
from .connections import connections_of
from .effects import measure_effects
from .followup.ended import has_ended
from .followup.selectors import latest_answer_text
from .forms import InitiativeForm, ReviewForm
from .models import Initiative, LifecycleStatus, WorkflowStatus
from .overview.params import SORTINGS
from .overview.selectors import overview
from .registry import measure_panels
from .row_views import AddRowMixin
from .similar_views import SimilarCheckMixin
from .similarity.presentation import for_measure


class InitiativeMixin:
    """Loads the measure in the URL from the user's visible measures; others answer 404."""

    @cached_property
    def initiative(self) -> Initiative:
        try:
            return selectors.initiative_for_detail(pk=self.kwargs["pk"], user=self.request.user)
        except Initiative.DoesNotExist:
            raise Http404 from None

    def get_permission_object(self):
        return self.initiative

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.initiative, **kwargs)

    def get_success_url(self):
        return self.initiative.get_absolute_url()


class FacetedListView(TemplateView):
    """A faceted list: the overview's pipeline (``overview.pipeline``) over the
    ``overview.selectors.Source`` named by ``source``. htmx asks for the filters and results
    only; the URL stays shareable."""

    url_name = ""
    source = "initiatives.overview.selectors.INITIATIVES"

    def get_template_names(self):
        htmx = self.request.htmx
        if htmx and not htmx.history_restore_request:
            return ["initiatives/includes/overview_body.html"]
        return [self.template_name]

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        patch_vary_headers(response, ("HX-Request",))
        return response

    def get_context_data(self, **kwargs):
        source = import_string(self.source)
        data = overview(query=self.request.GET, user=self.request.user, source=source)
        carried = self.request.GET.copy()
        carried.pop("side", None)
        return super().get_context_data(
            overview=data,
            sortings=SORTINGS,
            list_url=reverse(self.url_name),
            overview_query=f"?{carried.urlencode()}" if carried else "",  # the filters alone
            **kwargs,
        )


class OverviewView(FacetedListView):
    """Anyone browses the overview; members also see their organisation's unpublished
    measures, and ministries the pending measures of their agencies."""

    template_name = "initiatives/overview.html"
    url_name = "initiatives:overview"


def text_reading(request, obj) -> translations.Reading:
    """The text as the reader asked to read it (``?lesemal=nn``); a translation asked for and
    not made yet is queued for the background, never made here."""
    reading = translations.reading(obj, requested=request.GET.get(translations.PARAMETER))
    if reading.pending:
        tasks.translation_wanted(obj)
    return reading


class InitiativeDetailView(InitiativeMixin, TemplateView):
    """Anyone sees published measures; members of the owner and editors see the rest."""

    template_name = "initiatives/detail.html"

    def get_context_data(self, **kwargs):
        user, initiative = self.request.user, self.initiative
        allowed = {
            action: can(user, action, initiative)
            for action in Action
            if action.startswith("initiative.") and action != Action.INITIATIVE_CREATE
        }
        allowed[Action.EXPERIENCE_CREATE] = can(user, Action.EXPERIENCE_CREATE, initiative)
        show_history = allowed[Action.INITIATIVE_VIEW_HISTORY]
        reading = text_reading(self.request, initiative)
        reports = selectors.experience_reports_of(initiative, user=user)
        return super().get_context_data(
            reading=reading,
            goals=translations.goals_shown(initiative, reading.shown),
            allowed={action.name: value for action, value in allowed.items()},
            history=selectors.initiative_history(initiative) if show_history else None,
            show_contact=initiative.publish_contact or show_history,
            review_form=ReviewForm(),
            reports=reports,
            followup_text=latest_answer_text(initiative),
            offer_report=allowed[Action.EXPERIENCE_CREATE]
            and not reports
            and has_ended(initiative, timezone.localdate()),
            follow=discussion.follow_of(user, initiative),
            follow_url=reverse("initiatives:follow_initiative", args=[initiative.pk]),
            panels=measure_panels(initiative, user),
            similar=for_measure(initiative),
            connections=connections_of(initiative, user=user),
            effects=measure_effects(initiative),
            **discussion.page_context(
                initiative,
                user,
                comment_url=reverse("initiatives:comment", args=[initiative.pk]),
            ),
            **kwargs,
        )


class InitiativeFormMixin(AddRowMixin, SimilarCheckMixin):
    template_name = "initiatives/form.html"
    form_class = InitiativeForm

    def is_resent(self, form) -> bool:
        """Whether this post repeats one already saved (answered by the save, never warned)."""
        return False

    def form_valid(self, form):
        warning = None if self.is_resent(form) else self.duplicate_warning(form)
        if warning is not None:
            return warning
        submit = self.request.POST.get("action") == "submit"
        was_completed = self.lifecycle_before() == LifecycleStatus.AVSLUTTET
        try:
            initiative = self.save(form, submit=submit)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if submit:
            messages.success(self.request, _("The measure was sent to your leaders for approval."))
        else:
            messages.success(self.request, _("The measure was saved."))
        if initiative.lifecycle_status == LifecycleStatus.AVSLUTTET and not was_completed:
            messages.info(
                self.request,
                _(
                    "The measure has ended: write an experience report below, from a draft "
                    "filled in from the measure."
                ),
            )
        return HttpResponseRedirect(initiative.get_absolute_url())

    def lifecycle_before(self) -> str:
        """The measure's status before this save ("" for a new one)."""
        return ""


class InitiativeCreateView(PolicyRequiredMixin, InitiativeFormMixin, FormView):
    """Staff and leaders register a measure for one of their organisations."""

    permission_action = Action.INITIATIVE_CREATE

    def get_initial(self):
        return {**super().get_initial(), "form_token": uuid4()}

    def is_resent(self, form) -> bool:
        return selectors.form_token_used(form.cleaned_data["form_token"])

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "organisations": selectors.writable_organisations(self.request.user),
        }

    def save(self, form, *, submit):
        return services.initiative_create(
            organisation=form.cleaned_data["organisation"],
            by=self.request.user,
            data=form.to_input(),
            submit=submit,
            token=form.cleaned_data["form_token"],
        )


class InitiativeEditView(InitiativeMixin, PolicyRequiredMixin, InitiativeFormMixin, FormView):
    """Staff and leaders of the owner edit drafts, pending and published measures."""

    permission_action = Action.INITIATIVE_EDIT

    def get_form_kwargs(self):
        # the form writes its input onto the instance: keep what the status was
        self._lifecycle_before = self.initiative.lifecycle_status
        return {**super().get_form_kwargs(), "instance": self.initiative}

    def lifecycle_before(self) -> str:
        return self._lifecycle_before

    def save(self, form, *, submit):
        return services.initiative_update(
            initiative=self.initiative,
            by=self.request.user,
            data=form.to_input(),
            expected_version=form.cleaned_data["version"] or 0,
            submit=submit and self.initiative.workflow_status == WorkflowStatus.UTKAST,
        )


class AttachmentDownloadView(InitiativeMixin, View):
    """Whoever may see the measure may download its attachments; nobody else."""

    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(self.initiative.attachments, pk=kwargs["attachment_pk"])
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
