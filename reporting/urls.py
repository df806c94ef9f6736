from django.urls import include, path

from . import feeds, views

app_name = "reporting"

urlpatterns = [
    path("tiltak/eksport.csv", views.export_csv, name="export_csv"),
    path("tiltak/eksport.xlsx", views.export_xlsx, name="export_xlsx"),
    path("statistikk/", views.StatisticsView.as_view(), name="statistics"),
    path("feed/tiltak/", feeds.PublishedInitiativesFeed(), name="feed"),
    path("oversikt/<int:year>/", views.YearbookView.as_view(), name="yearbook"),
    path(
        "oversikt/<int:year>/eksport.csv",
        views.YearbookExportView.as_view(extension="csv"),
        name="yearbook_csv",
    ),
    path(
        "oversikt/<int:year>/eksport.xlsx",
        views.YearbookExportView.as_view(extension="xlsx"),
        name="yearbook_xlsx",
    ),
    path("oversikt/<int:year>/utvalg/", views.YearbookPickView.as_view(), name="yearbook_pick"),
    path("", include("reporting.imports.urls")),
]
