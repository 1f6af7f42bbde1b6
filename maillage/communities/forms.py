from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import (
    FilterForm,
    ModelChoiceField,
    ModelMultipleChoiceField,
    Select,
    SubmissionField,
    formfield_for,
)
from maillage.organisations.models import Sector
from maillage.territories.models import Region

from .models import Community, Invitation, Membership


class CommunityForm(forms.ModelForm):
    regions = ModelMultipleChoiceField(
        label=_("Regions"),
        queryset=Region.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one region.")},
    )
    sectors = ModelMultipleChoiceField(
        label=_("Sectors of focus"),
        queryset=Sector.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    submission = SubmissionField()

    class Meta:
        model = Community
        formfield_callback = formfield_for
        fields = [
            "name",
            "slug",
            "domain",
            "description",
            "regions",
            "sectors",
            "visibility",
            "join_policy",
        ]
        widgets = {
            "visibility": forms.RadioSelect,
            "join_policy": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "visibility": _(
                "Public: anyone may read. Restricted: the presentation is public, "
                "the content is for members. Private: hidden from everyone but "
                "members and invitees."
            ),
        }

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        taken = Community.objects.filter(slug=slug)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("This web address is already taken."))
        return slug


class CommunityUpdateForm(CommunityForm):
    submission = None  # saving a presentation twice changes nothing

    class Meta(CommunityForm.Meta):
        fields = [f for f in CommunityForm.Meta.fields if f != "slug"]


class MembershipRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Your message to the facilitators"),
        help_text=_("Say who you are and what you hope to share or learn."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
    )


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _guest_expert_end(cleaned: dict) -> dict:
    """Keep the end date for a guest expert only; it cannot be in the past."""
    until = cleaned.get("guest_expert_until")
    if cleaned.get("role") != Membership.Role.GUEST_EXPERT:
        cleaned["guest_expert_until"] = None
    elif until is not None and until < timezone.localdate():
        raise forms.ValidationError(
            {
                "guest_expert_until": _(
                    "The last day as guest expert cannot be in the past."
                )
            }
        )
    return cleaned


class InvitationForm(forms.ModelForm):
    submission = SubmissionField()

    class Meta:
        model = Invitation
        formfield_callback = formfield_for
        fields = ["email", "role", "guest_expert_until", "message"]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 4}),
            "guest_expert_until": DATE_INPUT,
        }

    def clean(self):
        return _guest_expert_end(super().clean())


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, widget=Select
    )
    guest_expert_until = forms.DateField(
        label=_("Guest expert until"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("For a guest expert: the last day of that role. Optional."),
    )

    def clean(self):
        return _guest_expert_end(super().clean())


# The values of buttons that choose (checked with ``core.http.posted_choice``).
DECISIONS = {"approve": _("Approve"), "decline": _("Decline")}
INVITATION_ANSWERS = {"accept": _("Accept"), "decline": _("Decline")}


class CommunityFilterForm(FilterForm):
    region = ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("All regions"),
    )
    sector = ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("All sectors"),
    )


class MemberFilterForm(CommunityFilterForm):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[("", _("All roles")), *Membership.Role.choices],
        widget=Select,
    )
    expertise = forms.CharField(label=_("Expertise"), required=False, max_length=60)
