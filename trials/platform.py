"""Everything the trials app hands the platform, registered by ``TrialsConfig.ready()``: the
work page's panel, the demo data, the audit trail's objects and labels, what a backup counts,
and the measure page's panel (through the initiatives app's registry)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from initiatives.registry import MEASURE_PANELS, MeasurePanel
from tillit.accounts.registry import DEMO_SEEDERS, WORK_PANELS, DemoSeeder, WorkPanel, WorkTodo
from tillit.core.models import ACTION_GROUPS, ACTION_LABELS
from tillit.core.registry import AUDIT_OBJECTS, BACKUP_COUNTED, AuditObject
from tillit.policy import Action, can

from . import selectors
from .demo import seed_trials

AUDIT_LABELS = {
    "trial.round_created": _("opened a round of trial applications"),
    "trial.round_changed": _("changed a round of trial applications"),
    "trial.created": _("wrote an application for a trial"),
    "trial.edited": _("changed an application for a trial"),
    "trial.preliminary_sent": _("sent a preliminary application for a trial"),
    "trial.assessment_started": _("sent an application for a trial for assessment"),
    "trial.assessed": _("assessed an application for a trial"),
    "trial.selected": _("selected an application for a trial"),
    "trial.not_selected": _("did not select an application for a trial"),
    "trial.final_sent": _("sent a final application for a trial"),
    "trial.approved": _("approved a trial"),
    "trial.refused": _("refused a trial"),
    "trial.started": _("started a trial"),
    "trial.evaluated": _("recorded a trial's evaluation"),
    "trial.ended": _("ended a trial"),
}


def _work_panel(user) -> dict:
    awaiting = selectors.awaiting_me(user)
    count = len(awaiting)
    text = ngettext(
        "%(count)s trial application waits for you",
        "%(count)s trial applications wait for you",
        count,
    )
    todo = [WorkTodo(text % {"count": count}, "trials-heading")] if count else []
    return {"trials_awaiting": awaiting, "todo": todo}


def _measure_panel(initiative, user) -> dict | None:
    """The measure's applications the user may see, and the way to apply for its leaders."""
    applications = list(initiative.trial_applications.visible_to(user).order_by("-created_at"))
    can_apply = can(user, Action.TRIAL_CREATE, initiative)
    if not applications and not can_apply:
        return None
    return {"initiative": initiative, "applications": applications, "can_apply": can_apply}


def _seed_demo(*, seed: int, initiatives: int) -> str:
    return seed_trials()


def register() -> None:
    ACTION_LABELS.update(AUDIT_LABELS)
    ACTION_GROUPS["trial"] = _("Trial scheme")
    WORK_PANELS.append(WorkPanel(_work_panel))
    MEASURE_PANELS.append(MeasurePanel("trials/includes/measure_panel.html", _measure_panel))
    DEMO_SEEDERS.append(DemoSeeder(_seed_demo))
    AUDIT_OBJECTS.extend(
        [
            AuditObject("trials.trialapplication", "trials:detail"),
            AuditObject("trials.trialround", "trials:round_edit"),
        ]
    )
    BACKUP_COUNTED.extend(["trials.TrialApplication", "trials.Exemption", "trials.TrialDocument"])
