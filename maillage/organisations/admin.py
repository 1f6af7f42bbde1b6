from django.contrib import admin
from django.db import models

from .models import Organisation, Sector


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fr", "name_en", "position"]
    list_editable = ["position"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "region", "website", "created_at"]
    list_filter = ["sector", "region"]
    search_fields = ["name", "normalized_name"]
    autocomplete_fields = ["created_by"]
    # A web address typed without its scheme is taken as https, as in the form.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
