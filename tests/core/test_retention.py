"""Retention: the purge deletes what is past the times in the settings and keeps the rest; the
privacy statement shows the same times."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings
from django.utils import timezone

from initiatives.models import Notification
from reporting.models import ImportBatch
from tillit.accounts.models import Invitation, Membership, Role, User
from tillit.core.audit import audit_record
from tillit.core.models import AuditEvent
from tillit.core.retention import purge_expired
from tillit.core.tasks import purge_expired as purge_expired_task

from ..factories import InitiativeFactory, UserFactory

pytestmark = pytest.mark.django_db


def _event(action: str, days_ago: float) -> int:
    """An audit event written ``days_ago`` (the trigger lets INSERT through, and only a raw
    INSERT can set the time)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_auditevent (created_at, actor_name, action, object_type, object_id,"
            " object_repr, details) VALUES (%s, '', %s, '', '', '', '{}') RETURNING id",
            [timezone.now() - timedelta(days=days_ago), action],
        )
        return cursor.fetchone()[0]


def _aged(queryset, field: str, **delta):
    queryset.update(**{field: timezone.now() - timedelta(**delta)})


@pytest.fixture
def data(people, bergen):
    measure = InitiativeFactory(organisation=bergen)
    user = people["ansatt"]
    old_note = Notification.objects.create(
        recipient=user, event="svar", initiative=measure, immediate=True
    )
    new_note = Notification.objects.create(
        recipient=user, event="forfalt", initiative=measure, immediate=True
    )
    _aged(Notification.objects.filter(pk=old_note.pk), "created_at", days=91)
    _aged(Notification.objects.filter(pk=new_note.pk), "created_at", days=89)
    old_batch = ImportBatch.objects.create(organisation=bergen, created_by=user, file_name="a.csv")
    new_batch = ImportBatch.objects.create(organisation=bergen, created_by=user, file_name="b.csv")
    _aged(ImportBatch.objects.filter(pk=old_batch.pk), "created_at", hours=49)
    _aged(ImportBatch.objects.filter(pk=new_batch.pk), "created_at", hours=47)

    def invitation(email, expired_days_ago, accepted=False):
        return Invitation.objects.create(
            organisation=bergen,
            email=email,
            roles=[Role.ANSATT],
            expires_at=timezone.now() - timedelta(days=expired_days_ago),
            accepted_at=timezone.now() if accepted else None,
        )

    def unconfirmed(email, days_old, **extra):
        created = UserFactory(email=email, verified_email=False, **extra)
        _aged(User.objects.filter(pk=created.pk), "date_joined", days=days_old)
        return created

    member = unconfirmed("medlem@example.no", 30)
    Membership.objects.create(user=member, organisation=bergen, roles=[Role.ANSATT])
    confirmed = unconfirmed("bekreftet@example.no", 30)
    EmailAddress.objects.create(user=confirmed, email=confirmed.email, verified=True)
    expired_session = SessionStore()
    expired_session["x"] = 1
    expired_session.create()
    Session.objects.filter(pk=expired_session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    live_session = SessionStore()
    live_session["x"] = 1
    live_session.create()
    return {
        "old_sign_in": _event("auth.signed_in", 91),
        "new_sign_in": _event("auth.sign_in_failed", 89),
        "old_event": _event("membership.created", 1096),
        "new_event": _event("membership.created", 91),
        "old_note": old_note.pk,
        "new_note": new_note.pk,
        "old_batch": old_batch.pk,
        "new_batch": new_batch.pk,
        "old_invitation": invitation("gammel@example.no", 31).pk,
        "new_invitation": invitation("ny@example.no", 29).pk,
        "accepted_invitation": invitation("tatt@example.no", 100, accepted=True).pk,
        "unconfirmed_old": unconfirmed("glemt@example.no", 15).pk,
        "unconfirmed_new": unconfirmed("fersk@example.no", 13).pk,
        "unconfirmed_staff": unconfirmed("stab@example.no", 30, is_staff=True).pk,
        "unconfirmed_signed_in": unconfirmed(
            "innlogget@example.no", 30, last_login=timezone.now()
        ).pk,
        "member": member.pk,
        "confirmed": confirmed.pk,
        "expired_session": expired_session.session_key,
        "live_session": live_session.session_key,
    }


def _exists(model, pk) -> bool:
    return model.objects.filter(pk=pk).exists()


def test_the_purge_deletes_what_is_past_its_time_and_keeps_the_rest(data):
    counts = purge_expired()

    assert not _exists(AuditEvent, data["old_sign_in"])
    assert _exists(AuditEvent, data["new_sign_in"])
    assert not _exists(AuditEvent, data["old_event"])
    assert _exists(AuditEvent, data["new_event"])
    assert not _exists(Notification, data["old_note"])
    assert _exists(Notification, data["new_note"])
    assert not _exists(ImportBatch, data["old_batch"])
    assert _exists(ImportBatch, data["new_batch"])
    assert not _exists(Invitation, data["old_invitation"])
    assert _exists(Invitation, data["new_invitation"])
    assert _exists(Invitation, data["accepted_invitation"])
    assert not _exists(User, data["unconfirmed_old"])
    for kept in ("unconfirmed_new", "unconfirmed_staff", "unconfirmed_signed_in", "member"):
        assert _exists(User, data[kept]), kept
    assert _exists(User, data["confirmed"])
    assert not _exists(Session, data["expired_session"])
    assert _exists(Session, data["live_session"])
    assert counts == {
        "audit_events": 2,
        "notifications": 1,
        "import_batches": 1,
        "invitations": 1,
        "unverified_accounts": 1,
    }
    purged = AuditEvent.objects.get(action="retention.purged")
    assert purged.details == counts and purged.actor_id is None
    assert purge_expired() == dict.fromkeys(counts, 0)  # nothing left to do, nothing recorded
    assert AuditEvent.objects.filter(action="retention.purged").count() == 1


@override_settings(AUDIT_SIGN_IN_RETENTION_DAYS=30, NOTIFICATION_RETENTION_DAYS=10)
def test_the_times_come_from_the_settings(data):
    purge_expired()
    assert not _exists(AuditEvent, data["new_sign_in"])
    assert not _exists(Notification, data["new_note"])
    assert _exists(AuditEvent, data["new_event"])


def test_the_command_and_the_scheduled_task_purge(data, run_tasks):
    from io import StringIO

    out = StringIO()
    call_command("purge_expired", stdout=out)
    assert "notifications: 1 deleted" in out.getvalue()
    assert not _exists(Notification, data["old_note"])
    _aged(Notification.objects.filter(pk=data["new_note"]), "created_at", days=100)
    purge_expired_task.enqueue()
    assert run_tasks() == ["SUCCESSFUL"]
    assert not _exists(Notification, data["new_note"])


@override_settings(
    AUDIT_RETENTION_DAYS=1234,
    AUDIT_SIGN_IN_RETENTION_DAYS=45,
    NOTIFICATION_RETENTION_DAYS=77,
    IMPORT_BATCH_RETENTION_HOURS=36,
    UNVERIFIED_ACCOUNT_RETENTION_DAYS=9,
    INVITATION_RETENTION_DAYS=21,
    SESSION_COOKIE_AGE=3 * 24 * 3600,
)
def test_the_privacy_statement_shows_the_retention_times_in_force(client):
    client.cookies["django_language"] = "en"
    page = client.get("/personvern/").content.decode()
    for key, text in {
        "audit": "1234 days",
        "sign_in_events": "45 days",
        "notifications": "77 days",
        "import_batches": "36 hours",
        "unverified_accounts": "9 days",
        "invitations": "21 days after they expired",
        "sessions": "at most 3 days",
    }.items():
        assert f'data-retention="{key}">{text}</td>' in page, key
    assert "/konto/mine-data/" in page and "datatilsynet.no" in page


def test_the_footer_links_to_the_privacy_statement(client):
    assert 'href="/personvern/"' in client.get("/").content.decode()


def test_a_purged_account_leaves_the_audit_trail_with_its_name_only():
    forgotten = UserFactory(email="glemt@example.no", verified_email=False)
    _aged(User.objects.filter(pk=forgotten.pk), "date_joined", days=15)
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
    audit_record(actor=forgotten, action="auth.signed_in", obj=forgotten, request=request)
    assert AuditEvent.objects.get(action="auth.signed_in").ip_address == "203.0.113.9"
    purge_expired()
    event = AuditEvent.objects.get(action="auth.signed_in")
    assert (event.actor_id, event.ip_address, event.object_id) == (None, None, "")
    assert event.actor_name == forgotten.display_name
