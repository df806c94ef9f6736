"""The rule that answers each of this app's policy actions, registered in ``ready()``."""

from tillit.policy import Action

from . import applications as a

RULES = {
    Action.TRIAL_ROUND_MANAGE: a.manage_rounds,
    Action.TRIAL_CREATE: a.create,
    Action.TRIAL_VIEW: a.view,
    Action.TRIAL_VIEW_ASSESSMENTS: a.view_assessments,
    Action.TRIAL_EDIT: a.edit,
    Action.TRIAL_SUBMIT_PRELIMINARY: a.submit_preliminary,
    Action.TRIAL_START_ASSESSMENT: a.start_assessment,
    Action.TRIAL_ASSESS: a.assess,
    Action.TRIAL_SELECT: a.select,
    Action.TRIAL_SUBMIT_FINAL: a.submit_final,
    Action.TRIAL_DECIDE: a.decide,
    Action.TRIAL_START: a.start,
    Action.TRIAL_EVALUATE: a.evaluate,
    Action.TRIAL_END: a.end,
}
