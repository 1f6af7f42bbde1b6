from django.contrib import admin

from .models import Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "subject", "community"]
    list_filter = ["kind", "created_at", "read_at", "emailed_at"]
    search_fields = ["subject", "recipient__email", "recipient__display_name"]
    list_select_related = ["recipient", "community"]
    raw_id_fields = ["recipient", "actor", "community"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "about_me", "followed", "updated_at"]
    list_filter = ["about_me", "followed"]
    search_fields = ["user__email", "user__display_name"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
