"""The editors' reading of the audit trail: the page at ``/revisjonslogg/`` and its download."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from tillit.core.mixins import PolicyRequiredMixin
from tillit.policy import Action

from . import exports, selectors, services
from .filters import AuditEventFilter


class AuditLogView(PolicyRequiredMixin, TemplateView):
    """Editors read the audit trail, filtered by user, action, object, organisation and
    time; everyone else gets 404."""

    permission_action = Action.AUDIT_READ
    template_name = "core/audit_log.html"

    def get_context_data(self, **kwargs):
        filterset, rows = selectors.audit_events(filters=self.request.GET)
        page = Paginator(rows, settings.AUDIT_LOG_PAGE_SIZE).get_page(self.request.GET.get("side"))
        return super().get_context_data(
            filter=filterset,
            page_obj=page,
            events=selectors.described(page.object_list),
            **kwargs,
        )


class AuditExportView(PolicyRequiredMixin, View):
    """Editors download the current filter of the audit trail as CSV; the download is itself
    recorded. Invalid parameters lead back to the page, which shows what is wrong."""

    permission_action = Action.AUDIT_READ

    def get(self, request):
        filterset, rows = selectors.audit_events(filters=request.GET)
        if not filterset.is_valid():
            return HttpResponseRedirect(f"{reverse('core:audit_log')}?{request.GET.urlencode()}")
        used = {
            name: request.GET.getlist(name)
            for name in AuditEventFilter.base_filters
            if any(value.strip() for value in request.GET.getlist(name))
        }
        event = services.audit_export(by=request.user, filters=used, request=request)
        response = StreamingHttpResponse(
            exports.csv_lines(rows.exclude(pk=event.pk)), content_type="text/csv; charset=utf-8"
        )
        filename = f"revisjonslogg-{timezone.localtime():%Y-%m-%d-%H%M}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
