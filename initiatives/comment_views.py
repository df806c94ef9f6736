"""Pages for writing, answering, reporting and moderating comments. Only members reach them
(``initiatives.rules.comments``); a comment on something the user cannot see answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from tillit.core.forms import ConfirmForm
from tillit.core.formviews import add_service_errors
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import discussion
from .comment_forms import CommentForm, FlagForm, ModerationForm
from .experience_views import ReportMixin
from .models import Comment, ExperienceReport, Initiative
from .services.comments import (
    CommentRateLimited,
    comment_create,
    comment_delete,
    comment_flag,
    comment_hide,
    comment_restore,
    comment_update,
)
from .views import InitiativeMixin


class CommentFormView(FormView):
    """A comment form on a page of its own: the fallback without JavaScript, and where the
    errors and the user's text are shown when a post fails."""

    template_name = "initiatives/comment_form.html"
    form_class = CommentForm
    heading = ""
    submit_label = gettext_lazy("Send comment")
    success_message = ""

    def back_url(self) -> str:
        return self.get_permission_object().get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading,
            submit_label=self.submit_label,
            cancel_url=self.back_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            comment = self.save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except CommentRateLimited:
            form.add_error(
                None,
                _(
                    "You have written many comments in a short time. Wait a few minutes and "
                    "try again; your text is kept below."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return HttpResponseRedirect(comment.get_absolute_url() if comment else self.back_url())


class InitiativeCommentView(InitiativeMixin, PolicyRequiredMixin, CommentFormView):
    """Members comment on a published measure."""

    permission_action = Action.COMMENT_CREATE
    heading = gettext_lazy("Comment on the measure")

    def save(self, data):
        return comment_create(target=self.initiative, by=self.request.user, body=data["body"])


class ReportCommentView(ReportMixin, PolicyRequiredMixin, CommentFormView):
    """Members comment on a published experience report."""

    permission_action = Action.COMMENT_CREATE
    heading = gettext_lazy("Comment on the experience report")

    def save(self, data):
        return comment_create(target=self.report, by=self.request.user, body=data["body"])


class CommentMixin:
    """Loads the comment in the URL among those on measures and reports the user can see."""

    @cached_property
    def comment(self) -> Comment:
        user = self.request.user
        on_visible = Q(report=None, initiative__in=Initiative.objects.visible_to(user)) | Q(
            report__in=ExperienceReport.objects.visible_to(user)
        )
        comments = Comment.objects.filter(on_visible).select_related(
            "initiative", "report", "author", "membership__organisation"
        )
        return get_object_or_404(comments, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.comment

    def back_url(self) -> str:
        return self.comment.get_absolute_url()

    show_quote = True

    def get_context_data(self, **kwargs):
        quoted = self.comment if self.show_quote else None
        return super().get_context_data(quoted=quoted, **kwargs)


class CommentReplyView(CommentMixin, PolicyRequiredMixin, CommentFormView):
    """Members answer a top-level comment (one level of replies)."""

    permission_action = Action.COMMENT_REPLY
    heading = gettext_lazy("Reply to the comment")
    submit_label = gettext_lazy("Send reply")

    def save(self, data):
        return comment_create(parent=self.comment, by=self.request.user, body=data["body"])


class CommentEditView(CommentMixin, PolicyRequiredMixin, CommentFormView):
    """Authors change their comment within 15 minutes of writing it."""

    permission_action = Action.COMMENT_EDIT
    heading = gettext_lazy("Change your comment")
    submit_label = gettext_lazy("Save the change")
    success_message = gettext_lazy("The comment was changed.")

    def get_initial(self):
        return {"body": self.comment.body}

    show_quote = False

    def get_context_data(self, **kwargs):
        return super().get_context_data(editing=self.comment, **kwargs)

    def save(self, data):
        return comment_update(comment=self.comment, by=self.request.user, body=data["body"])


class CommentDeleteView(CommentMixin, PolicyRequiredMixin, CommentFormView):
    """Authors delete their own comment."""

    permission_action = Action.COMMENT_DELETE
    form_class = ConfirmForm
    heading = gettext_lazy("Delete your comment?")
    submit_label = gettext_lazy("Delete comment")
    success_message = gettext_lazy("The comment was deleted.")

    def back_url(self) -> str:
        target = self.comment.report or self.comment.initiative
        return target.get_absolute_url()

    def save(self, data):
        comment_delete(comment=self.comment, by=self.request.user)


class CommentFlagView(CommentMixin, PolicyRequiredMixin, CommentFormView):
    """Members report a comment that breaks the rules; three reports hide it."""

    permission_action = Action.COMMENT_FLAG
    form_class = FlagForm
    heading = gettext_lazy("Report the comment")
    submit_label = gettext_lazy("Send report")

    def save(self, data):
        hidden = comment_flag(
            comment=self.comment, by=self.request.user, reason=data["reason"], note=data["note"]
        )
        messages.success(
            self.request,
            _("Thank you. The comment is hidden until an editor has looked at it.")
            if hidden
            else _("Thank you. The editors will look at the comment."),
        )
        return self.comment


class ModerationQueueView(PolicyRequiredMixin, TemplateView):
    """Editors see the reported comments and the ones they have hidden."""

    permission_action = Action.COMMENT_MODERATE
    template_name = "initiatives/moderation.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            queue=discussion.moderation_queue(), hidden=discussion.hidden_comments(), **kwargs
        )


class ModerationDecideView(CommentMixin, PolicyRequiredMixin, CommentFormView):
    """An editor hides a comment with a reason, or shows it again."""

    permission_action = Action.COMMENT_MODERATE
    form_class = ModerationForm
    heading = gettext_lazy("Moderate the comment")
    submit_label = gettext_lazy("Save decision")

    def back_url(self) -> str:
        return reverse("initiatives:moderation")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            flags=self.comment.flags.select_related("reporter").order_by("created_at"),
            history=self.comment.moderation.all(),
            show_original=True,
            **kwargs,
        )

    def save(self, data):
        decide = comment_hide if data["decision"] == "skjul" else comment_restore
        decide(comment=self.comment, by=self.request.user, reason=data["reason"])
        messages.success(self.request, _("The decision was saved."))
        return None
