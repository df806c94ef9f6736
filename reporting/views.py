"""Statistics and exports of the overview. Anyone may read and export; the rows follow the
overview's visibility, the statistics count published measures only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from initiatives import effect_tables
from initiatives.followup.selectors import lasting_counts
from initiatives.models import Initiative
from initiatives.overview.area_map import area_map, map_fields
from initiatives.overview.pipeline import Selection
from initiatives.overview.selectors import INITIATIVES, with_export_fields
from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action, can

from . import exports, selectors, services, statistics, yearbook
from .forms import YearbookPickForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filename(extension: str) -> str:
    return f"tiltak-{timezone.localdate():%Y-%m-%d}.{extension}"


def download(rows, filename: str):
    """Measures as a CSV file (streamed) or an Excel workbook, by ``filename``'s ending."""
    if filename.endswith(".csv"):
        response = StreamingHttpResponse(
            exports.csv_lines(rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return FileResponse(
        exports.xlsx_file(rows), as_attachment=True, filename=filename, content_type=XLSX
    )


def _selected_rows(request):
    """The measures the overview shows for this request, sorted, with what a row shows."""
    selection = Selection(request.GET, user=request.user, source=INITIATIVES)
    return with_export_fields(selection.rows())


def export_csv(request):
    """The current filter of /tiltak/ as CSV (semicolon-separated, UTF-8 with BOM)."""
    return download(_selected_rows(request), _filename("csv"))


def export_xlsx(request):
    """The current filter of /tiltak/ as an Excel workbook."""
    return download(_selected_rows(request), _filename("xlsx"))


class StatisticsView(TemplateView):
    """Anyone reads the statistics of published measures, under the overview's filters."""

    template_name = "reporting/statistics.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET
        stats = selectors.statistics(query=query)
        path = reverse("reporting:statistics")
        return super().get_context_data(
            stats=stats,
            overview=stats.panel,  # the filter form reads ``overview.params`` and facets
            charts=statistics.charts(stats, query),
            focus_by_county=statistics.focus_by_county(stats),
            effects=stats.effects,
            hours_tables=effect_tables.hours_tables(
                stats.effects, stats.panel.reference.focus_names
            ),
            evidence=effect_tables.evidence_rows(stats.effects),
            coverage=effect_tables.coverage(stats.effects, stats.total),
            lasting=lasting_counts(),
            map=area_map(stats.panel, query, page_path=path),
            hidden_fields=map_fields(query),
            list_url=path,
            submit_label=_("Show statistics"),
            overview_url=f"{reverse('initiatives:overview')}?{query.urlencode()}",
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        patch_vary_headers(response, ("HX-Request",))
        return response


class YearMixin:
    """The year in the URL; years outside what the register can hold answer 404."""

    @cached_property
    def year(self) -> int:
        year = self.kwargs["year"]
        if not yearbook.valid_year(year):
            raise Http404
        return year


class YearbookView(YearMixin, TemplateView):
    """Anyone reads the yearly overview; ministries and editors see a link to pick for it."""

    template_name = "reporting/yearbook.html"

    def get_context_data(self, **kwargs):
        year = kwargs["year"] = self.year
        return super().get_context_data(
            sections=yearbook.yearbook(year),
            previous_year=year - 1 if yearbook.valid_year(year - 1) else None,
            next_year=year + 1 if yearbook.valid_year(year + 1) else None,
            may_pick=can(self.request.user, Action.YEARBOOK_SELECT),
            **kwargs,
        )


class YearbookExportView(YearMixin, View):
    """The year's overview in the overview's export format (CSV or Excel)."""

    extension = "csv"

    def get(self, request, year):
        ids = yearbook.shown_ids(self.year)
        rows = with_export_fields(Initiative.objects.filter(pk__in=ids).order_by("title", "pk"))
        return download(rows, f"oversikt-{self.year}.{self.extension}")


class YearbookPickView(YearMixin, PolicyRequiredMixin, FormView):
    """Ministries pick which measures of their area the year's overview shows; editors pick
    for every part, the municipal sector included."""

    template_name = "reporting/yearbook_pick.html"
    permission_action = Action.YEARBOOK_SELECT
    form_class = YearbookPickForm

    @cached_property
    def sections(self):
        return yearbook.pickable(self.year, self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sections": self.sections}

    def form_valid(self, form):
        section = form.cleaned_data["section"]
        try:
            count = services.yearbook_picks_set(
                year=self.year,
                section=section.key,
                initiative_ids=form.cleaned_data["tiltak"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if count:
            message = _("Saved: %(count)s measures in %(section)s.")
        else:
            message = _("Saved: %(section)s shows all its measures active in the year.")
        messages.success(self.request, message % {"count": count, "section": section.title})
        return HttpResponseRedirect(reverse("reporting:yearbook_pick", args=[self.year]))

    def get_context_data(self, **kwargs):
        kwargs["year"] = self.year
        return super().get_context_data(sections=self.sections, **kwargs)
