from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("compte/reglages/", views.account_settings, name="account_settings"),
    path("compte/profil/", views.profile_update, name="profile_update"),
    path("compte/bienvenue/", views.welcome, name="welcome"),
    path("compte/confidentialite/", views.privacy_settings, name="privacy_settings"),
    path("compte/mes-donnees/", views.data_export, name="data_export"),
    path("compte/suppression/", views.account_delete, name="account_delete"),
    path("repertoire/", views.directory, name="directory"),
    path("confidentialite/", views.privacy_policy, name="privacy_policy"),
    path("langue/", views.set_language, name="set_language"),
]
