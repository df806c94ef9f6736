"""The conversation around published measures and experience reports.

Only users with a membership read and write comments (``initiatives.rules.comments``); the public,
the exports and the open-data API never see them. Writes go through
``initiatives.services.comments``.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EDIT_WINDOW = timedelta(minutes=15)
MAX_LENGTH = 4000


class CommentStatus(models.TextChoices):
    VISIBLE = "synlig", _("visible")
    AWAITING_REVIEW = "til_vurdering", _("hidden until an editor has looked at it")
    HIDDEN = "skjult", _("hidden by an editor")


class ReportReason(models.TextChoices):
    SPAM = "spam", _("spam or advertising")
    OFFENSIVE = "krenkende", _("offensive or harassing")
    OFF_TOPIC = "hører_ikke_hjemme", _("does not belong here")


class Comment(models.Model):
    """A comment on a published measure, or on one of its published experience reports
    (``report`` set). A reply points to a top-level comment: one level only."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("measure"),
    )
    report = models.ForeignKey(
        "initiatives.ExperienceReport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("experience report"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="comments",
        verbose_name=_("author"),
    )
    membership = models.ForeignKey(
        "accounts.Membership",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written as"),
    )
    author_label = models.CharField(
        _("role and organisation when written"), max_length=300, blank=True
    )
    body = models.TextField(_("comment"), max_length=MAX_LENGTH)
    body_html = models.TextField(editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus, default=CommentStatus.VISIBLE
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["initiative", "created_at"], name="comment_initiative_time"),
            models.Index(
                fields=["status"],
                name="comment_not_visible",
                condition=~Q(status=CommentStatus.VISIBLE),
            ),
        ]

    def __str__(self):
        return _("Comment %(id)s on %(measure)s") % {"id": self.pk, "measure": self.initiative_id}

    def get_absolute_url(self):
        target = self.report if self.report_id else self.initiative
        return f"{target.get_absolute_url()}#kommentar-{self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_visible(self) -> bool:
        return self.status == CommentStatus.VISIBLE and not self.is_deleted

    @property
    def is_edited(self) -> bool:
        return self.edited_at is not None

    @property
    def edit_deadline(self):
        return self.created_at + EDIT_WINDOW

    def within_edit_window(self) -> bool:
        return timezone.now() < self.edit_deadline

    @property
    def author_name(self) -> str:
        return self.author.display_name if self.author else str(_("deleted user"))

    @property
    def written_as(self) -> str:
        """For example "tillitsvalgt (Fagforbundet), Bergen kommune", in the reader's
        language while the membership exists, else as it was when written."""
        return str(self.membership) if self.membership else self.author_label


class CommentFlag(models.Model):
    """A member's report that a comment breaks the rules. Three open flags from different
    members hide the comment until an editor decides."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="flags", verbose_name=_("comment")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason)
    note = models.CharField(_("more about it"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("looked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("report of a comment")
        verbose_name_plural = _("reports of comments")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                name="one_flag_per_member",
                violation_error_message=_("You have already reported this comment."),
            )
        ]
        indexes = [
            models.Index(fields=["comment"], name="flag_open", condition=Q(resolved_at=None))
        ]

    def __str__(self):
        return f"{self.comment_id}: {self.get_reason_display()}"


class ModerationAction(models.Model):
    """What an editor did with a comment and why; kept for good (the audit trail also has
    it)."""

    class Kind(models.TextChoices):
        HIDE = "skjul", _("hidden")
        RESTORE = "gjenopprett", _("restored")

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="moderation", verbose_name=_("comment")
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    moderator_name = models.CharField(max_length=300)
    kind = models.CharField(_("action"), max_length=20, choices=Kind)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.comment_id}"
