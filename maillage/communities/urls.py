from django.urls import path

from . import method_views, views

app_name = "communities"

urlpatterns = [
    path("", views.home, name="home"),
    path("communautes/nouvelle/", views.community_create, name="community_create"),
    path("c/<slug:slug>/", views.community_detail, name="community_detail"),
    path("c/<slug:slug>/modifier/", views.community_update, name="community_update"),
    path("c/<slug:slug>/membres/", views.member_list, name="member_list"),
    path("c/<slug:slug>/rejoindre/", views.community_join, name="community_join"),
    path("c/<slug:slug>/demande/", views.membership_request, name="membership_request"),
    path("c/<slug:slug>/quitter/", views.community_leave, name="community_leave"),
    path("c/<slug:slug>/demandes/", views.request_list, name="request_list"),
    path(
        "c/<slug:slug>/demandes/<id:pk>/decision/",
        views.request_decide,
        name="request_decide",
    ),
    path("c/<slug:slug>/invitations/", views.invitation_list, name="invitation_list"),
    path(
        "c/<slug:slug>/invitations/<id:pk>/retirer/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "c/<slug:slug>/membres/<id:pk>/role/",
        views.membership_role,
        name="membership_role",
    ),
    path(
        "c/<slug:slug>/membres/<id:pk>/retirer/",
        views.membership_remove,
        name="membership_remove",
    ),
    path(
        "c/<slug:slug>/invitation/",
        views.invitation_respond,
        name="invitation_respond",
    ),
    path("invitations/<str:token>/", views.invitation_detail, name="invitation_detail"),
    path("membres/<id:pk>/", views.profile_detail, name="profile_detail"),
    # The method: guide and proposals.
    path("lancer-une-communaute/", method_views.guide, name="guide"),
    path(
        "lancer-une-communaute/propositions/",
        method_views.proposal_list,
        name="proposal_list",
    ),
    path(
        "lancer-une-communaute/propositions/<id:pk>/",
        method_views.proposal_detail,
        name="proposal_detail",
    ),
    path(
        "lancer-une-communaute/propositions/<id:pk>/accepter/",
        method_views.proposal_accept,
        name="proposal_accept",
    ),
    path(
        "lancer-une-communaute/propositions/<id:pk>/refuser/",
        method_views.proposal_decline,
        name="proposal_decline",
    ),
    # The method: a community's setup path, charter, objectives, stages, closing.
    path("c/<slug:slug>/demarrage/", method_views.setup_path, name="setup_path"),
    path(
        "c/<slug:slug>/demarrage/<id:pk>/",
        method_views.setup_step_update,
        name="setup_step_update",
    ),
    path("c/<slug:slug>/charte/", method_views.charter_detail, name="charter_detail"),
    path(
        "c/<slug:slug>/charte/modifier/",
        method_views.charter_update,
        name="charter_update",
    ),
    path(
        "c/<slug:slug>/charte/historique/",
        method_views.charter_history,
        name="charter_history",
    ),
    path(
        "c/<slug:slug>/objectifs/", method_views.objective_list, name="objective_list"
    ),
    path(
        "c/<slug:slug>/objectifs/nouveau/",
        method_views.objective_create,
        name="objective_create",
    ),
    path(
        "c/<slug:slug>/objectifs/<id:pk>/",
        method_views.objective_detail,
        name="objective_detail",
    ),
    path(
        "c/<slug:slug>/objectifs/<id:pk>/modifier/",
        method_views.objective_update,
        name="objective_update",
    ),
    path(
        "c/<slug:slug>/objectifs/<id:pk>/progres/",
        method_views.objective_progress,
        name="objective_progress",
    ),
    path("c/<slug:slug>/etapes/", method_views.stage_timeline, name="stage_timeline"),
    path("c/<slug:slug>/tableau-de-bord/", method_views.dashboard, name="dashboard"),
    path("c/<slug:slug>/fermer/", method_views.closing, name="closing"),
    path(
        "c/<slug:slug>/fermer/dissoudre/",
        method_views.community_dissolve,
        name="community_dissolve",
    ),
    path(
        "c/<slug:slug>/fermer/reorienter/",
        method_views.community_reorient,
        name="community_reorient",
    ),
    path(
        "c/<slug:slug>/rouvrir/", method_views.community_reopen, name="community_reopen"
    ),
    path(
        "c/<slug:slug>/exporter/",
        method_views.community_export,
        name="community_export",
    ),
]
