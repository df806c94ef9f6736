"""Follow-up after the end: 6 and 12 months after a published measure ended, its owner's
leaders are asked whether it lasted. Questions are made and mailed by
``initiatives.followup.asking`` (a daily task) and answered through
``initiatives.services.followup``."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tillit.core.fields import limited_text_field

REASON_LENGTH = 2_000


class FollowUpRound(models.IntegerChoices):
    """Months after the measure ended."""

    SIX = 6, _("6 months after the end")
    TWELVE = 12, _("12 months after the end")


class FollowUpAnswer(models.TextChoices):
    IN_USE = "i_bruk", _("still in use")
    PERMANENT = "permanent", _("made permanent")
    SPREAD = "spredt", _("spread to other units or organisations")
    STOPPED = "stanset", _("stopped")


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class FollowUp(models.Model):
    """One question about one measure in one round, answered once. ``ended_on`` is when the
    measure ended as first seen (its end date, or the day it was first seen "avsluttet")."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="followups",
        verbose_name=_("measure"),
    )
    round = models.PositiveSmallIntegerField(_("round"), choices=FollowUpRound)
    ended_on = models.DateField(_("ended"))
    due_on = models.DateField(_("due"))
    sent_at = models.DateTimeField(_("asked"), null=True, blank=True)
    # in the one-click links: a link carries it, so a question's links can be made void
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    answer = models.CharField(_("answer"), max_length=20, choices=FollowUpAnswer, blank=True)
    reason = limited_text_field(_("why it stopped"), max_length=REASON_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up question")
        verbose_name_plural = _("follow-up questions")
        ordering = ["initiative_id", "round"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "round"],
                name="followup_once_per_round",
                violation_error_message=_("The measure was already asked in this round."),
            ),
            models.CheckConstraint(
                condition=Q(answer="", answered_at=None)
                | (~Q(answer="") & Q(answered_at__isnull=False)),
                name="followup_answer_with_time",
                violation_error_message=_("An answer is recorded with the time it was given."),
            ),
        ]
        indexes = [
            models.Index(fields=["due_on"], name="followup_unsent", condition=Q(sent_at=None)),
        ]

    def __str__(self):
        return f"{self.initiative_id}: {self.get_round_display()}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
