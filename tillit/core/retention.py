"""How long the portal keeps what, and the purge that enforces it. The retention times are
settings, so the privacy statement (``/personvern/``) and the purge always agree. The
scheduler runs ``purge_expired`` daily ("purge-expired"); ``manage.py purge_expired`` runs it
by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from tillit.accounts.models import Invitation, Membership, User
from tillit.accounts.privacy.deletion import forget_in_history

from .audit import audit_maintenance, audit_record
from .models import AuditEvent
from .registry import RETENTION_PURGES

SIGN_IN_ACTIONS_PREFIX = "auth."


@dataclass(frozen=True)
class RetentionPeriods:
    audit: timedelta
    sign_in_events: timedelta
    notifications: timedelta
    import_batches: timedelta
    unverified_accounts: timedelta
    invitations_after_expiry: timedelta
    sessions: timedelta

    @property
    def import_batch_hours(self) -> int:
        return int(self.import_batches.total_seconds() // 3600)


def retention_periods() -> RetentionPeriods:
    """The retention times in force, read from the settings."""
    return RetentionPeriods(
        audit=timedelta(days=settings.AUDIT_RETENTION_DAYS),
        sign_in_events=timedelta(days=settings.AUDIT_SIGN_IN_RETENTION_DAYS),
        notifications=timedelta(days=settings.NOTIFICATION_RETENTION_DAYS),
        import_batches=timedelta(hours=settings.IMPORT_BATCH_RETENTION_HOURS),
        unverified_accounts=timedelta(days=settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS),
        invitations_after_expiry=timedelta(days=settings.INVITATION_RETENTION_DAYS),
        sessions=timedelta(seconds=settings.SESSION_COOKIE_AGE),
    )


def _purge_audit_events(now: datetime, periods: RetentionPeriods) -> int:
    with audit_maintenance():
        sign_ins, _ = AuditEvent.objects.filter(
            action__startswith=SIGN_IN_ACTIONS_PREFIX, created_at__lt=now - periods.sign_in_events
        ).delete()
        others, _ = AuditEvent.objects.filter(created_at__lt=now - periods.audit).delete()
    return sign_ins + others


def _purge_unverified_accounts(now: datetime, periods: RetentionPeriods) -> int:
    """Accounts that never confirmed an address and never signed in; never staff, and never
    anyone with a membership. Their ids and addresses leave the audit trail too."""
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    member = Membership.objects.filter(user=OuterRef("pk"))
    stale = User.objects.filter(
        date_joined__lt=now - periods.unverified_accounts,
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
    ).filter(~Exists(verified), ~Exists(member))
    ids = list(stale.values_list("pk", flat=True))
    forget_in_history(ids)  # as when someone deletes their own account
    return User.objects.filter(pk__in=ids).delete()[1].get(User._meta.label, 0)


def _purge_expired_sessions() -> None:
    """The session engine's own cleanup (database sessions; a cache forgets by itself)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


def purge_expired(*, now: datetime | None = None) -> dict[str, int]:
    """Delete everything past its retention time (the audit trail, then what the apps
    registered, then the platform's accounts); returns how many of each were deleted and
    records one ``retention.purged`` event with those counts (no personal data)."""
    now = now or timezone.now()
    periods = retention_periods()
    with transaction.atomic():
        counts = {"audit_events": _purge_audit_events(now, periods)}
        for item in RETENTION_PURGES:
            counts[item.key] = item.purge(now, periods)
        counts["invitations"] = Invitation.objects.filter(
            accepted_at__isnull=True, expires_at__lt=now - periods.invitations_after_expiry
        ).delete()[0]
        counts["unverified_accounts"] = _purge_unverified_accounts(now, periods)
        _purge_expired_sessions()
        if any(counts.values()):
            audit_record(actor=None, action="retention.purged", details=counts)
    return counts
