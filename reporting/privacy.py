"""What the reporting app hands the privacy pages (``tillit.accounts.privacy``): the import
files a user made, as a section of their data export. Imported by ``ReportingConfig.ready()``,
which registers it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tillit.accounts.privacy.registry import rows, section

from .models import ImportBatch


@section("imports", _("Files you imported"), covers=("reporting.ImportBatch.created_by",))
def _imports(user):
    found = rows(
        ImportBatch.objects.filter(created_by=user).order_by("created_at"),
        "id",
        "organisation_id",
        "file_name",
        "mode",
        "status",
        "created_at",
        "saved_at",
        "rows",
        "result",
    )
    for row in found:
        row["id"] = str(row["id"])
    return found
