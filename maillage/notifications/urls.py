from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="notification_list"),
    path(
        "notifications/tout-lu/",
        views.notification_mark_all_read,
        name="notification_mark_all_read",
    ),
    path(
        "notifications/<id:pk>/lu/",
        views.notification_mark_read,
        name="notification_mark_read",
    ),
    path(
        "notifications/<id:pk>/ouvrir/",
        views.notification_open,
        name="notification_open",
    ),
    path("compte/notifications/", views.preferences, name="preferences"),
    path(
        "notifications/desabonnement/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
]
