"""Following initiatives, focus areas and counties, and the e-mails that come of it.

A ``Notification`` is one thing one user is to be told; immediate ones are mailed by a
background task at once, weekly ones wait for the digest. Writes go through
``initiatives.services.following`` and ``initiatives.notifications``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "straks", _("an e-mail each time")
    WEEKLY = "ukentlig", _("one weekly summary")


class Follow(models.Model):
    """A user follows exactly one of: a measure, a focus area or a county."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
        verbose_name=_("measure"),
    )
    focus_area = models.ForeignKey(
        "initiatives.FocusArea",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
        verbose_name=_("focus area"),
    )
    county = models.ForeignKey(
        "accounts.County",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
        verbose_name=_("county"),
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(initiative__isnull=False, focus_area=None, county=None)
                    | Q(initiative=None, focus_area__isnull=False, county=None)
                    | Q(initiative=None, focus_area=None, county__isnull=False)
                ),
                name="follow_exactly_one_target",
                violation_error_message=_(
                    "Follow one measure, one focus area or one county at a time."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "initiative", "focus_area", "county"],
                nulls_distinct=False,
                name="follow_once",
                violation_error_message=_("You already follow this."),
            ),
        ]

    def __str__(self):
        return str(self.target)

    @staticmethod
    def field_for(target) -> str:
        """The field that holds ``target``: a measure, a focus area or a county."""
        return {"Initiative": "initiative", "FocusArea": "focus_area", "County": "county"}[
            type(target).__name__
        ]

    @property
    def target(self):
        return self.initiative or self.focus_area or self.county

    @property
    def target_url(self) -> str:
        """The target's page; for a county, the overview filtered to it."""
        if self.county_id:
            return f"{reverse('initiatives:overview')}?fylke={self.county_id}"
        return self.target.get_absolute_url()

    @property
    def target_kind(self) -> str:
        if self.initiative_id:
            return str(_("measure"))
        if self.focus_area_id:
            return str(_("focus area"))
        return str(_("county"))


class MailPreferences(models.Model):
    """The e-mails a user gets without following anything; both on until switched off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mail_preferences"
    )
    comments_on_own = models.BooleanField(
        _("new comments on measures I registered, and replies to my comments"), default=True
    )
    overdue_reminders = models.BooleanField(
        _("reminders when a measure I registered has passed its end date"), default=True
    )

    class Meta:
        verbose_name = _("e-mail preferences")
        verbose_name_plural = _("e-mail preferences")

    def __str__(self):
        return str(self.user)


class Event(models.TextChoices):
    COMMENT_ON_OWN = "kommentar_eget", _("new comment on your measure")
    REPLY = "svar", _("reply to your comment")
    COMMENT_FOLLOWED = "kommentar_fulgt", _("new comment on a measure you follow")
    INITIATIVE_PUBLISHED = "tiltak_publisert", _("new measure")
    REPORT_PUBLISHED = "erfaring_publisert", _("new experience report")
    OVERDUE = "forfalt", _("end date passed")


class Notification(models.Model):
    """One thing to tell one user, once. ``follow`` is set when it comes from following
    (its unsubscribe link ends that follow), empty for comments on the user's own measures
    and reminders (their links switch off the matching preference)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(max_length=20, choices=Event)
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="+"
    )
    report = models.ForeignKey(
        "initiatives.ExperienceReport", on_delete=models.CASCADE, null=True, related_name="+"
    )
    comment = models.ForeignKey(
        "initiatives.Comment", on_delete=models.CASCADE, null=True, related_name="+"
    )
    follow = models.ForeignKey(Follow, on_delete=models.SET_NULL, null=True, related_name="+")
    immediate = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event", "initiative", "report", "comment"],
                nulls_distinct=False,
                name="notify_once",
                violation_error_message=_("The person has already been told about this."),
            )
        ]
        indexes = [
            models.Index(
                fields=["immediate", "recipient"],
                name="notification_unsent",
                condition=Q(sent_at=None),
            )
        ]

    def __str__(self):
        return f"{self.get_event_display()} → {self.recipient_id}"
