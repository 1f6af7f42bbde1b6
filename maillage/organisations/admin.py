from django.contrib import admin

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
