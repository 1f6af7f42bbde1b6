from django.urls import path

from . import views

app_name = "conversations"

urlpatterns = [
    # A community's exchanges.
    path("c/<slug:slug>/echanges/", views.activity, name="activity"),
    path("c/<slug:slug>/echanges/fils/", views.thread_list, name="thread_list"),
    path(
        "c/<slug:slug>/echanges/nouveau/<slug:kind_slug>/",
        views.thread_create,
        name="thread_create",
    ),
    path(
        "c/<slug:slug>/echanges/suivre/",
        views.community_follow,
        name="community_follow",
    ),
    path(
        "c/<slug:slug>/echanges/mentions/",
        views.mention_suggestions,
        name="mention_suggestions",
    ),
    path(
        "c/<slug:slug>/echanges/mentions/verifier/",
        views.mention_check,
        name="mention_check",
    ),
    path(
        "c/<slug:slug>/echanges/moderation/",
        views.moderation_queue,
        name="moderation_queue",
    ),
    path(
        "c/<slug:slug>/echanges/journal/", views.moderation_log, name="moderation_log"
    ),
    # A thread.
    path("echanges/<id:pk>/", views.thread_detail, name="thread_detail"),
    path("echanges/<id:pk>/modifier/", views.thread_update, name="thread_update"),
    path("echanges/<id:pk>/vu/", views.thread_visit, name="thread_visit"),
    path("echanges/<id:pk>/repondre/", views.reply_create, name="reply_create"),
    path("echanges/<id:pk>/reactions/", views.thread_react, name="thread_react"),
    path("echanges/<id:pk>/suivre/", views.thread_follow, name="thread_follow"),
    path("echanges/<id:pk>/signaler/", views.thread_flag, name="thread_flag"),
    path("echanges/<id:pk>/moderer/", views.thread_moderate, name="thread_moderate"),
    path(
        "echanges/<id:pk>/qui-peut-aider/",
        views.thread_helpers,
        name="thread_helpers",
    ),
    # A reply.
    path("echanges/reponses/<id:pk>/", views.reply_permalink, name="reply_permalink"),
    path(
        "echanges/reponses/<id:pk>/modifier/",
        views.reply_update,
        name="reply_update",
    ),
    path(
        "echanges/reponses/<id:pk>/supprimer/",
        views.reply_delete,
        name="reply_delete",
    ),
    path(
        "echanges/reponses/<id:pk>/historique/",
        views.reply_history,
        name="reply_history",
    ),
    path(
        "echanges/reponses/<id:pk>/reactions/",
        views.reply_react,
        name="reply_react",
    ),
    path(
        "echanges/reponses/<id:pk>/solution/",
        views.reply_solution,
        name="reply_solution",
    ),
    path("echanges/reponses/<id:pk>/signaler/", views.reply_flag, name="reply_flag"),
    path(
        "echanges/reponses/<id:pk>/moderer/",
        views.reply_moderate,
        name="reply_moderate",
    ),
    path(
        "echanges/signalements/<id:pk>/classer/",
        views.flag_dismiss,
        name="flag_dismiss",
    ),
]
