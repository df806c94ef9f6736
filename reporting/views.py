"""Exports of the overview. Anyone may export; the rows follow the overview's visibility."""

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from initiatives.overview.selectors import overview_params, overview_rows

from . import exports


def _filename(extension: str) -> str:
    return f"tiltak-{timezone.localdate():%Y-%m-%d}.{extension}"


def export_csv(request):
    """The current filter of /tiltak/ as CSV (semicolon-separated, UTF-8 with BOM)."""
    params, reference = overview_params(request.GET)
    response = StreamingHttpResponse(
        exports.csv_lines(overview_rows(params, request.user, reference)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def export_xlsx(request):
    """The current filter of /tiltak/ as an Excel workbook."""
    params, reference = overview_params(request.GET)
    handle = exports.xlsx_file(overview_rows(params, request.user, reference))
    return FileResponse(
        handle,
        as_attachment=True,
        filename=_filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
