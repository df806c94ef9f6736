"""Pages about organisations: the register, an organisation's page, and the editors' forms.
Who may do what is declared per view and answered by ``policy``; the writes happen in
``services``. Memberships are in ``membership_views``, the work page in ``work_views``."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from tillit.core.formviews import ServiceFormView
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action, can

from . import selectors, services
from .forms import JoinRequestForm, OrganisationForm
from .models import JoinRequest, Organisation
from .registry import organisation_panels_context


def members_url(organisation: Organisation) -> str:
    return reverse("accounts:members", args=[organisation.pk])


class OrganisationMixin:
    """Loads the organisation named in the URL (every organisation is public)."""

    @cached_property
    def organisation(self) -> Organisation:
        queryset = Organisation.objects.visible_to(self.request.user).with_place()
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.organisation

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)


class OrganisationListView(TemplateView):
    """Anyone may browse and search the organisations in the register."""

    template_name = "accounts/organisation_list.html"

    def get_context_data(self, **kwargs):
        filterset, rows = selectors.organisation_list(
            filters=self.request.GET, user=self.request.user
        )
        page = Paginator(rows, 25).get_page(self.request.GET.get("side"))
        return super().get_context_data(filter=filterset, page_obj=page, **kwargs)


class OrganisationSearchView(View):
    """Anyone may search the organisations they may see: the pickers' search as you type.
    ``q`` is the text; the answer is JSON: how many match and the best twenty."""

    def get(self, request, *args, **kwargs):
        hits, count = selectors.organisation_search(
            text=request.GET.get("q", ""), user=request.user
        )
        results = [{"id": hit.pk, "name": hit.name, "also": hit.also} for hit in hits]
        return JsonResponse({"count": count, "results": results})


class OrganisationDetailView(OrganisationMixin, TemplateView):
    """Anyone may read an organisation's public page; members see more."""

    template_name = "accounts/organisation_detail.html"

    def get_context_data(self, **kwargs):
        user, organisation = self.request.user, self.organisation
        pending = None
        if user.is_authenticated:
            pending = organisation.join_requests.filter(
                user=user, status=JoinRequest.Status.PENDING
            ).first()
        return super().get_context_data(
            facts=selectors.organisation_public_facts(organisation),
            can_request_join=can(user, Action.ORGANISATION_REQUEST_JOIN, organisation),
            can_manage=can(user, Action.ORGANISATION_MANAGE_MEMBERS, organisation),
            can_edit=can(user, Action.ORGANISATION_EDIT, organisation),
            can_appoint=can(user, Action.ORGANISATION_APPOINT_LEADER, organisation),
            can_import=can(user, Action.INITIATIVE_IMPORT, organisation),
            pending_request=pending,
            **organisation_panels_context(organisation, user),
            **kwargs,
        )


class OrganisationFormView(PolicyRequiredMixin, ServiceFormView):
    template_name = "accounts/organisation_form.html"
    form_class = OrganisationForm
    success_message = ""

    def perform(self, form):
        self.object = services.organisation_save(organisation=form.instance, by=self.request.user)
        return self.success_message

    def get_success_url(self):
        return self.object.get_absolute_url()


class OrganisationCreateView(OrganisationFormView):
    """Editors register new organisations."""

    permission_action = Action.ORGANISATION_CREATE
    success_message = gettext_lazy("The organisation was registered.")


class OrganisationEditView(OrganisationMixin, OrganisationFormView):
    """Editors change an organisation's facts."""

    permission_action = Action.ORGANISATION_EDIT
    success_message = gettext_lazy("The changes were saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.organisation}


class JoinRequestCreateView(OrganisationMixin, PolicyRequiredMixin, ServiceFormView):
    """A signed-in user who is not a member asks to join; the leaders decide (the portal's
    editors when the organisation has no leader), and the page says which."""

    permission_action = Action.ORGANISATION_REQUEST_JOIN
    template_name = "accounts/join_request_form.html"
    form_class = JoinRequestForm

    @cached_property
    def leaders_decide(self) -> bool:
        return selectors.join_request_deciders(self.organisation.pk)[0]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.leaders_decide:
            form.fields["message"].label = _("Message to the portal's editors")
        return form

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "leaders_decide": self.leaders_decide}

    def perform(self, form):
        services.join_request_create(
            user=self.request.user, organisation=self.organisation, **form.cleaned_data
        )
        if self.leaders_decide:
            message = _("Your request was sent to the leaders of %(organisation)s.")
        else:
            message = _(
                "%(organisation)s has no leader in Tillitsportalen yet, so the portal's editors "
                "will handle your request. They have been told by e-mail."
            )
        return message % {"organisation": self.organisation}

    def get_success_url(self):
        return self.organisation.get_absolute_url()
