from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    Charter,
    CharterRevision,
    CommunityProposal,
    CommunitySetupStep,
    Dissolution,
    Objective,
    ObjectiveProgress,
    Reorientation,
    SetupStepTemplate,
    StageChange,
)


@admin.register(CommunityProposal)
class CommunityProposalAdmin(admin.ModelAdmin):
    list_display = ["name", "proposer", "organisation", "status", "created_at"]
    list_filter = ["status", "regions"]
    search_fields = ["name", "domain", "organisation", "proposer__email"]
    autocomplete_fields = ["proposer"]
    filter_horizontal = ["regions"]
    # Accepting creates the community and tells the proposer: that happens on
    # the review page, not by editing the status here.
    readonly_fields = ["status", "decided_by", "decided_at", "community"]


@admin.register(SetupStepTemplate)
class SetupStepTemplateAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "title_en", "position", "is_active"]
    list_editable = ["position", "is_active"]
    fieldsets = [
        (None, {"fields": ["position", "is_active"]}),
        (_("French"), {"fields": ["title_fr", "advice_fr", "deliverable_fr"]}),
        (_("English"), {"fields": ["title_en", "advice_en", "deliverable_en"]}),
    ]


@admin.register(CommunitySetupStep)
class CommunitySetupStepAdmin(admin.ModelAdmin):
    list_display = ["title_fr", "community", "status", "changed_at"]
    list_filter = ["status", "community"]
    search_fields = ["title_fr", "title_en", "community__name"]
    readonly_fields = ["template", "changed_by", "changed_at"]


@admin.register(CharterRevision)
class CharterRevisionAdmin(admin.ModelAdmin):
    list_display = ["community", "number", "created_at", "created_by", "note"]
    list_filter = ["community"]
    # A revision is a record of the past: it is never edited.
    readonly_fields = ["community", "number", "values", "note", "created_by"]

    def has_add_permission(self, request):
        return False


@admin.register(Charter)
class CharterAdmin(admin.ModelAdmin):
    list_display = ["community", "adopted_on", "review_date", "updated_at"]
    search_fields = ["community__name"]
    # Revisions are written by the charter page, so that each save is kept.
    readonly_fields = [*Charter.FIELDS, "community", "updated_by"]


class ObjectiveProgressInline(admin.TabularInline):
    model = ObjectiveProgress
    extra = 0
    fields = ["measured_on", "value", "comment", "recorded_by"]
    readonly_fields = ["recorded_by"]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["title", "community", "status", "due_date"]
    list_filter = ["status", "community"]
    search_fields = ["title", "community__name"]
    readonly_fields = ["created_by"]
    inlines = [ObjectiveProgressInline]


@admin.register(StageChange)
class StageChangeAdmin(admin.ModelAdmin):
    list_display = ["community", "from_stage", "to_stage", "created_at", "changed_by"]
    list_filter = ["to_stage", "community"]
    readonly_fields = ["community", "from_stage", "to_stage", "changed_by"]


@admin.register(Reorientation)
class ReorientationAdmin(admin.ModelAdmin):
    list_display = ["community", "new_domain", "created_at", "reoriented_by"]
    readonly_fields = ["community", "previous_domain", "new_domain", "reoriented_by"]


@admin.register(Dissolution)
class DissolutionAdmin(admin.ModelAdmin):
    list_display = ["community", "created_at", "reopened_at"]
    readonly_fields = [
        "community",
        "dissolved_by",
        "created_at",
        "reopened_at",
        "reopened_by",
    ]
