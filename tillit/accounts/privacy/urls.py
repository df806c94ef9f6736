from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.MyDataView.as_view(), name="my_data"),
    path("eksport.json", views.MyDataExportView.as_view(), name="export"),
    path("slett/", views.AccountDeleteView.as_view(), name="delete"),
]
