"""Writes about organisations and memberships. Each checks the policy, validates, runs in one
transaction and leaves an audit entry. E-mail goes out only after the transaction commits."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tillit.core.audit import audit_record
from tillit.policy import Action, forget_cached_roles, require

from . import notifications
from .models import Invitation, JoinRequest, Membership, Organisation, Role, User
from .models.memberships import validate_roles
from .registry import ORGANISATION_CHANGED

VISIT_GAP = timedelta(hours=1)  # "Mitt arbeid" not opened for this long: a new visit


def organisation_save(*, organisation: Organisation, by: User) -> Organisation:
    """Editors create and change organisations."""
    creating = organisation.pk is None
    require(by, Action.ORGANISATION_CREATE if creating else Action.ORGANISATION_EDIT, organisation)
    organisation.full_clean()
    with transaction.atomic():
        organisation.save()
        if not creating:  # its place or ministry may have changed: the apps' counts are stale
            for hook in ORGANISATION_CHANGED:
                transaction.on_commit(partial(hook.react, organisation.pk))
        audit_record(
            actor=by,
            action="organisation.created" if creating else "organisation.changed",
            obj=organisation,
            organisation_id=organisation.pk,
        )
    return organisation


def join_request_create(
    *, user: User, organisation: Organisation, roles: list[str], union_name: str = "", message=""
) -> JoinRequest:
    """A signed-in user who is not yet a member asks to join; the leaders are told."""
    require(user, Action.ORGANISATION_REQUEST_JOIN, organisation)
    join_request = JoinRequest(
        user=user,
        organisation=organisation,
        roles=roles,
        union_name=union_name.strip(),
        message=message.strip(),
    )
    join_request.full_clean()
    with transaction.atomic():
        join_request.save()
        audit_record(
            actor=user,
            action="join_request.created",
            obj=join_request,
            organisation_id=organisation.pk,
            details={"roles": roles, "union": join_request.union_name},
        )
        transaction.on_commit(lambda: notifications.join_request_created(join_request))
    return join_request


def join_request_decide(
    *, join_request: JoinRequest, by: User, approve: bool, note: str = ""
) -> JoinRequest:
    """A leader of the organisation (or an editor) approves or declines a pending request."""
    require(by, Action.JOIN_REQUEST_DECIDE, join_request)
    with transaction.atomic():
        join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if join_request.status != JoinRequest.Status.PENDING:
            raise ValidationError(_("This request has already been decided."))
        join_request.status = (
            JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
        )
        join_request.decided_by = by
        join_request.decided_at = timezone.now()
        join_request.decision_note = note.strip()
        join_request.save()
        if approve:
            _grant_roles(
                user=join_request.user,
                organisation=join_request.organisation,
                roles=join_request.roles,
                union_name=join_request.union_name,
                by=by,
            )
        audit_record(
            actor=by,
            action="join_request.approved" if approve else "join_request.declined",
            obj=join_request,
            organisation_id=join_request.organisation_id,
            details={"user_id": join_request.user_id, "roles": join_request.roles},
        )
        transaction.on_commit(lambda: notifications.join_request_decided(join_request))
    return join_request


def _grant_roles(*, user, organisation, roles, union_name, by) -> Membership:
    """Create the membership, or add the roles to an existing one."""
    membership, created = Membership.objects.select_for_update().get_or_create(
        user=user, organisation=organisation, defaults={"roles": list(roles)}
    )
    old_roles = [] if created else list(membership.roles)
    membership.roles = [role for role in Role.values if role in set(old_roles) | set(roles)]
    if Role.TILLITSVALGT in roles and union_name:
        membership.union_name = union_name
    membership.full_clean()
    membership.save()
    forget_cached_roles(user)
    audit_record(
        actor=by,
        action="membership.created" if created else "membership.roles_changed",
        obj=membership,
        organisation_id=organisation.pk,
        details={"user_id": user.pk, "old_roles": old_roles, "new_roles": membership.roles},
    )
    return membership


def _would_leave_without_leader(membership: Membership, new_roles: list[str]) -> bool:
    if Role.LEDER not in membership.roles or Role.LEDER in new_roles:
        return False
    other_leaders = Membership.objects.filter(
        organisation_id=membership.organisation_id, roles__contains=[Role.LEDER]
    ).exclude(pk=membership.pk)
    return not other_leaders.exists()


def membership_change(
    *, membership: Membership, roles: list[str], union_name: str, by: User
) -> Membership:
    """A leader (or an editor) changes a member's roles. The last leader cannot step down."""
    require(by, Action.MEMBERSHIP_CHANGE, membership)
    validate_roles(roles=roles, union_name=union_name, organisation=membership.organisation)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if _would_leave_without_leader(membership, roles):
            raise ValidationError({"roles": _("The organisation must keep at least one leader.")})
        old_roles, old_union = list(membership.roles), membership.union_name
        membership.roles = [role for role in Role.values if role in roles]
        membership.union_name = union_name.strip()
        membership.full_clean()
        membership.save()
        audit_record(
            actor=by,
            action="membership.roles_changed",
            obj=membership,
            organisation_id=membership.organisation_id,
            details={
                "user_id": membership.user_id,
                "old_roles": old_roles,
                "new_roles": membership.roles,
                "old_union": old_union,
                "new_union": membership.union_name,
            },
        )
    forget_cached_roles(membership.user)
    return membership


def membership_remove(*, membership: Membership, by: User) -> None:
    """A leader (or an editor) ends a membership. The last leader cannot be removed."""
    require(by, Action.MEMBERSHIP_CHANGE, membership)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if _would_leave_without_leader(membership, []):
            raise ValidationError(_("The organisation must keep at least one leader."))
        audit_record(
            actor=by,
            action="membership.removed",
            obj=membership,
            organisation_id=membership.organisation_id,
            details={"user_id": membership.user_id, "old_roles": membership.roles},
        )
        membership.delete()
    forget_cached_roles(membership.user)


def invitation_create(
    *, organisation: Organisation, email: str, roles: list[str], union_name: str, by: User
) -> Invitation:
    """A leader (or an editor) invites someone by e-mail; the link is valid for 14 days."""
    require(by, Action.ORGANISATION_MANAGE_MEMBERS, organisation)
    invitation = Invitation(
        organisation=organisation,
        email=email.strip().lower(),
        roles=roles,
        union_name=union_name.strip(),
        invited_by=by,
    )
    invitation.full_clean()
    with transaction.atomic():
        invitation.save()
        audit_record(
            actor=by,
            action="invitation.created",
            obj=invitation,
            organisation_id=organisation.pk,
            details={"email": invitation.email, "roles": roles},
        )
        transaction.on_commit(lambda: notifications.invitation_created(invitation))
    return invitation


def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """The invited person, signed in with the invited and verified address, accepts."""
    require(user, Action.INVITATION_ACCEPT, invitation)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_open:
            raise ValidationError(_("This invitation has already been used or has expired."))
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        membership = _grant_roles(
            user=user,
            organisation=invitation.organisation,
            roles=invitation.roles,
            union_name=invitation.union_name,
            by=user,
        )
        audit_record(
            actor=user,
            action="invitation.accepted",
            obj=invitation,
            organisation_id=invitation.organisation_id,
        )
    return membership


def leader_appoint(*, organisation: Organisation, email: str, by: User) -> Membership | Invitation:
    """An editor appoints a leader: at once for a known user, else by invitation."""
    require(by, Action.ORGANISATION_APPOINT_LEADER, organisation)
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        return invitation_create(
            organisation=organisation, email=email, roles=[Role.LEDER], union_name="", by=by
        )
    with transaction.atomic():
        membership = _grant_roles(
            user=user, organisation=organisation, roles=[Role.LEDER], union_name="", by=by
        )
        transaction.on_commit(lambda: notifications.leader_appointed(membership))
    return membership


def work_page_seen(*, user: User) -> None:
    """Remember that ``user`` opened their work page. A new visit (the page not opened for
    ``VISIT_GAP``) shows as new what came after the previous visit's last view; reloading
    within a visit keeps the same list. Sets both times on ``user`` too. A bookmark, not a
    decision: no audit entry."""
    now = timezone.now()
    if user.work_page_seen_at is None or now - user.work_page_seen_at > VISIT_GAP:
        user.work_page_news_since = user.work_page_seen_at
    user.work_page_seen_at = now
    User.objects.filter(pk=user.pk).update(
        work_page_seen_at=now, work_page_news_since=user.work_page_news_since
    )
