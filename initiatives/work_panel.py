"""What the initiatives app adds to the work page (``/mitt/``), per role: tasks first (the
``todo`` summary), then what the person follows and their organisations' figures."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext_lazy

from tillit.accounts.models import Role
from tillit.accounts.registry import WorkTodo
from tillit.policy import is_editor
from tillit.policy.roles import ministry_ids

from . import discussion, selectors, work_selectors
from .followup import selectors as followup_selectors
from .followup_forms import FollowUpAnswerForm

FIRST_VISIT = timedelta(days=30)  # what counts as new for someone who never opened the page


def _todo(items: list, anchor: str, text) -> list[WorkTodo]:
    """``text``: an ``ngettext_lazy`` with the number under ``count``."""
    return [WorkTodo(str(text % {"count": len(items)}), anchor)] if items else []


def _followups(user) -> list[dict]:
    return [
        {
            "question": question,
            "form": FollowUpAnswerForm(auto_id=f"followup-{question.pk}-%s"),
            "url": reverse(
                "initiatives:followup_answer", args=[question.initiative_id, question.pk]
            ),
        }
        for question in followup_selectors.open_for(user)
    ]


def work_panel(user) -> dict:
    drafts = selectors.my_drafts(user)
    returned = [draft for draft in drafts if draft.review_note]
    drafts = [draft for draft in drafts if not draft.review_note]
    awaiting_approval = list(selectors.awaiting_my_approval(user))
    awaiting_assessment = list(selectors.awaiting_my_assessment(user))
    overdue = work_selectors.overdue_ongoing(user)
    followups = _followups(user)
    since = user.work_page_news_since or timezone.now() - FIRST_VISIT
    ministry = work_selectors.ministry_news(user, since=since)
    replies = work_selectors.replies_to_me(user)
    ended = work_selectors.ended_without_report(user)
    todo = [
        *_todo(
            awaiting_approval,
            "approval-heading",
            ngettext_lazy(
                "%(count)s measure waits for your approval",
                "%(count)s measures wait for your approval",
                "count",
            ),
        ),
        *_todo(
            awaiting_assessment,
            "assessment-heading",
            ngettext_lazy(
                "%(count)s measure waits for your assessment",
                "%(count)s measures wait for your assessment",
                "count",
            ),
        ),
        *_todo(
            ministry["pending"],
            "ministry-pending-heading",
            ngettext_lazy(
                "%(count)s measure of your agencies awaits approval",
                "%(count)s measures of your agencies await approval",
                "count",
            ),
        ),
        *_todo(
            returned,
            "returned-heading",
            ngettext_lazy(
                "%(count)s measure was sent back to you",
                "%(count)s measures were sent back to you",
                "count",
            ),
        ),
        *_todo(
            overdue,
            "overdue-heading",
            ngettext_lazy(
                "%(count)s measure is past its end date but still ongoing",
                "%(count)s measures are past their end date but still ongoing",
                "count",
            ),
        ),
        *_todo(
            followups,
            "followup-heading",
            ngettext_lazy(
                "%(count)s ended measure: did it last?",
                "%(count)s ended measures: did they last?",
                "count",
            ),
        ),
        *_todo(
            replies,
            "replies-heading",
            ngettext_lazy(
                "%(count)s reply to your comments", "%(count)s replies to your comments", "count"
            ),
        ),
        *_todo(
            ended,
            "ended-heading",
            ngettext_lazy(
                "%(count)s ended measure has no experience report",
                "%(count)s ended measures have no experience report",
                "count",
            ),
        ),
    ]
    is_union_rep = bool(work_selectors.organisation_ids(user, Role.TILLITSVALGT))
    return {
        "todo": todo,
        "drafts": drafts,
        "returned": returned,
        "awaiting_approval": awaiting_approval,
        "awaiting_assessment": awaiting_assessment,
        "overdue_ongoing": overdue,
        "organisation_figures": work_selectors.organisation_figures(user),
        "followups_open": followups,
        "recently_published": work_selectors.recently_published(user),
        "comment_replies": replies,
        "my_assessments": work_selectors.my_assessments(user) if is_union_rep else None,
        "ministry_news": ministry if ministry_ids(user) else None,
        "ministry_since": since,
        "ended_without_report": ended,
        "follows": discussion.follows_of(user),
        "moderation_waiting": discussion.moderation_queue().count() if is_editor(user) else None,
    }
