from django.urls import path

from . import application_views as applications
from . import round_views as rounds
from . import step_views as steps
from . import views

app_name = "trials"

urlpatterns = [
    path("forsok/", views.TrialListView.as_view(), name="list"),
    path("forsok/statistikk/", views.StatisticsView.as_view(), name="statistics"),
    path("forsok/runder/", rounds.RoundListView.as_view(), name="rounds"),
    path("forsok/runder/ny/", rounds.RoundCreateView.as_view(), name="round_create"),
    path("forsok/runder/<int:pk>/", rounds.RoundEditView.as_view(), name="round_edit"),
    path(
        "forsok/ny/<int:initiative_pk>/",
        applications.ApplicationCreateView.as_view(),
        name="create",
    ),
    path("forsok/<int:pk>/", views.TrialDetailView.as_view(), name="detail"),
    path(
        "forsok/<int:pk>/dokument/<int:document_pk>/",
        views.DocumentView.as_view(),
        name="document",
    ),
    path("forsok/<int:pk>/rediger/", applications.ApplicationEditView.as_view(), name="edit"),
    path(
        "forsok/<int:pk>/send-forhandssoknad/",
        steps.SubmitPreliminaryView.as_view(),
        name="submit_preliminary",
    ),
    path(
        "forsok/<int:pk>/til-vurdering/",
        steps.StartAssessmentView.as_view(),
        name="start_assessment",
    ),
    path("forsok/<int:pk>/vurdering/", steps.AssessView.as_view(), name="assess"),
    path("forsok/<int:pk>/utvelging/", steps.SelectView.as_view(), name="select"),
    path("forsok/<int:pk>/soknad/", steps.SubmitFinalView.as_view(), name="submit_final"),
    path("forsok/<int:pk>/godkjenn/", steps.ApproveView.as_view(), name="approve"),
    path("forsok/<int:pk>/avsla/", steps.RefuseView.as_view(), name="refuse"),
    path("forsok/<int:pk>/start/", steps.StartView.as_view(), name="start"),
    path("forsok/<int:pk>/evaluering/", steps.EvaluateView.as_view(), name="evaluate"),
    path("forsok/<int:pk>/avslutt/", steps.EndView.as_view(), name="end"),
]
