"""Pages for experience reports and the focus areas' pages. Each view names its policy
action once; writes go through the services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from tillit.core.formviews import add_service_errors
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action, can

from . import discussion, effect_tables, services
from .effects import report_effects
from .experience_forms import ExperienceReportForm, FocusAreaForm
from .focus_areas import focus_area_hub, focus_area_update
from .followup.report_draft import report_draft_from
from .models import ExperienceReport, FocusArea, LifecycleStatus
from .overview.area_map import published_map
from .overview.reports import similar_initiatives
from .row_views import AddRowMixin
from .views import FacetedListView, InitiativeMixin, text_reading


class ExperienceListView(FacetedListView):
    """Anyone reads the published experience reports, with the overview's filters."""

    template_name = "initiatives/experience_list.html"
    url_name = "initiatives:experience_list"
    source = "initiatives.overview.reports.EXPERIENCE_REPORTS"

    def get_context_data(self, **kwargs):
        return super().get_context_data(experience_list=True, **kwargs)


class ReportMixin:
    """Loads the report in the URL from the reports the user may see; others answer 404."""

    @cached_property
    def report(self) -> ExperienceReport:
        reports = ExperienceReport.objects.visible_to(self.request.user).select_related(
            "initiative__organisation", "created_by"
        )
        return get_object_or_404(reports, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.report

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def get_success_url(self):
        return self.report.get_absolute_url()


class ExperienceDetailView(ReportMixin, TemplateView):
    """Anyone reads a published report; the organisation's members and editors also drafts."""

    template_name = "initiatives/experience_detail.html"

    def get_context_data(self, **kwargs):
        user, report = self.request.user, self.report
        allowed = {
            action.name: can(user, action, report)
            for action in (
                Action.EXPERIENCE_EDIT,
                Action.EXPERIENCE_SUBMIT,
                Action.EXPERIENCE_PUBLISH,
                Action.EXPERIENCE_UNPUBLISH,
            )
        }
        return super().get_context_data(
            allowed=allowed,
            reading=text_reading(self.request, report),
            similar=similar_initiatives(report) if report.is_published else [],
            effects=report_effects(report),
            **discussion.page_context(
                report, user, comment_url=reverse("initiatives:report_comment", args=[report.pk])
            ),
            **kwargs,
        )


class ExperienceFormMixin(AddRowMixin):
    template_name = "initiatives/experience_form.html"
    form_class = ExperienceReportForm

    def form_valid(self, form):
        try:
            report = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The experience report was saved."))
        return HttpResponseRedirect(report.get_absolute_url())


class ExperienceCreateView(InitiativeMixin, PolicyRequiredMixin, ExperienceFormMixin, FormView):
    """Staff and leaders of the measure's organisation write an experience report."""

    permission_action = Action.EXPERIENCE_CREATE

    def get_initial(self):
        """A first draft from the measure (``report_draft_from``): saved only when saved."""
        return {**super().get_initial(), **report_draft_from(self.initiative)}

    def save(self, form):
        return services.experience_create(
            initiative=self.initiative, by=self.request.user, data=form.to_data()
        )


class ExperienceEditView(ReportMixin, PolicyRequiredMixin, ExperienceFormMixin, FormView):
    """Staff and leaders of the organisation change a report."""

    permission_action = Action.EXPERIENCE_EDIT

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.report}

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.report.initiative, **kwargs)

    def save(self, form):
        return services.experience_update(
            report=self.report, by=self.request.user, data=form.to_data()
        )


class ReportStepView(ReportMixin, PolicyRequiredMixin, View):
    """One button on the report's page moves it on; ``step`` names the service."""

    step = ""
    done_message = ""

    def post(self, request, *args, **kwargs):
        getattr(services, self.step)(report=self.report, by=request.user)
        messages.success(request, self.done_message)
        return HttpResponseRedirect(self.get_success_url())


class ExperienceSubmitView(ReportStepView):
    """Staff send a draft report to their leaders."""

    permission_action = Action.EXPERIENCE_SUBMIT
    step = "experience_submit"
    done_message = _("The experience report was sent to your leaders for approval.")


class ExperiencePublishView(ReportStepView):
    """A leader of the organisation publishes a report of a published measure."""

    permission_action = Action.EXPERIENCE_PUBLISH
    step = "experience_publish"
    done_message = _("The experience report is published.")


class ExperienceUnpublishView(ReportStepView):
    """Leaders of the organisation and editors take a published report back to draft."""

    permission_action = Action.EXPERIENCE_UNPUBLISH
    step = "experience_unpublish"
    done_message = _("The experience report is no longer published.")


class FocusAreaMixin:
    @cached_property
    def focus_area(self) -> FocusArea:
        try:
            return FocusArea.objects.get(slug=self.kwargs["slug"])
        except FocusArea.DoesNotExist:
            raise Http404 from None

    def get_permission_object(self):
        return self.focus_area

    def get_context_data(self, **kwargs):
        return super().get_context_data(focus_area=self.focus_area, **kwargs)


class FocusAreaView(FocusAreaMixin, TemplateView):
    """Anyone reads a focus area's page: what it means, the numbers, the newest work."""

    template_name = "initiatives/focus_area.html"

    def get_context_data(self, **kwargs):
        hub = focus_area_hub(self.focus_area)
        effects = hub["effects"]
        statistics = f"{reverse('reporting:statistics')}?fokusomrade={self.focus_area.slug}"
        statuses = [
            (label, hub["by_status"].get(value, 0)) for value, label in LifecycleStatus.choices
        ]
        return super().get_context_data(
            hub=hub,
            statuses=statuses,
            effects=effects,
            evidence=effect_tables.evidence_rows(effects),
            coverage=effect_tables.coverage(effects, effects.measures),
            method_url=f"{statistics}#timer",
            may_edit=can(self.request.user, Action.FOCUS_AREA_EDIT, self.focus_area),
            follow=discussion.follow_of(self.request.user, self.focus_area),
            follow_url=reverse("initiatives:follow_focus", args=[self.focus_area.slug]),
            map=published_map(
                {"fokusomrade": self.focus_area.slug},
                page_path=self.focus_area.get_absolute_url(),
                page_query=self.request.GET,
            ),
            **kwargs,
        )


class FocusAreaEditView(FocusAreaMixin, PolicyRequiredMixin, FormView):
    """Editors change the text that explains a focus area."""

    permission_action = Action.FOCUS_AREA_EDIT
    template_name = "initiatives/focus_area_form.html"
    form_class = FocusAreaForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.focus_area}

    def form_valid(self, form):
        focus_area_update(
            focus_area=self.focus_area,
            by=self.request.user,
            description=form.cleaned_data["description"],
        )
        messages.success(self.request, _("The text was saved."))
        return HttpResponseRedirect(self.focus_area.get_absolute_url())
