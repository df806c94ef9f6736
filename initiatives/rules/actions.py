"""The rule that answers each of this app's policy actions, registered in ``ready()``."""

from tillit.policy import Action

from . import comments, experience, followup, initiatives, relations, yearbook

RULES = {
    Action.INITIATIVE_CREATE: initiatives.create,
    Action.INITIATIVE_VIEW: initiatives.view,
    Action.INITIATIVE_EDIT: initiatives.edit,
    Action.INITIATIVE_SUBMIT: initiatives.submit,
    Action.INITIATIVE_REVIEW: initiatives.review,
    Action.INITIATIVE_ARCHIVE: initiatives.archive,
    Action.INITIATIVE_UNPUBLISH: initiatives.unpublish,
    Action.INITIATIVE_ASSESS: initiatives.assess,
    Action.INITIATIVE_VIEW_HISTORY: initiatives.view_history,
    Action.INITIATIVE_IMPORT: initiatives.import_into,
    Action.INITIATIVE_DELETE: initiatives.delete,
    Action.INITIATIVE_ADOPT: relations.adopt,
    Action.INITIATIVE_RELATE: relations.relate,
    Action.RELATION_DELETE: relations.delete,
    Action.EXPERIENCE_CREATE: experience.create,
    Action.EXPERIENCE_VIEW: experience.view,
    Action.EXPERIENCE_EDIT: experience.edit,
    Action.EXPERIENCE_SUBMIT: experience.submit,
    Action.EXPERIENCE_PUBLISH: experience.publish,
    Action.EXPERIENCE_UNPUBLISH: experience.unpublish,
    Action.FOCUS_AREA_EDIT: experience.edit_focus_area,
    Action.COMMENT_READ: comments.read,
    Action.COMMENT_CREATE: comments.create,
    Action.COMMENT_REPLY: comments.reply,
    Action.COMMENT_EDIT: comments.edit,
    Action.COMMENT_DELETE: comments.delete,
    Action.COMMENT_FLAG: comments.flag,
    Action.COMMENT_MODERATE: comments.moderate,
    Action.FOLLOW: comments.follow,
    Action.FOLLOW_MANAGE: comments.manage_follow,
    Action.YEARBOOK_SELECT: yearbook.select,
    Action.FOLLOWUP_ANSWER: followup.answer,
}
