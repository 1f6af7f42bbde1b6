from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import kinds
from .models import Notification, NotificationPreference


class KindFilter(admin.SimpleListFilter):
    """Filter by the kinds the apps declared (the column has no choices)."""

    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind.key, kind.label) for kind in kinds.registered()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(kind=self.value())
        return queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind_label", "subject", "community"]
    list_filter = [KindFilter, "created_at", "read_at", "emailed_at"]
    search_fields = ["subject", "recipient__email", "recipient__display_name"]
    list_select_related = ["recipient", "community"]
    raw_id_fields = ["recipient", "actor", "community"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "kind_label"]

    @admin.display(description=_("kind"), ordering="kind")
    def kind_label(self, notification):
        return notification.kind_info.label


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "about_me", "followed", "updated_at"]
    list_filter = ["about_me", "followed"]
    search_fields = ["user__email", "user__display_name"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
