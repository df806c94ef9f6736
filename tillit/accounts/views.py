"""Pages about organisations and memberships. Who may do what is declared per view and
answered by ``policy``; the writes happen in ``services``."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from tillit.policy import Action, can, is_editor

from . import selectors, services
from .forms import (
    AppointLeaderForm,
    ConfirmForm,
    DecisionForm,
    InvitationForm,
    JoinRequestForm,
    OrganisationForm,
    RolesForm,
)
from .mixins import PolicyRequiredMixin
from .models import Invitation, JoinRequest, Membership, Organisation


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


class ServiceFormView(FormView):
    """A form whose valid input goes to a service; the service's ValidationError is shown on
    the form, with what the user typed kept."""

    def form_valid(self, form):
        try:
            message = self.perform(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url())

    def perform(self, form) -> str:
        raise NotImplementedError  # each subclass names its service call


class OrganisationListView(TemplateView):
    """Anyone may browse and search the organisations in the register."""

    template_name = "accounts/organisation_list.html"

    def get_context_data(self, **kwargs):
        filterset, rows = selectors.organisation_list(
            filters=self.request.GET, user=self.request.user
        )
        page = Paginator(rows, 25).get_page(self.request.GET.get("side"))
        return super().get_context_data(filter=filterset, page_obj=page, **kwargs)


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
        from initiatives.selectors import organisation_initiatives

        return super().get_context_data(
            facts=selectors.organisation_public_facts(organisation),
            initiatives=organisation_initiatives(organisation, user=user),
            can_request_join=can(user, Action.ORGANISATION_REQUEST_JOIN, organisation),
            can_manage=can(user, Action.ORGANISATION_MANAGE_MEMBERS, organisation),
            can_edit=can(user, Action.ORGANISATION_EDIT, organisation),
            can_appoint=can(user, Action.ORGANISATION_APPOINT_LEADER, organisation),
            can_import=can(user, Action.INITIATIVE_IMPORT, organisation),
            pending_request=pending,
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


class MembersView(OrganisationMixin, PolicyRequiredMixin, TemplateView):
    """Leaders of the organisation and editors see and manage its members."""

    permission_action = Action.ORGANISATION_MANAGE_MEMBERS
    template_name = "accounts/members.html"

    def get_context_data(self, **kwargs):
        organisation = self.organisation
        return super().get_context_data(
            members=selectors.organisation_members(organisation),
            pending_requests=selectors.pending_join_requests(organisation),
            invitations=selectors.open_invitations(organisation),
            events=selectors.organisation_audit_events(organisation),
            **kwargs,
        )


class JoinRequestDecideView(OrganisationMixin, PolicyRequiredMixin, ServiceFormView):
    """A leader of the organisation (or an editor) approves or declines a request."""

    permission_action = Action.JOIN_REQUEST_DECIDE
    template_name = "accounts/join_request_decide.html"
    form_class = DecisionForm

    @cached_property
    def join_request(self):
        return get_object_or_404(
            self.organisation.join_requests.select_related("user"), pk=self.kwargs["request_pk"]
        )

    def get_permission_object(self):
        return self.join_request

    def get_context_data(self, **kwargs):
        return super().get_context_data(join_request=self.join_request, **kwargs)

    def perform(self, form):
        approve = form.cleaned_data["decision"] == "approve"
        services.join_request_decide(
            join_request=self.join_request,
            by=self.request.user,
            approve=approve,
            note=form.cleaned_data["note"],
        )
        name = self.join_request.user.display_name
        if approve:
            return _("%(name)s is now a member.") % {"name": name}
        return _("The request from %(name)s was declined.") % {"name": name}

    def get_success_url(self):
        return members_url(self.organisation)


class MembershipMixin(OrganisationMixin, PolicyRequiredMixin):
    """Loads a membership of the organisation in the URL; others answer 404."""

    permission_action = Action.MEMBERSHIP_CHANGE

    @cached_property
    def membership(self) -> Membership:
        return get_object_or_404(
            self.organisation.memberships.select_related("user"), pk=self.kwargs["membership_pk"]
        )

    def get_permission_object(self):
        return self.membership

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.membership, **kwargs)

    def get_success_url(self):
        return members_url(self.organisation)


class MembershipEditView(MembershipMixin, ServiceFormView):
    """A leader of the organisation (or an editor) changes a member's roles."""

    template_name = "accounts/membership_form.html"
    form_class = RolesForm

    def get_initial(self):
        return {"roles": self.membership.roles, "union_name": self.membership.union_name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def perform(self, form):
        services.membership_change(
            membership=self.membership, by=self.request.user, **form.cleaned_data
        )
        return _("The roles of %(name)s were changed.") % {
            "name": self.membership.user.display_name
        }


class MembershipRemoveView(MembershipMixin, ServiceFormView):
    """A leader of the organisation (or an editor) ends a membership, after confirming."""

    template_name = "accounts/membership_remove.html"
    form_class = ConfirmForm

    def perform(self, form):
        services.membership_remove(membership=self.membership, by=self.request.user)
        return _("%(name)s is no longer a member.") % {"name": self.membership.user.display_name}


class InvitationCreateView(OrganisationMixin, PolicyRequiredMixin, ServiceFormView):
    """A leader of the organisation (or an editor) invites someone by e-mail."""

    permission_action = Action.ORGANISATION_MANAGE_MEMBERS
    template_name = "accounts/invitation_form.html"
    form_class = InvitationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def perform(self, form):
        invitation = services.invitation_create(
            organisation=self.organisation, by=self.request.user, **form.cleaned_data
        )
        return _("An invitation was sent to %(email)s.") % {"email": invitation.email}

    def get_success_url(self):
        return members_url(self.organisation)


class AppointLeaderView(OrganisationMixin, PolicyRequiredMixin, ServiceFormView):
    """Editors appoint an organisation's (first) leader."""

    permission_action = Action.ORGANISATION_APPOINT_LEADER
    template_name = "accounts/appoint_leader_form.html"
    form_class = AppointLeaderForm

    def perform(self, form):
        result = services.leader_appoint(
            organisation=self.organisation, email=form.cleaned_data["email"], by=self.request.user
        )
        if isinstance(result, Invitation):
            return _("%(email)s has no account yet and was invited as leader.") % {
                "email": result.email
            }
        return _("%(name)s is now a leader of %(organisation)s.") % {
            "name": result.user.display_name,
            "organisation": self.organisation,
        }

    def get_success_url(self):
        return self.organisation.get_absolute_url()


class InvitationAcceptView(LoginRequiredMixin, ServiceFormView):
    """The person an invitation was sent to accepts it, signed in with that address."""

    template_name = "accounts/invitation_accept.html"

    @cached_property
    def invitation(self) -> Invitation:
        return get_object_or_404(
            Invitation.objects.select_related("organisation", "invited_by"),
            token=self.kwargs["token"],
        )

    form_class = ConfirmForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            invitation=self.invitation,
            can_accept=can(self.request.user, Action.INVITATION_ACCEPT, self.invitation),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not can(request.user, Action.INVITATION_ACCEPT, self.invitation):
            raise Http404
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        services.invitation_accept(invitation=self.invitation, user=self.request.user)
        return _("Welcome to %(organisation)s.") % {"organisation": self.invitation.organisation}

    def get_success_url(self):
        return self.invitation.organisation.get_absolute_url()


class MyWorkView(LoginRequiredMixin, TemplateView):
    """A signed-in user's own page: memberships, requests, and decisions waiting for them."""

    template_name = "accounts/my_work.html"

    def get_context_data(self, **kwargs):
        from initiatives import discussion
        from initiatives import selectors as initiative_selectors

        user = self.request.user
        editor = is_editor(user)
        return super().get_context_data(
            drafts=initiative_selectors.my_drafts(user),
            awaiting_approval=initiative_selectors.awaiting_my_approval(user),
            awaiting_assessment=initiative_selectors.awaiting_my_assessment(user),
            can_register=can(user, Action.INITIATIVE_CREATE),
            can_read_audit=can(user, Action.AUDIT_READ),
            memberships=selectors.my_memberships(user),
            my_requests=selectors.my_join_requests(user),
            awaiting=selectors.join_requests_awaiting(user),
            without_leader=selectors.organisations_without_leader()[:20] if editor else [],
            follows=discussion.follows_of(user),
            moderation_waiting=discussion.moderation_queue().count() if editor else None,
            **kwargs,
        )
