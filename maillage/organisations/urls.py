from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("nouvelle/", views.organisation_create, name="organisation_create"),
]
