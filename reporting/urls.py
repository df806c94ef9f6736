from django.urls import include, path

app_name = "reporting"

urlpatterns = [
    path("", include("reporting.imports.urls")),
]
