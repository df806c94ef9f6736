"""Rules about adopting a measure and the connections between measures."""

from initiatives.models.choices import WorkflowStatus
from tillit.accounts.models import Role
from tillit.policy.roles import memberships_of

from . import initiatives


def adopting_organisation_ids(user, source) -> list[int]:
    """Where ``user`` (staff or leader) could register a measure built on ``source``: every
    organisation they write for except the source's owner."""
    return [
        m.organisation_id
        for m in memberships_of(user)
        if {Role.ANSATT, Role.LEDER} & set(m.roles) and m.organisation_id != source.organisation_id
    ]


def adopt(user, source) -> bool:
    """Staff and leaders of another organisation try a published measure in their own."""
    if not user.is_authenticated or source.workflow_status != WorkflowStatus.PUBLISERT:
        return False
    return bool(adopting_organisation_ids(user, source))


def relate(user, initiative) -> bool:
    """Those who may edit a measure connect it to others and remove its connections."""
    return initiatives.edit(user, initiative)


def delete(user, relation) -> bool:
    """Either side's editors remove a connection: it is about both measures."""
    return relate(user, relation.initiative) or relate(user, relation.other)
