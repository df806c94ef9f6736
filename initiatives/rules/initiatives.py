"""Rules about initiatives: who sees them, and who may change them in which state."""

from django.db.models import Exists, OuterRef, Q

from initiatives.models.choices import WorkflowStatus
from initiatives.models.history import ChangeAction, InitiativeChange
from tillit.accounts.models import Role
from tillit.policy.roles import (
    can_write_for,
    has_writers,
    is_editor,
    is_member,
    memberships_of,
    ministry_ids,
    roles_in,
)


def visibility_filter(user) -> Q:
    """The initiatives ``user`` may see, as a filter for ``Initiative.objects``."""
    visible = Q(workflow_status=WorkflowStatus.PUBLISERT)
    if not user.is_authenticated:
        return visible
    if is_editor(user):
        return Q()

    own = [m.organisation_id for m in memberships_of(user)]
    if own:
        visible |= Q(organisation_id__in=own)
    ministries = ministry_ids(user)
    if ministries:
        visible |= Q(
            workflow_status=WorkflowStatus.TIL_GODKJENNING,
            organisation__parent_ministry_id__in=ministries,
        )
    return visible


def view(user, initiative) -> bool:
    if initiative.workflow_status == WorkflowStatus.PUBLISERT or is_editor(user):
        return True
    if is_member(user, initiative.organisation_id):
        return True
    return (
        initiative.workflow_status == WorkflowStatus.TIL_GODKJENNING
        and initiative.organisation.parent_ministry_id in ministry_ids(user)
    )


def create(user, organisation=None) -> bool:
    """Without an organisation: may the user register initiatives for any organisation?"""
    if not user.is_authenticated:
        return False
    if organisation is None:
        return any({Role.ANSATT, Role.LEDER} & set(m.roles) for m in memberships_of(user))
    return can_write_for(user, organisation)


def edit(user, initiative) -> bool:
    """Staff and leaders of the owner edit drafts, pending and published initiatives. Editors
    complete the drafts of an organisation nobody writes for yet (say, after importing them),
    until they appoint its first leader, who takes them over."""
    if initiative.workflow_status == WorkflowStatus.ARKIVERT:
        return False
    if can_write_for(user, initiative.organisation_id):
        return True
    return _completed_by_editor(user, initiative)


def submit(user, initiative) -> bool:
    return initiative.workflow_status == WorkflowStatus.UTKAST and can_write_for(
        user, initiative.organisation_id
    )


# History entries that mean an initiative has left its author's hands at least once.
SENT_FOR_APPROVAL = (
    ChangeAction.SUBMITTED,
    ChangeAction.PUBLISHED,
    ChangeAction.RETURNED,
    ChangeAction.UNPUBLISHED,
)


def _completed_by_editor(user, initiative) -> bool:
    """An editor's hold on the drafts of an organisation nobody writes for yet."""
    return (
        initiative.workflow_status == WorkflowStatus.UTKAST
        and is_editor(user)
        and not has_writers(initiative.organisation_id)
    )


def delete(user, initiative) -> bool:
    """The author (while still staff or leader there) and the owner's leaders delete a draft
    that was never sent for approval; so do editors while nobody writes for the owner."""
    organisation = initiative.organisation_id
    if initiative.workflow_status != WorkflowStatus.UTKAST:
        return False
    if can_write_for(user, organisation):
        if initiative.created_by_id != user.pk and Role.LEDER not in roles_in(user, organisation):
            return False
    elif not _completed_by_editor(user, initiative):
        return False
    was_sent = getattr(initiative, "was_sent", None)  # a list's annotation spares a query
    if was_sent is None:
        was_sent = initiative.changes.filter(action__in=SENT_FOR_APPROVAL).exists()
    return not was_sent


def review(user, initiative) -> bool:
    """Leaders of the owner publish a pending initiative or send it back."""
    return initiative.workflow_status == WorkflowStatus.TIL_GODKJENNING and Role.LEDER in roles_in(
        user, initiative.organisation_id
    )


def decided_already(user, initiative) -> bool:
    """A leader of the owner acting on an initiative that no longer awaits approval: another
    leader's decision came first (the review view says so instead of refusing)."""
    return initiative.workflow_status != WorkflowStatus.TIL_GODKJENNING and Role.LEDER in roles_in(
        user, initiative.organisation_id
    )


def archive(user, initiative) -> bool:
    return initiative.workflow_status != WorkflowStatus.ARKIVERT and Role.LEDER in roles_in(
        user, initiative.organisation_id
    )


def unpublish(user, initiative) -> bool:
    return initiative.workflow_status == WorkflowStatus.PUBLISERT and is_editor(user)


# Taking part in any of these makes a person a party to the initiative: they may not also vouch
# for the employees' involvement in it (separation of duties).
SHAPING_ACTIONS = (
    ChangeAction.CREATED,
    ChangeAction.EDITED,
    ChangeAction.SUBMITTED,
    ChangeAction.PUBLISHED,
)


def _shaped_by(user):
    """The recorded changes by ``user`` that made them a party to an initiative."""
    return InitiativeChange.objects.filter(actor_id=user.pk, action__in=SHAPING_ACTIONS)


def assessor_organisation_ids(user) -> list[int]:
    """Where ``user`` is a union representative and not also a leader."""
    return [
        m.organisation_id
        for m in memberships_of(user)
        if Role.TILLITSVALGT in m.roles and Role.LEDER not in m.roles
    ]


def assess(user, initiative) -> bool:
    """Union representatives of the owner confirm or dispute employee involvement, unless
    they lead the owner or created, edited, submitted or published the initiative themselves."""
    if initiative.workflow_status == WorkflowStatus.ARKIVERT:
        return False
    if initiative.organisation_id not in assessor_organisation_ids(user):
        return False
    if initiative.created_by_id == user.pk:
        return False
    return not _shaped_by(user).filter(initiative_id=initiative.pk).exists()


def assessable_filter(user) -> Q:
    """``assess`` as a filter for ``Initiative.objects``: the initiatives ``user`` may assess."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return (
        Q(organisation_id__in=assessor_organisation_ids(user))
        & ~Q(workflow_status=WorkflowStatus.ARKIVERT)
        & ~Q(created_by_id=user.pk)
        & ~Exists(_shaped_by(user).filter(initiative_id=OuterRef("pk")))
    )


def view_history(user, initiative) -> bool:
    return is_editor(user) or is_member(user, initiative.organisation_id)


def import_into(user, organisation) -> bool:
    """Leaders import initiatives (as drafts) into their own organisation; editors into any."""
    if not user.is_authenticated or organisation is None:
        return False
    return is_editor(user) or Role.LEDER in roles_in(user, organisation)
