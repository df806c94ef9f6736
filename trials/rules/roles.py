"""Who a person is to an application: an applicant's leader or member, a ministry concerned,
the coordinating ministry. Memberships come from the per-request cache (no queries)."""

from django.conf import settings

from tillit.accounts.models import Role
from tillit.policy.roles import memberships_of, ministry_ids


def coordinating_short_name() -> str:
    return settings.TRIALS_COORDINATING_MINISTRY


def is_coordinating(user) -> bool:
    """A ministry user (``departement``) of the coordinating ministry (KDD unless configured)."""
    return any(
        Role.DEPARTEMENT in m.roles and m.organisation.short_name == coordinating_short_name()
        for m in memberships_of(user)
    )


def led_organisation_ids(user) -> set[int]:
    return {m.organisation_id for m in memberships_of(user) if Role.LEDER in m.roles}


def member_organisation_ids(user) -> set[int]:
    return {m.organisation_id for m in memberships_of(user)}


def applicant_ids(application) -> set[int]:
    """The applicants' ids; read once per object."""
    cached = getattr(application, "_applicant_ids", None)
    if cached is None:
        cached = {org.pk for org in application.applicants.all()}
        application._applicant_ids = cached
    return cached


def responsible_ids(application) -> set[int]:
    """The responsible ministries of the application's measure; read once per object."""
    cached = getattr(application, "_responsible_ids", None)
    if cached is None:
        cached = {org.pk for org in application.initiative.responsible_ministries.all()}
        application._responsible_ids = cached
    return cached


def leads_an_applicant(user, application) -> bool:
    return bool(led_organisation_ids(user) & applicant_ids(application))


def is_applicant(user, application) -> bool:
    return bool(member_organisation_ids(user) & applicant_ids(application))


def concerned_ministries(user, application) -> set[int]:
    """The user's ministries among the responsible ministries of the application's measure."""
    return set(ministry_ids(user)) & responsible_ids(application)
