"""The reporting app's part of the retention purge (``tillit.core.retention``): import files
past their retention time. Imported by ``ReportingConfig.ready()``, which registers it."""

from __future__ import annotations

from tillit.core.registry import retention_purge

from .models import ImportBatch


@retention_purge("import_batches")
def _purge_import_batches(now, periods) -> int:
    return ImportBatch.objects.filter(created_at__lt=now - periods.import_batches).delete()[0]
