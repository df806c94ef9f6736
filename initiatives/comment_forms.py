"""Forms of the discussion: a comment, a report of a comment, and a moderator's decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tillit.core.forms import textarea

from .models import ReportReason
from .models.comments import MAX_LENGTH as MAX_COMMENT_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=textarea(4),
        help_text=_(
            "You can use *italics*, **bold**, lists starting with - and links written as "
            "[text](https://…). Only members of an organisation in the portal see comments."
        ),
    )


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with the comment?"), choices=ReportReason, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("More about it"), required=False, max_length=500, widget=textarea(2)
    )


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("skjul", _("Hide the comment")), ("gjenopprett", _("Show the comment"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=300,
        help_text=_("When you hide a comment, the reason is shown in place of its text."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "skjul" and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the comment is hidden."))
        return data
