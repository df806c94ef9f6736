"""Reads about organisations and memberships, scoped to what the asking user may see."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from tillit.core.models import AuditEvent
from tillit.policy import is_editor
from tillit.policy.roles import memberships_of

from .filters import OrganisationFilter
from .models import Invitation, JoinRequest, Membership, Organisation, Role, User
from .search import Hit, search


def organisation_list(*, filters: dict, user: User) -> tuple[OrganisationFilter, QuerySet]:
    """The public register of organisations, filtered; returns the filterset and its rows."""
    queryset = Organisation.objects.visible_to(user).with_place().order_by("name")
    filterset = OrganisationFilter(filters, queryset=queryset)
    rows = filterset.qs if filterset.is_valid() else queryset.none()
    return filterset, rows


def organisation_search(*, text: str, user: User, limit: int = 20) -> tuple[list[Hit], int]:
    """Anyone may search the organisations they may see, by name, short name or a parallel
    name of their municipality; the best ``limit`` hits and the number of all."""
    rows = Organisation.objects.visible_to(user).values_list(
        "pk", "name", "short_name", "municipality_id"
    )
    return search(rows, text[:100], limit=limit)


def organisation_public_facts(organisation: Organisation) -> dict:
    return {
        "member_count": organisation.memberships.count(),
        "agencies": list(organisation.agencies.order_by("name")),
    }


def organisation_members(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("user__name", "user__email")


def pending_join_requests(organisation: Organisation) -> QuerySet[JoinRequest]:
    return organisation.join_requests.filter(status=JoinRequest.Status.PENDING).select_related(
        "user"
    )


def open_invitations(organisation: Organisation) -> list[Invitation]:
    return [i for i in organisation.invitations.filter(accepted_at=None) if i.is_open]


def organisation_audit_events(organisation: Organisation, *, limit: int = 20):
    return AuditEvent.objects.filter(organisation_id=organisation.pk)[:limit]


def my_memberships(user: User) -> list[Membership]:
    """The user's memberships by organisation name, as the policy read them this request."""
    return sorted(memberships_of(user), key=lambda m: m.organisation.name)


def my_join_requests(user: User) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(user=user).select_related("organisation")[:20]


def join_request_deciders(organisation_id: int) -> tuple[bool, QuerySet[User]]:
    """Who decides a request to join: the organisation's active leaders, or, when it has
    none, the portal's editors. Returns (leaders decide?, those people)."""
    leaders = User.objects.filter(
        is_active=True,
        memberships__organisation_id=organisation_id,
        memberships__roles__contains=[Role.LEDER],
    )
    if leaders.exists():
        return True, leaders
    editors = User.objects.filter(
        is_active=True, memberships__organisation__is_portal_operator=True
    ).distinct()
    return False, editors


def join_requests_awaiting(user: User) -> QuerySet[JoinRequest]:
    """Pending requests the user may decide: in organisations they lead (editors: all)."""
    pending = JoinRequest.objects.filter(status=JoinRequest.Status.PENDING)
    if not is_editor(user):
        led = Membership.objects.filter(user=user, roles__contains=[Role.LEDER])
        pending = pending.filter(organisation__in=led.values("organisation"))
    return pending.select_related("user", "organisation").order_by("created_at")


def invitations_open_for_leader(user: User) -> list[Invitation]:
    """Invitations not yet accepted or expired, of the organisations ``user`` leads."""
    if not any(Role.LEDER in m.roles for m in memberships_of(user)):
        return []
    led = Membership.objects.filter(user=user, roles__contains=[Role.LEDER])
    return list(
        Invitation.objects.filter(
            organisation__in=led.values("organisation"),
            accepted_at=None,
            expires_at__gt=timezone.now(),
        )
        .select_related("organisation")
        .order_by("expires_at")[:50]
    )


def organisations_without_leader() -> QuerySet[Organisation]:
    """For editors: organisations with members but nobody who can approve."""
    return (
        Organisation.objects.annotate(
            members=Count("memberships"),
            leaders=Count("memberships", filter=Q(memberships__roles__contains=[Role.LEDER])),
        )
        .filter(members__gt=0, leaders=0)
        .order_by("name")
    )
