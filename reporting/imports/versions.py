"""A row that updates a measure must start from the measure as it is now: from the version in
the file's "Version" column (as exported), or, in a file without one, the version the measure
had when the file was uploaded (kept in the batch). Otherwise the row would overwrite an edit
made since, so it is refused."""

from __future__ import annotations

from django.utils.translation import gettext as _

from initiatives.models import Initiative

from .rows import row_id

UPLOADED_VERSION = "version_at_upload"  # a batch row's key beside "line" and "cells"


def remember_versions(raw_rows: list[dict]) -> None:
    """At upload: note the current version of every measure the rows' IDs name."""
    ids = {}
    for raw in raw_rows:
        pk = row_id(raw["cells"].get("id", ""))
        if pk is not None:
            ids.setdefault(pk, []).append(raw)
    for pk, version in Initiative.objects.filter(pk__in=ids).values_list("pk", "version"):
        for raw in ids[pk]:
            raw[UPLOADED_VERSION] = version


def expected_version(raw: dict, target: Initiative) -> tuple[int | None, str | None]:
    """The version the row was made from (None: not known, say in a batch from before this
    rule), and the error when the measure has changed since or the cell is not a version."""
    text = raw["cells"].get("version", "").strip()
    if text:
        if not (text.isascii() and text.isdigit() and len(text) < 10):
            message = _("Version: «%(text)s» is not a version number. Export again, or empty it.")
            return None, message % {"text": text[:20]}
        version = int(text)
        stale = _(
            "ID: The measure was changed after the file was exported (version %(file)s in the "
            "file, version %(now)s now). Export again and make your changes in the new file."
        )
    else:
        version = raw.get(UPLOADED_VERSION)
        stale = _(
            "ID: The measure was changed after the file was uploaded (version %(file)s then, "
            "version %(now)s now). Upload the file again to check it against the changes."
        )
    if version is not None and version != target.version:
        return version, stale % {"file": version, "now": target.version}
    return version, None
