"""Every audit event written while handling a request carries the client's address, by the
same trusted-proxy rule as the rate limits; events from background work carry none."""

import pytest
from django.test import Client

from initiatives.models import Comment
from tillit.accounts.models import Membership, Role
from tillit.core.audit import audit_record
from tillit.core.models import AuditEvent

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db

CLIENT, PROXY = "198.51.100.7", "10.0.0.5"


def _as(user) -> Client:
    client = Client(REMOTE_ADDR=PROXY, headers={"x-forwarded-for": f"6.6.6.6, {CLIENT}"})
    client.force_login(user)
    return client


def _writes(people, bergen) -> dict[str, str]:
    """A publish, a role change and a moderation decision, each through its page."""
    measure = InitiativeFactory(organisation=bergen, workflow_status="til_godkjenning")
    response = _as(people["leder"]).post(
        f"/tiltak/{measure.pk}/godkjenning/", {"decision": "publish"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=people["ansatt"], organisation=bergen)
    response = _as(people["leder"]).post(
        f"/organisasjoner/{bergen.pk}/medlemmer/{membership.pk}/",
        {"roles": [Role.ANSATT, Role.TILLITSVALGT], "union_name": "Fagforbundet"},
    )
    assert response.status_code == 302
    comment = Comment.objects.create(
        initiative=measure, author=people["tillitsvalgt"], body="Hei", body_html="<p>Hei</p>"
    )
    response = _as(people["redaktor"]).post(
        f"/moderering/{comment.pk}/", {"decision": "skjul", "reason": "Personopplysninger"}
    )
    assert response.status_code == 302
    return {
        action: AuditEvent.objects.get(action=action).ip_address
        for action in ("initiative.published", "membership.roles_changed", "comment.hidden")
    }


def test_events_carry_the_address_the_trusted_proxy_gave(settings, people, bergen):
    settings.TRUSTED_PROXY_COUNT = 1
    assert set(_writes(people, bergen).values()) == {CLIENT}


def test_without_trusted_proxies_the_header_is_not_believed(settings, people, bergen):
    settings.TRUSTED_PROXY_COUNT = 0
    assert set(_writes(people, bergen).values()) == {PROXY}


def test_events_outside_a_request_have_no_address(people):
    event = audit_record(actor=None, action="organisation.changed")
    assert event.ip_address is None
