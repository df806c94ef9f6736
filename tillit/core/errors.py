"""Error pages in the site's design. Each is rendered with the request, so the header shows
the visitor's language and sign-in state; 500 renders without touching the database."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    # No context processors: the failure may be in the database or in one of them.

    return HttpResponseServerError(get_template("500.html").render({"plain_error_page": True}))
