"""Importing measures from a CSV or XLSX file in the export's format."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "organisasjoner/<int:pk>/import/",
        views.ImportUploadView.as_view(),
        name="import_upload",
    ),
    path(
        "organisasjoner/<int:pk>/import/<uuid:batch>/",
        views.ImportPreviewView.as_view(),
        name="import_preview",
    ),
    path(
        "organisasjoner/<int:pk>/import/<uuid:batch>/lagre/",
        views.ImportCommitView.as_view(),
        name="import_commit",
    ),
]
