"""The initiatives app's part of the retention purge (``tillit.core.retention``): notifications
past their retention time. Imported by ``InitiativesConfig.ready()``, which registers it."""

from __future__ import annotations

from tillit.core.registry import retention_purge

from .models import Notification


@retention_purge("notifications")
def _purge_notifications(now, periods) -> int:
    return Notification.objects.filter(created_at__lt=now - periods.notifications).delete()[0]
