"""The open data API at /api/v1/: published content only, read-only. The pages about it come
first, so /api/v1/ itself describes the dataset."""

from django.urls import path

from . import trials, views  # noqa: F401  (trials adds its operations to the api)
from .endpoints import api

app_name = "api"

urlpatterns = [
    path("", views.AboutView.as_view(), name="about"),
    path("dokumentasjon/", views.DocumentationView.as_view(), name="docs"),
    path("katalog.jsonld", views.catalog, name="catalog"),
    *api.urls[0],
]
