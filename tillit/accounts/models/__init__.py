from .memberships import Invitation, JoinRequest, Membership, Role
from .organisations import County, Municipality, Organisation, OrganisationKind
from .users import User

__all__ = [
    "County",
    "Invitation",
    "JoinRequest",
    "Membership",
    "Municipality",
    "Organisation",
    "OrganisationKind",
    "Role",
    "User",
]
