from django.urls import path

from . import membership_views, views, work_views

app_name = "accounts"

urlpatterns = [
    path("mitt/", work_views.MyWorkView.as_view(), name="my_work"),
    path("organisasjoner/", views.OrganisationListView.as_view(), name="organisation_list"),
    path(
        "organisasjoner/sok.json",
        views.OrganisationSearchView.as_view(),
        name="organisation_search",
    ),
    path("organisasjoner/ny/", views.OrganisationCreateView.as_view(), name="organisation_create"),
    path(
        "organisasjoner/<int:pk>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        "organisasjoner/<int:pk>/rediger/",
        views.OrganisationEditView.as_view(),
        name="organisation_edit",
    ),
    path(
        "organisasjoner/<int:pk>/bli-medlem/",
        views.JoinRequestCreateView.as_view(),
        name="join_request_create",
    ),
    path(
        "organisasjoner/<int:pk>/medlemmer/", membership_views.MembersView.as_view(), name="members"
    ),
    path(
        "organisasjoner/<int:pk>/medlemmer/<int:membership_pk>/",
        membership_views.MembershipEditView.as_view(),
        name="membership_edit",
    ),
    path(
        "organisasjoner/<int:pk>/medlemmer/<int:membership_pk>/fjern/",
        membership_views.MembershipRemoveView.as_view(),
        name="membership_remove",
    ),
    path(
        "organisasjoner/<int:pk>/foresporsler/<int:request_pk>/",
        membership_views.JoinRequestDecideView.as_view(),
        name="join_request_decide",
    ),
    path(
        "organisasjoner/<int:pk>/inviter/",
        membership_views.InvitationCreateView.as_view(),
        name="invitation_create",
    ),
    path(
        "organisasjoner/<int:pk>/utnevn-leder/",
        membership_views.AppointLeaderView.as_view(),
        name="appoint_leader",
    ),
    path(
        "invitasjon/<str:token>/",
        membership_views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
]
