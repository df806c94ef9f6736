"""Rules about experience reports and the focus areas' pages."""

from django.db.models import Q

from tillit.accounts.models import Role

from .roles import can_write_for, is_editor, memberships_of, roles_in

PUBLISHED = "publisert"
DRAFT = "utkast"
PENDING = "til_godkjenning"


def visibility_filter(user) -> Q:
    """The reports ``user`` may see, as a filter for ``ExperienceReport.objects``: published
    reports of published measures, and every report of the user's own organisations."""
    visible = Q(workflow_status=PUBLISHED, initiative__workflow_status=PUBLISHED)
    if not user.is_authenticated:
        return visible
    if is_editor(user):
        return Q()
    own = [m.organisation_id for m in memberships_of(user)]
    if own:
        visible |= Q(initiative__organisation_id__in=own)
    return visible


def view(user, report) -> bool:
    if report.is_published and report.initiative.workflow_status == PUBLISHED:
        return True
    return is_editor(user) or bool(roles_in(user, report.initiative.organisation_id))


def create(user, initiative) -> bool:
    """Staff and leaders of the measure's organisation write its experience reports."""
    return initiative.workflow_status != "arkivert" and can_write_for(
        user, initiative.organisation_id
    )


def edit(user, report) -> bool:
    return can_write_for(user, report.initiative.organisation_id)


def submit(user, report) -> bool:
    return report.workflow_status == DRAFT and edit(user, report)


def publish(user, report) -> bool:
    """A leader of the organisation publishes a report of a published measure."""
    return (
        report.workflow_status in (DRAFT, PENDING)
        and report.initiative.workflow_status == PUBLISHED
        and Role.LEDER in roles_in(user, report.initiative.organisation_id)
    )


def unpublish(user, report) -> bool:
    """Leaders of the organisation and editors take a published report back to draft."""
    if report.workflow_status != PUBLISHED:
        return False
    return is_editor(user) or Role.LEDER in roles_in(user, report.initiative.organisation_id)


def edit_focus_area(user, focus_area=None) -> bool:
    """Editors keep the focus areas' texts."""
    return is_editor(user)
