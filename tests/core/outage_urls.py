"""The site's URLs plus views that raise real database errors that are not outages:
PostgreSQL's "string is too long for tsvector" (an OperationalError, SQLSTATE 54000), and a
query on a closed cursor (an InterfaceError, a programming error)."""

from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import path

from tillit.urls import handler400, handler403, handler404, handler500  # noqa: F401
from tillit.urls import urlpatterns as site_urlpatterns

# About 1.3 MB of distinct words: more than a tsvector holds (1 MB).
TOO_LONG_FOR_TSVECTOR = (
    "SELECT to_tsvector('simple', string_agg(md5(i::text), ' '))"
    " FROM generate_series(1, 40000) AS i"
)


def too_long_for_tsvector(request):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(TOO_LONG_FOR_TSVECTOR)
    return HttpResponse("not reached")


def closed_cursor(request):
    with connection.cursor() as cursor:
        pass
    cursor.execute("SELECT 1")
    return HttpResponse("not reached")


urlpatterns = [
    path("test/data-error/", too_long_for_tsvector),
    path("test/closed-cursor/", closed_cursor),
    *site_urlpatterns,
]
