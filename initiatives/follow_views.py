"""Following measures, focus areas and counties; the user's e-mail settings; one-click
unsubscribing from an e-mail's link."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from tillit.core.forms import ConfirmForm
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import discussion
from .follow_forms import CountyFollowForm, FollowForm, MailPreferencesForm
from .models import FocusArea, Follow
from .notifications.unsubscribe import read_unsubscribe_token
from .services import following
from .views import InitiativeMixin

FOLLOWS_URL = reverse_lazy("initiatives:follows")


class FollowTargetView(PolicyRequiredMixin, FormView):
    """Follow something, or change how often its e-mails come."""

    permission_action = Action.FOLLOW
    template_name = "initiatives/follow_form.html"
    form_class = FollowForm

    def target(self):
        return self.get_permission_object()

    @cached_property
    def current(self):
        return discussion.follow_of(self.request.user, self.target())

    def get_initial(self):
        return {"frequency": self.current.frequency} if self.current else {}

    def get_context_data(self, **kwargs):
        target = self.target()
        return super().get_context_data(
            target=target,
            current=self.current,
            cancel_url=target.get_absolute_url(),
            **kwargs,
        )

    def form_valid(self, form):
        target = self.target()
        following.follow_set(by=self.request.user, target=target, **form.cleaned_data)
        messages.success(
            self.request,
            _("You follow %(name)s. Change it under E-mail and following.") % {"name": target},
        )
        return HttpResponseRedirect(target.get_absolute_url())


class FollowInitiativeView(InitiativeMixin, FollowTargetView):
    """Anyone signed in follows a measure they can see."""


class FollowFocusAreaView(FollowTargetView):
    """Anyone signed in follows a focus area."""

    def get_permission_object(self):
        return self.focus_area

    @cached_property
    def focus_area(self):
        return get_object_or_404(FocusArea, slug=self.kwargs["slug"])


class FollowsView(LoginRequiredMixin, TemplateView):
    """A signed-in user's follows and e-mail settings."""

    template_name = "initiatives/follows.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            follows=discussion.follows_of(user),
            county_form=kwargs.pop("county_form", None) or CountyFollowForm(prefix="fylke"),
            preferences_form=MailPreferencesForm(instance=following.preferences_of(user)),
            **kwargs,
        )


class FollowCountyView(LoginRequiredMixin, FormView):
    """Follow a county: new measures and reports from it."""

    form_class = CountyFollowForm
    prefix = "fylke"
    http_method_names = ["post"]

    def form_valid(self, form):
        data = form.cleaned_data
        following.follow_set(
            by=self.request.user, target=data["county"], frequency=data["frequency"]
        )
        messages.success(self.request, _("You follow %(name)s.") % {"name": data["county"]})
        return HttpResponseRedirect(FOLLOWS_URL)

    def form_invalid(self, form):
        view = FollowsView(request=self.request, args=self.args, kwargs={})
        return view.render_to_response(view.get_context_data(county_form=form), status=400)


class FollowMixin(PolicyRequiredMixin):
    permission_action = Action.FOLLOW_MANAGE

    @cached_property
    def follow(self) -> Follow:
        return get_object_or_404(Follow, pk=self.kwargs["pk"], user=self.request.user)

    def get_permission_object(self):
        return self.follow


class FollowChangeView(FollowMixin, FormView):
    """Change how often a follow's e-mails come."""

    form_class = FollowForm
    http_method_names = ["post"]

    def form_valid(self, form):
        following.follow_set(by=self.request.user, target=self.follow.target, **form.cleaned_data)
        messages.success(self.request, _("The change was saved."))
        return HttpResponseRedirect(FOLLOWS_URL)

    def form_invalid(self, form):
        messages.error(self.request, _("Choose how often you want e-mails."))
        return HttpResponseRedirect(FOLLOWS_URL)


class FollowEndView(FollowMixin, FormView):
    """Stop following; a page of its own asks first when there is no JavaScript."""

    form_class = ConfirmForm
    template_name = "initiatives/follow_end.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(follow=self.follow, cancel_url=FOLLOWS_URL, **kwargs)

    def form_valid(self, form):
        name = str(self.follow)
        following.follow_end(follow=self.follow, by=self.request.user)
        messages.success(self.request, _("You no longer follow %(name)s.") % {"name": name})
        return HttpResponseRedirect(FOLLOWS_URL)


class MailPreferencesView(LoginRequiredMixin, View):
    """Switch the e-mails about one's own measures and comments on or off."""

    def post(self, request, *args, **kwargs):
        form = MailPreferencesForm(request.POST)
        form.is_valid()  # two checkboxes: every input is valid
        following.preferences_save(by=request.user, **form.cleaned_data)
        messages.success(request, _("Your e-mail settings were saved."))
        return HttpResponseRedirect(FOLLOWS_URL)


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(TemplateView):
    """The link in every e-mail. Opening it asks for one click; a POST (the button, or a mail
    program's one-click unsubscribe, RFC 8058) stops the e-mails. No sign-in: the signed token
    is the proof, and it can only switch e-mails off."""

    template_name = "initiatives/unsubscribe.html"

    @cached_property
    def payload(self):
        return read_unsubscribe_token(self.kwargs["token"])

    def get_context_data(self, **kwargs):
        follow = None
        if self.payload and "f" in self.payload:
            follow = (
                Follow.objects.filter(pk=self.payload["f"], user_id=self.payload["u"])
                .select_related("initiative", "focus_area", "county")
                .first()
            )
        return super().get_context_data(
            valid=self.payload is not None, follow=follow, payload=self.payload or {}, **kwargs
        )

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(form=ConfirmForm())
        return self.render_to_response(context, status=200 if self.payload else 400)

    def post(self, request, *args, **kwargs):
        if self.payload is None:
            return self.render_to_response(self.get_context_data(), status=400)
        context = self.get_context_data()  # before: the follow it names is about to go
        context["done"] = following.unsubscribe(self.payload)
        return self.render_to_response(context)
