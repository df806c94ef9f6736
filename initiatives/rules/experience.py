"""Rules about experience reports and the focus areas' pages."""

from django.db.models import Q

from initiatives.models.choices import WorkflowStatus
from tillit.accounts.models import Role
from tillit.policy.roles import can_write_for, is_editor, memberships_of, roles_in


def visibility_filter(user) -> Q:
    """The reports ``user`` may see, as a filter for ``ExperienceReport.objects``: published
    reports of published initiatives, and every report of the user's own organisations."""
    visible = Q(
        workflow_status=WorkflowStatus.PUBLISERT,
        initiative__workflow_status=WorkflowStatus.PUBLISERT,
    )
    if not user.is_authenticated:
        return visible
    if is_editor(user):
        return Q()
    own = [m.organisation_id for m in memberships_of(user)]
    if own:
        visible |= Q(initiative__organisation_id__in=own)
    return visible


def view(user, report) -> bool:
    if report.is_published and report.initiative.workflow_status == WorkflowStatus.PUBLISERT:
        return True
    return is_editor(user) or bool(roles_in(user, report.initiative.organisation_id))


def create(user, initiative) -> bool:
    """Staff and leaders of the initiative's organisation write its experience reports."""
    return initiative.workflow_status != WorkflowStatus.ARKIVERT and can_write_for(
        user, initiative.organisation_id
    )


def edit(user, report) -> bool:
    return can_write_for(user, report.initiative.organisation_id)


def submit(user, report) -> bool:
    return report.workflow_status == WorkflowStatus.UTKAST and edit(user, report)


def publish(user, report) -> bool:
    """A leader of the organisation publishes a report of a published initiative."""
    return (
        report.workflow_status in (WorkflowStatus.UTKAST, WorkflowStatus.TIL_GODKJENNING)
        and report.initiative.workflow_status == WorkflowStatus.PUBLISERT
        and Role.LEDER in roles_in(user, report.initiative.organisation_id)
    )


def unpublish(user, report) -> bool:
    """Leaders of the organisation and editors take a published report back to draft."""
    if report.workflow_status != WorkflowStatus.PUBLISERT:
        return False
    return is_editor(user) or Role.LEDER in roles_in(user, report.initiative.organisation_id)


def edit_focus_area(user, focus_area=None) -> bool:
    """Editors keep the focus areas' texts."""
    return is_editor(user)
