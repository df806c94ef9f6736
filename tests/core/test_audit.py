import pytest
from django.db import DatabaseError, connection, transaction

from tillit.core.audit import audit_record
from tillit.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_database_refuses_to_change_audit_events(people):
    event = audit_record(actor=people["leder"], action="organisation.changed", details={"a": 1})
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM core_auditevent")
    event.refresh_from_db()
    assert event.action == "organisation.changed"


def test_sign_in_success_and_failure_are_recorded(client, people):
    user = people["ansatt"]
    client.post("/konto/login/", {"login": user.email, "password": "feil-passord"})
    failed = AuditEvent.objects.get(action="auth.sign_in_failed")
    assert failed.actor_id is None and failed.details["attempted_email"] == user.email

    from ..factories import PASSWORD

    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    signed_in = AuditEvent.objects.get(action="auth.signed_in")
    assert signed_in.actor_id == user.pk and signed_in.ip_address == "127.0.0.1"
