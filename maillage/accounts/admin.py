from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Consent, ExpertiseTag, PrivacyOfficer, User


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    readonly_fields = ["purpose", "given_at", "withdrawn_at"]
    can_delete = False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "display_name",
        "organisation",
        "region",
        "is_staff",
        "can_launch_communities",
        "is_active",
        "deleted_at",
    ]
    list_filter = ["is_staff", "is_active", "can_launch_communities", "region"]
    search_fields = ["email", "display_name"]
    autocomplete_fields = ["organisation", "expertise"]
    inlines = [ConsentInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "display_name",
                    "job_title",
                    "organisation",
                    "region",
                    "bio",
                    "languages",
                    "expertise",
                    "open_to_contact",
                    "language",
                ]
            },
        ),
        (
            _("Permissions"),
            {
                "fields": [
                    "is_active",
                    "can_launch_communities",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined", "deleted_at"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})
    ]


@admin.register(ExpertiseTag)
class ExpertiseTagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["user", "purpose", "given_at", "withdrawn_at"]
    list_filter = ["purpose"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "purpose", "given_at", "withdrawn_at"]


@admin.register(PrivacyOfficer)
class PrivacyOfficerAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "email", "phone", "updated_at"]
