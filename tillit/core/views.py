"""The accessibility and privacy statements and the health checks (the home page is the
initiatives app's: ``initiatives.home_views``)."""

from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import connections
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .errors import CACHE_ERRORS
from .retention import retention_periods
from .routing import REPLICA


class AccessibilityStatementView(TemplateView):
    """Anyone: the accessibility statement required for Norwegian public websites."""

    template_name = "core/accessibility.html"
    # Change this date whenever the statement's content changes.
    updated = date(2026, 11, 22)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            updated=self.updated, contact_email=settings.ACCESSIBILITY_CONTACT_EMAIL, **kwargs
        )


class PrivacyStatementView(TemplateView):
    """Anyone: the privacy statement, with the retention times in force."""

    template_name = "core/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            retention=retention_periods(),
            contact_email=settings.OPEN_DATA_CONTACT_EMAIL,
            **kwargs,
        )


def _probe_response(request, text: str, status: int = 200) -> HttpResponse:
    """Plain text for monitors; a minimal accessible page when a browser asks for HTML."""
    if "text/html" in request.headers.get("Accept", ""):
        body = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Tillitsportalen: {text}</title></head><body><main><p>{text}</p></main>"
            f"</body></html>"
        )
        return HttpResponse(body, status=status)
    return HttpResponse(f"{text}\n", status=status, content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request):
    """The process is alive. Touches no database, so it stays up while the database is down."""
    return _probe_response(request, "ok")


@never_cache
def readyz(request):
    """Ready for traffic: the primary database answers, and Redis too when it is configured.
    503 naming what is unreachable when one does not. A replica that does not answer is
    named in the body but keeps the server in rotation: its pages read from the primary."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return _probe_response(request, "database unreachable", status=503)
    if settings.REDIS_URL:
        try:
            cache.get("readyz")
        except CACHE_ERRORS:
            return _probe_response(request, "redis unreachable", status=503)
    if REPLICA in connections:
        try:
            with connections[REPLICA].cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            return _probe_response(request, "ok; database replica unreachable")
    return _probe_response(request, "ok")
