"""Everything the reporting app hands the platform (``tillit``), registered by
``ReportingConfig.ready()``: the work page's panel for ministries, the audit trail's objects
and the pages that may read from the replica. The privacy export's section and the retention
purge are in ``privacy`` and ``retention``."""

from __future__ import annotations

from tillit.accounts.registry import WORK_PANELS, WorkPanel
from tillit.core.registry import AUDIT_OBJECTS, REPLICA_VIEWS, AuditObject

from .work_panel import work_panel


def register() -> None:
    WORK_PANELS.append(WorkPanel(work_panel))
    AUDIT_OBJECTS.append(AuditObject("reporting.importbatch"))
    REPLICA_VIEWS.update({"reporting:statistics", "reporting:yearbook", "reporting:feed"})
