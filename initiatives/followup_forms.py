"""Answering a follow-up question: on the work page (choose an answer), or on the page a
one-click link opens (the answer is the link's; only a reason may be added)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tillit.core.forms import textarea

from .models import FollowUpAnswer
from .models.followup import REASON_LENGTH

REASON_LABEL = _("Why did it stop? (optional)")


def _reason_field():
    return forms.CharField(
        label=REASON_LABEL, required=False, max_length=REASON_LENGTH, widget=textarea(3)
    )


class FollowUpAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("What became of the measure?"),
        choices=FollowUpAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what became of the measure.")},
    )
    reason = _reason_field()


class FollowUpConfirmForm(forms.Form):
    """The link's answer stands; "stopped" may say why."""

    reason = _reason_field()

    def __init__(self, *args, answer: str, **kwargs):
        super().__init__(*args, **kwargs)
        if answer != FollowUpAnswer.STOPPED:
            del self.fields["reason"]
