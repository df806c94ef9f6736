"""Who answers the follow-up questions asked after a measure ended."""

from django.db.models import Q
from django.utils import timezone

from initiatives.models.choices import WorkflowStatus
from tillit.accounts.models import Role
from tillit.policy.roles import memberships_of, roles_in


def answer(user, followup) -> bool:
    """Leaders of the owner answer a due question about a published measure (whether it was
    answered already is the service's to say: the person is told, not refused)."""
    initiative = followup.initiative
    return (
        initiative.workflow_status == WorkflowStatus.PUBLISERT
        and followup.due_on <= timezone.localdate()
        and Role.LEDER in roles_in(user, initiative.organisation_id)
    )


def answerable_filter(user) -> Q:
    """``answer`` as a filter for ``FollowUp.objects``."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    led = [m.organisation_id for m in memberships_of(user) if Role.LEDER in m.roles]
    return Q(
        initiative__organisation_id__in=led,
        initiative__workflow_status=WorkflowStatus.PUBLISERT,
        due_on__lte=timezone.localdate(),
    )
