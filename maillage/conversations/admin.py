"""Staff tools: the tag vocabulary is curated here; exchanges are only looked at,
since every change to them goes through the services (and their moderation log)."""

from django.contrib import admin

from .models import Flag, ModerationLog, Tag, Thread


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_shared"]
    list_filter = ["is_shared"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Thread)
class ThreadAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "community", "author", "created_at"]
    list_filter = ["kind", "community"]
    search_fields = ["title"]
    list_select_related = ["community", "author"]


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ["thread", "reason", "community", "created_at", "resolution"]
    list_filter = ["reason", "resolution"]
    list_select_related = ["thread", "community"]


@admin.register(ModerationLog)
class ModerationLogAdmin(ReadOnlyAdmin):
    list_display = ["action", "community", "actor", "created_at", "reason"]
    list_filter = ["action", "community"]
    list_select_related = ["community", "actor"]
