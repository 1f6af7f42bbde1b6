from django.urls import path

from . import views

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
    path(
        "c/<slug:slug>/exporter/",
        views.community_export,
        name="community_export",
    ),
]
