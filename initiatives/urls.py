from django.urls import path

from . import (
    comment_views,
    draft_views,
    experience_views,
    follow_views,
    followup_views,
    map_views,
    relation_views,
    similar_views,
    views,
    workflow_views,
)

c, f, r = comment_views, follow_views, relation_views

app_name = "initiatives"

urlpatterns = [
    path("tiltak/", views.OverviewView.as_view(), name="overview"),
    path("tiltak/kart/", map_views.OverviewMapView.as_view(), name="overview_map"),
    path("tiltak/ny/", views.InitiativeCreateView.as_view(), name="create"),
    path("tiltak/ny/lignende/", similar_views.SimilarCheckView.as_view(), name="similar_check"),
    path("tiltak/<int:pk>/", views.InitiativeDetailView.as_view(), name="detail"),
    path("tiltak/<int:pk>/rediger/", views.InitiativeEditView.as_view(), name="edit"),
    path("tiltak/<int:pk>/send-inn/", workflow_views.InitiativeSubmitView.as_view(), name="submit"),
    path(
        "tiltak/<int:pk>/godkjenning/", workflow_views.InitiativeReviewView.as_view(), name="review"
    ),
    path(
        "tiltak/<int:pk>/arkiver/", workflow_views.InitiativeArchiveView.as_view(), name="archive"
    ),
    path(
        "tiltak/<int:pk>/avpubliser/",
        workflow_views.InitiativeUnpublishView.as_view(),
        name="unpublish",
    ),
    path(
        "tiltak/<int:pk>/medvirkning/", workflow_views.InitiativeAssessView.as_view(), name="assess"
    ),
    path("tiltak/<int:pk>/lignende/", similar_views.SimilarMeasuresView.as_view(), name="similar"),
    path("tiltak/<int:pk>/slett/", draft_views.InitiativeDeleteView.as_view(), name="delete"),
    path(
        "tiltak/<int:pk>/vedlegg/<int:attachment_pk>/",
        views.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
    path(
        "tiltak/<int:pk>/erfaringer/ny/",
        experience_views.ExperienceCreateView.as_view(),
        name="experience_create",
    ),
    path("tiltak/<int:pk>/kommentarer/", c.InitiativeCommentView.as_view(), name="comment"),
    path("tiltak/<int:pk>/folg/", f.FollowInitiativeView.as_view(), name="follow_initiative"),
    path("tiltak/<int:pk>/prov-dette/", r.InitiativeAdoptView.as_view(), name="adopt"),
    path("tiltak/<int:pk>/sammenhenger/", r.InitiativeRelationsView.as_view(), name="relations"),
    path(
        "tiltak/<int:pk>/sammenhenger/<int:relation_pk>/slett/",
        r.InitiativeRelationDeleteView.as_view(),
        name="relation_delete",
    ),
    path(
        "tiltak/<int:pk>/oppfolging/<int:followup_pk>/",
        followup_views.FollowUpAnswerView.as_view(),
        name="followup_answer",
    ),
    path("tiltak/<int:pk>/<slug:slug>/", views.InitiativeDetailView.as_view(), name="detail_slug"),
    path("erfaringer/", experience_views.ExperienceListView.as_view(), name="experience_list"),
    path(
        "erfaringer/<int:pk>/", experience_views.ExperienceDetailView.as_view(), name="experience"
    ),
    path(
        "erfaringer/<int:pk>/rediger/",
        experience_views.ExperienceEditView.as_view(),
        name="experience_edit",
    ),
    path(
        "erfaringer/<int:pk>/send-inn/",
        experience_views.ExperienceSubmitView.as_view(),
        name="experience_submit",
    ),
    path(
        "erfaringer/<int:pk>/publiser/",
        experience_views.ExperiencePublishView.as_view(),
        name="experience_publish",
    ),
    path(
        "erfaringer/<int:pk>/avpubliser/",
        experience_views.ExperienceUnpublishView.as_view(),
        name="experience_unpublish",
    ),
    path("fokusomrader/<slug:slug>/", experience_views.FocusAreaView.as_view(), name="focus_area"),
    path(
        "fokusomrader/<slug:slug>/rediger/",
        experience_views.FocusAreaEditView.as_view(),
        name="focus_area_edit",
    ),
    path("fokusomrader/<slug:slug>/folg/", f.FollowFocusAreaView.as_view(), name="follow_focus"),
    path("erfaringer/<int:pk>/kommentarer/", c.ReportCommentView.as_view(), name="report_comment"),
    path("kommentarer/<int:pk>/svar/", c.CommentReplyView.as_view(), name="comment_reply"),
    path("kommentarer/<int:pk>/rediger/", c.CommentEditView.as_view(), name="comment_edit"),
    path("kommentarer/<int:pk>/slett/", c.CommentDeleteView.as_view(), name="comment_delete"),
    path("kommentarer/<int:pk>/rapporter/", c.CommentFlagView.as_view(), name="comment_flag"),
    path("moderering/", c.ModerationQueueView.as_view(), name="moderation"),
    path("moderering/<int:pk>/", c.ModerationDecideView.as_view(), name="moderate"),
    path("mitt/varsler/", f.FollowsView.as_view(), name="follows"),
    path("mitt/varsler/fylke/", f.FollowCountyView.as_view(), name="follow_county"),
    path("mitt/varsler/innstillinger/", f.MailPreferencesView.as_view(), name="mail_preferences"),
    path("mitt/varsler/<int:pk>/", f.FollowChangeView.as_view(), name="follow_change"),
    path("mitt/varsler/<int:pk>/slutt/", f.FollowEndView.as_view(), name="follow_end"),
    path("avmeld/<str:token>/", f.UnsubscribeView.as_view(), name="unsubscribe"),
    path(
        "oppfolging/<str:token>/", followup_views.FollowUpLinkView.as_view(), name="followup_link"
    ),
]
