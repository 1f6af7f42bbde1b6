from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Community, Invitation, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "community"
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "state", "joined_at"]


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "visibility", "join_policy", "stage", "created_at"]
    list_filter = ["visibility", "join_policy", "stage", "regions"]
    search_fields = ["name", "slug", "domain"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["regions", "sectors"]
    # A stage change is recorded with its reason on the lifecycle page.
    readonly_fields = ["stage"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "community", "role", "state", "joined_at"]
    list_filter = ["role", "state", "community"]
    search_fields = ["user__email", "user__display_name", "community__name"]
    autocomplete_fields = ["user", "community"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "community",
        "role",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    list_filter = ["community", "role"]
    search_fields = ["email", "community__name"]
    readonly_fields = ["link_fingerprint"]
    exclude = ["token_hash"]

    @admin.display(
        description=_("fingerprint of the link (the link itself is not kept)")
    )
    def link_fingerprint(self, invitation):
        return invitation.token_hash
