"""Everything the reporting app hands the platform (``tillit``), registered by
``ReportingConfig.ready()``: the audit trail's objects and the pages that may read from the
replica. The privacy export's section and the retention purge are in ``privacy`` and
``retention``."""

from __future__ import annotations

from tillit.core.registry import AUDIT_OBJECTS, REPLICA_VIEWS, AuditObject


def register() -> None:
    AUDIT_OBJECTS.append(AuditObject("reporting.importbatch"))
    REPLICA_VIEWS.update({"reporting:statistics", "reporting:yearbook", "reporting:feed"})
