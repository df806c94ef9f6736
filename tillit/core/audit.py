"""Writing to the audit trail. Every service that changes something calls ``audit_record``."""

from __future__ import annotations

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, models, transaction

from .clients import client_address, current_client_address
from .models import ACTION_LABELS, AuditEvent

logger = logging.getLogger(__name__)


class UnlabelledAuditAction(ValueError):
    """An action code without a label in ``ACTION_LABELS`` (raised in tests, logged elsewhere)."""


def _client_ip(request) -> str | None:
    """The given request's client address, else that of the request being handled (None in
    background tasks)."""
    return current_client_address.get() if request is None else client_address(request)


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    organisation_id: int | None = None,
    details: dict | None = None,
    request=None,
) -> AuditEvent:
    """Append one event. ``actor`` may be a user, ``None`` or an anonymous user.

    Every action code needs a label in ``ACTION_LABELS``, or the audit trail's page shows the
    bare code: with ``AUDIT_REQUIRE_LABELS`` (the tests) an unlabelled code is refused."""
    if action not in ACTION_LABELS:
        if settings.AUDIT_REQUIRE_LABELS:
            raise UnlabelledAuditAction(f"{action!r} has no label in ACTION_LABELS")
        logger.warning("Audit action %r has no label in ACTION_LABELS", action)
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor_id=actor.pk if is_person else None,
        actor_name=getattr(actor, "display_name", str(actor)) if is_person else "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        organisation_id=organisation_id,
        ip_address=_client_ip(request),
        details=details or {},
    )


@contextmanager
def audit_maintenance():
    """Let the database trigger through deletes and "forget who" updates of audit events,
    in this transaction only. For the two privacy services alone: the retention purge
    (``tillit.core.retention``) and account deletion (``tillit.accounts.privacy``)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('tillit.audit_maintenance', 'on', true)")
        yield
        cursor.execute("SELECT set_config('tillit.audit_maintenance', 'off', true)")
