"""Every write of the trial scheme: rounds, applications, assessments and the workflow."""

from .applications import ApplicationInput, application_create, application_update
from .assessments import application_assess
from .rounds import round_create, round_update
from .workflow import (
    TRIAL_WORKFLOW,
    application_approve,
    application_end,
    application_evaluate,
    application_not_select,
    application_refuse,
    application_select,
    application_start,
    application_start_assessment,
    application_submit_final,
    application_submit_preliminary,
)

__all__ = [
    "TRIAL_WORKFLOW",
    "ApplicationInput",
    "application_approve",
    "application_assess",
    "application_create",
    "application_end",
    "application_evaluate",
    "application_not_select",
    "application_refuse",
    "application_select",
    "application_start",
    "application_start_assessment",
    "application_submit_final",
    "application_submit_preliminary",
    "application_update",
    "round_create",
    "round_update",
]
