"""Pages about an organisation's members: its member list, deciding requests to join,
changing roles, invitations and appointing a leader. Who may do what is declared per view and
answered by ``policy``; the writes happen in ``services``."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from tillit.core.forms import ConfirmForm
from tillit.core.formviews import ServiceFormView
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action, can

from . import selectors, services
from .forms import AppointLeaderForm, DecisionForm, InvitationForm, RolesForm
from .models import Invitation, Membership
from .views import OrganisationMixin, members_url


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
