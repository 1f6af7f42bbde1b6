"""The method's addresses: the same French paths as when it lived in
``communities``, so that no link breaks; the names are ``method:…``."""

from django.urls import path

from . import proposal_views, views

app_name = "method"

urlpatterns = [
    # The guide and proposals.
    path("lancer-une-communaute/", proposal_views.guide, name="guide"),
    path(
        "lancer-une-communaute/propositions/",
        proposal_views.proposal_list,
        name="proposal_list",
    ),
    path(
        "lancer-une-communaute/propositions/<id:pk>/",
        proposal_views.proposal_detail,
        name="proposal_detail",
    ),
    path(
        "lancer-une-communaute/propositions/<id:pk>/accepter/",
        proposal_views.proposal_accept,
        name="proposal_accept",
    ),
    path(
        "lancer-une-communaute/propositions/<id:pk>/refuser/",
        proposal_views.proposal_decline,
        name="proposal_decline",
    ),
    # A community's setup path, charter, objectives, stages, dashboard, closing.
    path("c/<slug:slug>/demarrage/", views.setup_path, name="setup_path"),
    path(
        "c/<slug:slug>/demarrage/<id:pk>/",
        views.setup_step_update,
        name="setup_step_update",
    ),
    path("c/<slug:slug>/charte/", views.charter_detail, name="charter_detail"),
    path(
        "c/<slug:slug>/charte/modifier/",
        views.charter_update,
        name="charter_update",
    ),
    path(
        "c/<slug:slug>/charte/historique/",
        views.charter_history,
        name="charter_history",
    ),
    path("c/<slug:slug>/objectifs/", views.objective_list, name="objective_list"),
    path(
        "c/<slug:slug>/objectifs/nouveau/",
        views.objective_create,
        name="objective_create",
    ),
    path(
        "c/<slug:slug>/objectifs/<id:pk>/",
        views.objective_detail,
        name="objective_detail",
    ),
    path(
        "c/<slug:slug>/objectifs/<id:pk>/modifier/",
        views.objective_update,
        name="objective_update",
    ),
    path(
        "c/<slug:slug>/objectifs/<id:pk>/progres/",
        views.objective_progress,
        name="objective_progress",
    ),
    path("c/<slug:slug>/etapes/", views.stage_timeline, name="stage_timeline"),
    path("c/<slug:slug>/tableau-de-bord/", views.dashboard, name="dashboard"),
    path("c/<slug:slug>/fermer/", views.closing, name="closing"),
    path(
        "c/<slug:slug>/fermer/dissoudre/",
        views.community_dissolve,
        name="community_dissolve",
    ),
    path(
        "c/<slug:slug>/fermer/reorienter/",
        views.community_reorient,
        name="community_reorient",
    ),
    path("c/<slug:slug>/rouvrir/", views.community_reopen, name="community_reopen"),
]
