"""Adopting a published measure ("Vi vil prøve dette") and managing a measure's connections
to others. Who may do each is the policy's ``Action`` named on the view."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from tillit.accounts.models import Organisation
from tillit.core.formviews import ServiceFormView
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import services
from .connections import connections_of
from .models import InitiativeRelation
from .relation_forms import AdoptForm, RelationForm
from .rules.relations import adopting_organisation_ids
from .views import InitiativeMixin


class InitiativeAdoptView(InitiativeMixin, PolicyRequiredMixin, ServiceFormView):
    """Staff and leaders of another organisation start a draft building on a published
    measure. With one organisation to choose, the button goes straight on; with several,
    this page asks which."""

    permission_action = Action.INITIATIVE_ADOPT
    template_name = "initiatives/adopt.html"
    form_class = AdoptForm

    @cached_property
    def organisations(self):
        ids = adopting_organisation_ids(self.request.user, self.initiative)
        return Organisation.objects.filter(pk__in=ids).order_by("name")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisations": self.organisations}

    def post(self, request, *args, **kwargs):
        if "organisation" not in request.POST:
            only = list(self.organisations[:2])
            if len(only) != 1:  # several: ask which (the page, not an error)
                form = self.form_class(organisations=self.organisations)
                return self.render_to_response(self.get_context_data(form=form))
            return self._adopt(only[0])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        return self._adopt(form.cleaned_data["organisation"])

    def _adopt(self, organisation):
        draft = services.initiative_adopt(
            source=self.initiative, organisation=organisation, by=self.request.user
        )
        messages.success(
            self.request,
            _(
                "A draft for %(organisation)s is made from «%(title)s». Change what differs "
                "for you and save; only your organisation sees it until it is published."
            )
            % {"organisation": organisation.name, "title": self.initiative.title},
        )
        return HttpResponseRedirect(reverse("initiatives:edit", args=[draft.pk]))


class InitiativeRelationsView(InitiativeMixin, PolicyRequiredMixin, ServiceFormView):
    """Those who may edit a measure connect it to measures they can see ("bygger på", "same
    network or programme") and remove its connections."""

    permission_action = Action.INITIATIVE_RELATE
    template_name = "initiatives/relations.html"
    form_class = RelationForm
    errors_at_fields = True

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "initiative": self.initiative, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            connections=connections_of(self.initiative, user=self.request.user), **kwargs
        )

    def get_success_url(self):
        return reverse("initiatives:relations", args=[self.initiative.pk])

    def perform(self, form):
        other = form.cleaned_data["other"]
        services.relation_create(
            initiative=self.initiative,
            other=other,
            kind=form.cleaned_data["kind"],
            network_name=form.cleaned_data["network_name"],
            by=self.request.user,
        )
        return _("The measure is now connected to «%(title)s».") % {"title": other.title}


class InitiativeRelationDeleteView(InitiativeMixin, PolicyRequiredMixin, View):
    """The editors of either measure remove a connection between them (a POST from the
    connections page)."""

    permission_action = Action.INITIATIVE_RELATE
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        relation = get_object_or_404(
            InitiativeRelation.objects.filter(initiative=self.initiative)
            | InitiativeRelation.objects.filter(other=self.initiative),
            pk=kwargs["relation_pk"],
        )
        services.relation_delete(relation=relation, by=request.user)
        messages.success(request, _("The connection was removed."))
        return HttpResponseRedirect(reverse("initiatives:relations", args=[self.initiative.pk]))
