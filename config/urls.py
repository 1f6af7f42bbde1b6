from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Maillage administration")
admin.site.site_title = _("Maillage")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("maillage.core.urls")),
    path("compte/", include("allauth.urls")),
    path("", include("maillage.accounts.urls")),
    path("organisations/", include("maillage.organisations.urls")),
    path("", include("maillage.notifications.urls")),
    path("", include("maillage.conversations.urls")),
    path("", include("maillage.method.urls")),
    path("", include("maillage.communities.urls")),
]
