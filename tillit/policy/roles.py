"""Who holds which role where. Memberships are read once per request and cached on the user."""

from __future__ import annotations

from tillit.accounts.models import Membership, Organisation, Role


def _memberships(user) -> dict[int, Membership]:
    cached = getattr(user, "_tillit_memberships", None)
    if cached is None:
        cached = {
            m.organisation_id: m
            for m in Membership.objects.filter(user=user).select_related("organisation")
        }
        user._tillit_memberships = cached
    return cached


def forget_cached_roles(user) -> None:
    """Call after a membership of ``user`` changed within the same request."""
    if hasattr(user, "_tillit_memberships"):
        del user._tillit_memberships


def roles_in(user, organisation: Organisation | int | None) -> set[str]:
    if not user.is_authenticated or organisation is None:
        return set()
    organisation_id = getattr(organisation, "pk", organisation)
    membership = _memberships(user).get(organisation_id)
    return set(membership.roles) if membership else set()


def memberships_of(user) -> list[Membership]:
    return list(_memberships(user).values()) if user.is_authenticated else []


def union_name_in(user, organisation) -> str:
    membership = _memberships(user).get(getattr(organisation, "pk", organisation))
    return membership.union_name if membership else ""


def is_member(user, organisation) -> bool:
    return bool(roles_in(user, organisation))


def is_editor(user) -> bool:
    """Editors (redaktør) are the members of the portal-operator organisation."""
    return any(m.organisation.is_portal_operator for m in memberships_of(user))


def is_leader(user, organisation) -> bool:
    return Role.LEDER in roles_in(user, organisation)


def can_write_for(user, organisation) -> bool:
    """Staff and leaders register and edit measures on behalf of their organisation."""
    return bool(roles_in(user, organisation) & {Role.ANSATT, Role.LEDER})


def has_writers(organisation_id: int) -> bool:
    """Whether any active user is staff or leader of the organisation (one query); a
    deactivated account writes for nobody."""
    return Membership.objects.filter(
        organisation_id=organisation_id,
        roles__overlap=[Role.ANSATT, Role.LEDER],
        user__is_active=True,
    ).exists()


def ministry_ids(user) -> list[int]:
    """The ministries in which the user holds the ministry role."""
    return [m.organisation_id for m in memberships_of(user) if Role.DEPARTEMENT in m.roles]
