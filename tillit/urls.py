from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from tillit.core import views as core_views

admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("initiatives.home_urls")),
    path("tilgjengelighet/", core_views.AccessibilityStatementView.as_view(), name="accessibility"),
    path("personvern/", core_views.PrivacyStatementView.as_view(), name="privacy_statement"),
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("konto/mine-data/", include("tillit.accounts.privacy.urls")),
    path("konto/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("tillit.accounts.urls")),
    path("", include("initiatives.urls")),
    path("", include("trials.urls")),
    path("", include("reporting.urls")),
    path("", include("tillit.core.urls")),
    path("api/v1/", include("reporting.api.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "tillit.core.errors.bad_request"
handler403 = "tillit.core.errors.permission_denied"
handler404 = "tillit.core.errors.page_not_found"
handler500 = "tillit.core.errors.server_error"
