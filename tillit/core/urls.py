from django.urls import path

from . import audit_views

app_name = "core"

urlpatterns = [
    path("revisjonslogg/", audit_views.AuditLogView.as_view(), name="audit_log"),
    path("revisjonslogg/eksport.csv", audit_views.AuditExportView.as_view(), name="audit_export"),
]
