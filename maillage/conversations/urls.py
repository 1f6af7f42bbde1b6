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
    path("echanges/<int:pk>/", views.thread_detail, name="thread_detail"),
    path("echanges/<int:pk>/modifier/", views.thread_update, name="thread_update"),
    path("echanges/<int:pk>/vu/", views.thread_visit, name="thread_visit"),
    path("echanges/<int:pk>/repondre/", views.reply_create, name="reply_create"),
    path("echanges/<int:pk>/reactions/", views.thread_react, name="thread_react"),
    path("echanges/<int:pk>/suivre/", views.thread_follow, name="thread_follow"),
    path("echanges/<int:pk>/signaler/", views.thread_flag, name="thread_flag"),
    path("echanges/<int:pk>/moderer/", views.thread_moderate, name="thread_moderate"),
    path(
        "echanges/<int:pk>/qui-peut-aider/",
        views.thread_helpers,
        name="thread_helpers",
    ),
    # A reply.
    path("echanges/reponses/<int:pk>/", views.reply_permalink, name="reply_permalink"),
    path(
        "echanges/reponses/<int:pk>/modifier/",
        views.reply_update,
        name="reply_update",
    ),
    path(
        "echanges/reponses/<int:pk>/supprimer/",
        views.reply_delete,
        name="reply_delete",
    ),
    path(
        "echanges/reponses/<int:pk>/historique/",
        views.reply_history,
        name="reply_history",
    ),
    path(
        "echanges/reponses/<int:pk>/reactions/",
        views.reply_react,
        name="reply_react",
    ),
    path(
        "echanges/reponses/<int:pk>/solution/",
        views.reply_solution,
        name="reply_solution",
    ),
    path("echanges/reponses/<int:pk>/signaler/", views.reply_flag, name="reply_flag"),
    path(
        "echanges/reponses/<int:pk>/moderer/",
        views.reply_moderate,
        name="reply_moderate",
    ),
    path(
        "echanges/signalements/<int:pk>/classer/",
        views.flag_dismiss,
        name="flag_dismiss",
    ),
]
