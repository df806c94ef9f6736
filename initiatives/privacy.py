"""What the initiatives app hands the privacy pages (``tillit.accounts.privacy``): its
sections of the user's data export (in the export's order), what stays when a user deletes
their account, and how the measures' history forgets a deleted user. Imported by
``InitiativesConfig.ready()``, which registers them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tillit.accounts.privacy.registry import erases_history, kept_on_deletion, rows, section

from .models import (
    Attachment,
    Comment,
    CommentFlag,
    ExperienceReport,
    Follow,
    FollowUp,
    Initiative,
    InitiativeChange,
    InitiativeRelation,
    MailPreferences,
    ModerationAction,
    Notification,
    TextTranslation,
    YearbookPick,
)


@section(
    "measures",
    _("Measures you registered, changed or assessed"),
    covers=(
        "initiatives.Initiative.created_by",
        "initiatives.Initiative.union_assessed_by",
        "initiatives.InitiativeRelation.created_by",
    ),
)
def _initiatives(user):
    fields = ("id", "title", "organisation_id", "organisation__name", "workflow_status")
    return {
        "registered": rows(
            Initiative.objects.filter(created_by=user).order_by("pk"), *fields, "created_at"
        ),
        "assessed_as_union_representative": rows(
            Initiative.objects.filter(union_assessed_by=user).order_by("pk"),
            *fields,
            "union_assessment",
            "union_assessment_text",
            "union_assessment_union",
            "union_assessed_at",
        ),
        # InitiativeChange keeps the actor as id and name (no foreign key).
        "changes": rows(
            InitiativeChange.objects.filter(actor_id=user.pk).order_by("pk"),
            "initiative_id",
            "created_at",
            "actor_name",
            "action",
            "note",
            "fields",
        ),
        "connections_made": rows(
            InitiativeRelation.objects.filter(created_by=user).order_by("pk"),
            "initiative_id",
            "other_id",
            "kind",
            "network_name",
            "created_at",
        ),
    }


@section(
    "experience_reports",
    _("Experience reports you wrote"),
    covers=("initiatives.ExperienceReport.created_by",),
)
def _experience_reports(user):
    return rows(
        ExperienceReport.objects.filter(created_by=user).order_by("pk"),
        "id",
        "initiative_id",
        "title",
        "workflow_status",
        "created_at",
        "updated_at",
        "published_at",
    )


@section("translations", _("Machine translations of your texts into the other written standard"))
def _translations(user):
    fields = ("source", "target", "fields", "created_at")
    return {
        "measures": rows(
            TextTranslation.objects.filter(initiative__created_by=user).order_by("pk"),
            "initiative_id",
            *fields,
        ),
        "experience_reports": rows(
            TextTranslation.objects.filter(report__created_by=user).order_by("pk"),
            "report_id",
            *fields,
        ),
    }


@section("attachments", _("Files you uploaded"), covers=("initiatives.Attachment.uploaded_by",))
def _attachments(user):
    return rows(
        Attachment.objects.filter(uploaded_by=user).order_by("pk"),
        "id",
        "initiative_id",
        "original_name",
        "content_type",
        "size",
        "uploaded_at",
    )


@section("comments", _("Comments"), covers=("initiatives.Comment.author",))
def _comments(user):
    return rows(
        Comment.objects.filter(author=user).order_by("pk"),
        "id",
        "initiative_id",
        "report_id",
        "parent_id",
        "author_label",
        "body",
        "status",
        "created_at",
        "edited_at",
        "deleted_at",
    )


@section(
    "comment_reports",
    _("Comments you reported"),
    covers=("initiatives.CommentFlag.reporter",),
)
def _comment_reports(user):
    return rows(
        CommentFlag.objects.filter(reporter=user).order_by("pk"),
        "comment_id",
        "reason",
        "note",
        "created_at",
        "resolved_at",
    )


@section(
    "moderation",
    _("Your moderation of comments"),
    covers=("initiatives.ModerationAction.moderator",),
)
def _moderation(user):
    return rows(
        ModerationAction.objects.filter(moderator=user).order_by("pk"),
        "comment_id",
        "moderator_name",
        "kind",
        "reason",
        "created_at",
    )


@section("follows", _("What you follow"), covers=("initiatives.Follow.user",))
def _follows(user):
    return rows(
        Follow.objects.filter(user=user).order_by("pk"),
        "initiative_id",
        "focus_area__slug",
        "county_id",
        "frequency",
        "created_at",
    )


@section(
    "mail_preferences",
    _("E-mail settings"),
    covers=("initiatives.MailPreferences.user",),
)
def _mail_preferences(user):
    found = rows(MailPreferences.objects.filter(user=user), "comments_on_own", "overdue_reminders")
    return found[0] if found else None


@section("notifications", _("Notifications"), covers=("initiatives.Notification.recipient",))
def _notifications(user):
    return rows(
        Notification.objects.filter(recipient=user).order_by("pk"),
        "event",
        "initiative_id",
        "report_id",
        "comment_id",
        "immediate",
        "created_at",
        "sent_at",
    )


@section(
    "yearbook_picks",
    _("Measures you picked for the yearly overview"),
    covers=("initiatives.YearbookPick.picked_by",),
)
def _yearbook_picks(user):
    return rows(
        YearbookPick.objects.filter(picked_by=user).order_by("pk"),
        "year",
        "initiative_id",
        "picked_at",
    )


@section(
    "followup_answers",
    _("Your answers to whether ended measures lasted"),
    covers=("initiatives.FollowUp.answered_by",),
)
def _followup_answers(user):
    return rows(
        FollowUp.objects.filter(answered_by=user).order_by("pk"),
        "initiative_id",
        "round",
        "answer",
        "reason",
        "answered_at",
    )


# --- deleting an account: comments and measures stay, without the person ---------------------


@kept_on_deletion("comments")
def _comments_kept(user) -> int:
    return Comment.objects.filter(author=user).count()


@kept_on_deletion("measures")
def _initiatives_kept(user) -> int:
    return Initiative.objects.filter(created_by=user).count()


@erases_history
def _forget_in_initiative_history(user_ids: list[int]) -> None:
    InitiativeChange.objects.filter(actor_id__in=user_ids).update(actor_id=None)
