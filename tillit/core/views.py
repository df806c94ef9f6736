"""The home page, the accessibility statement, health checks and error pages."""

from django.db import Error as DatabaseError
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from initiatives.models import FocusArea


class HomeView(TemplateView):
    """Anyone: what the portal is, for each of its audiences."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(focus_areas=FocusArea.objects.all(), **kwargs)


class AccessibilityStatementView(TemplateView):
    """Anyone: the accessibility statement required for Norwegian public websites."""

    template_name = "core/accessibility.html"


@never_cache
def healthz(request):
    """The process is alive. Touches no database, so it stays up while the database is down."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
def readyz(request):
    """Ready for traffic: the database answers. 503 with a short body when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse(
            "database unreachable\n", status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
