"""Exports of exactly the overview's current filter, streamed row by row."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Prefetch
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from initiatives.connections import prefetch_public_connections, public_connections
from initiatives.dates import partial_date_iso
from initiatives.effects import evidence_of, measure_indicators, total_hours
from initiatives.models import GOAL_FIELDS, Initiative, Participant, TrustRelation
from initiatives.models.effects import Indicator
from tillit.core.spreadsheets import csv_stream, inert

CHUNK = 2000


def _field_label(name: str):
    return capfirst(Initiative._meta.get_field(name).verbose_name)


# The one file format of exports and imports: (key, heading, width) per column. The import
# reads the same headings in any language; the keys after "address" are the fields a person
# fills in beyond the overview's, so export → import → export gives the same file, and the
# last, "version", lets it refuse a row whose measure changed after the export
# (``imports.versions``). Contact details are left out: the export is public and personal.
COLUMNS = [
    ("id", lambda: _("ID"), 8),
    ("title", lambda: _("Title"), 50),
    ("organisation", lambda: _("Organisation"), 30),
    ("municipality", lambda: _("Municipality number"), 10),
    ("ministry", lambda: _("Responsible ministries"), 16),
    ("kind", lambda: _("Kind of measure"), 20),
    ("sector", lambda: _("Sector"), 20),
    ("status", lambda: _("Status"), 12),
    ("publication", lambda: _("Publication status"), 16),
    ("focus_areas", lambda: _("Focus areas"), 60),
    ("start_date", lambda: _("Start date"), 12),
    ("end_date", lambda: _("End date"), 12),
    ("union", lambda: _("Employee involvement"), 30),
    ("summary", lambda: _("Summary"), 80),
    # Connections to other published measures ("12: Title; 15: Title"); not imported.
    ("builds_on", lambda: _("Builds on"), 40),
    ("built_upon_by", lambda: _("Tried further by"), 40),
    ("same_network", lambda: _("Same network or programme"), 40),
    # Results and effect (the strongest method's label, how many indicators, the sum of the
    # organisation's own estimates of hours given back); not imported.
    ("evidence", lambda: _("Evidence"), 24),
    ("indicator_count", lambda: _("Number of indicators"), 10),
    ("hours_given_back", lambda: _("Hours a year given back"), 12),
    ("address", lambda: _("Address"), 40),
    *[
        (name, lambda name=name: _field_label(name), 40)
        for name in (
            "description",
            "other_focus_area",
            "trust_relations",
            "participants",
            "exemption_from",
            *GOAL_FIELDS,
            "links",
            "partners",
            "participating_organisations",
        )
    ],
    ("version", lambda: _("Version"), 8),
]
KEYS = tuple(key for key, _label, _width in COLUMNS)
WIDTHS = [width for _key, _label, width in COLUMNS]
LIST_SEPARATOR = "; "


def columns() -> list[str]:
    """The column headings in the current language."""
    return [str(label()) for _key, label, _width in COLUMNS]


def _labels(values: list[str], choices) -> str:
    names = dict(choices)
    return LIST_SEPARATOR.join(str(names.get(value, value)) for value in values)


def _measures(connections) -> str:
    return LIST_SEPARATOR.join(f"{c.measure.pk}: {c.measure.title}" for c in connections)


def _row(initiative) -> list:
    organisation = initiative.organisation
    connections = public_connections(initiative)
    ministries = initiative.responsible_ministries.all()
    evidence = evidence_of(initiative.evidence_methods)
    hours = total_hours(initiative.reporting_removed.all())
    return [
        initiative.pk,
        initiative.title,
        organisation.name,
        organisation.municipality_id or "",
        LIST_SEPARATOR.join(sorted(ministry.short_name for ministry in ministries)),
        initiative.get_kind_display(),
        initiative.get_sector_display(),
        initiative.get_lifecycle_status_display(),
        initiative.get_workflow_status_display(),
        LIST_SEPARATOR.join(link.focus_area.name for link in initiative.focus_area_links.all()),
        partial_date_iso(initiative.start_date, initiative.start_precision),
        partial_date_iso(initiative.end_date, initiative.end_precision),
        initiative.get_union_assessment_display(),
        initiative.summary,
        _measures(connections.builds_on),
        _measures(connections.built_upon_by),
        _measures(connections.networks),
        evidence.label if evidence else "",
        len(measure_indicators(initiative)),
        "" if hours is None else hours,
        settings.SITE_URL + initiative.get_absolute_url(),
        initiative.description,
        initiative.other_focus_area,
        _labels(initiative.trust_relations, TrustRelation.choices),
        _labels(initiative.participants, Participant.choices),
        initiative.exemption_from,
        initiative.goal_resources,
        initiative.goal_activities,
        initiative.goal_outputs,
        initiative.goal_user_effects,
        initiative.goal_societal_effects,
        "\n".join(initiative.links),
        LIST_SEPARATOR.join(sorted(partner.name for partner in initiative.partners.all())),
        LIST_SEPARATOR.join(sorted(o.name for o in initiative.participating_organisations.all())),
        initiative.version,
    ]


def rows(queryset) -> Iterator[list]:
    queryset = queryset.prefetch_related(
        *prefetch_public_connections(),
        Prefetch(
            "indicators",
            queryset=Indicator.objects.filter(experience_report=None),
            to_attr="measure_indicators",
        ),
        "reporting_removed",
    )
    for initiative in queryset.iterator(chunk_size=CHUNK):
        yield [inert(value) for value in _row(initiative)]


def csv_lines(queryset) -> Iterator[str]:
    return csv_stream(columns(), rows(queryset))


def xlsx_file(queryset):
    """A write-only workbook (rows go to disk as they come) in a temporary file."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Measures"))
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title in columns():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows(queryset):
        sheet.append(row)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(handle)
    handle.seek(0)
    return handle
