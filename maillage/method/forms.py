from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from maillage.communities.models import Community
from maillage.core.forms import (
    MarkdownField,
    ModelMultipleChoiceField,
    SubmissionField,
    formfield_for,
)
from maillage.organisations.models import Sector
from maillage.territories.models import Region

from .models import (
    Charter,
    CommunityProposal,
    CommunitySetupStep,
    Objective,
    ObjectiveProgress,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProposalForm(forms.ModelForm):
    regions = ModelMultipleChoiceField(
        label=_("Regions"),
        queryset=Region.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one region.")},
    )
    submission = SubmissionField()

    class Meta:
        model = CommunityProposal
        formfield_callback = formfield_for
        fields = ["role", "organisation", "name", "domain", "regions", "needs"]
        widgets = {"needs": forms.Textarea(attrs={"rows": 6})}


class ProposalAcceptForm(forms.Form):
    """The community staff create from a proposal, adjusted before accepting."""

    name = forms.CharField(label=_("Name"), max_length=150)
    slug = forms.SlugField(
        label=_("Web address"),
        max_length=80,
        help_text=_("Lower-case letters, digits and hyphens; used in links."),
    )
    domain = forms.CharField(label=_("Domain"), max_length=200)
    description = MarkdownField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown formatting is allowed."),
    )
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
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Community.Visibility.choices,
        initial=Community.Visibility.PRIVATE,
        widget=forms.RadioSelect,
    )
    join_policy = forms.ChoiceField(
        label=_("Join policy"),
        choices=Community.JoinPolicy.choices,
        initial=Community.JoinPolicy.INVITATION,
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the person who proposed it"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    submission = SubmissionField()

    @classmethod
    def for_proposal(cls, proposal, data=None):
        initial = {
            "name": proposal.name,
            "slug": slugify(proposal.name)[:80],
            "domain": proposal.domain,
            "description": proposal.needs,
            "regions": list(proposal.regions.all()),
        }
        return cls(data, initial=initial, prefix="accept")

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if Community.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("This web address is already taken."))
        return slug


class ProposalDeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Why the proposal is declined"),
        help_text=_("The person receives this message by e-mail."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="decline", **kwargs)


class SetupStepForm(forms.ModelForm):
    class Meta:
        model = CommunitySetupStep
        formfield_callback = formfield_for
        fields = ["status", "notes", "skip_reason"]
        widgets = {
            "status": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "skip_reason": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"skip_reason": _("Required when the step is skipped.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each step's form has its own prefix, so that ids stay unique on the page.
        self.prefix = f"step-{self.instance.pk}"

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if (
            status == CommunitySetupStep.Status.SKIPPED
            and not (cleaned.get("skip_reason") or "").strip()
        ):
            self.add_error("skip_reason", _("Say why this step is skipped."))
        return cleaned


class CharterForm(forms.ModelForm):
    note = forms.CharField(
        label=_("What changed, in a few words"),
        required=False,
        max_length=300,
        help_text=_("Shown in the history beside this revision."),
    )

    class Meta:
        model = Charter
        formfield_callback = formfield_for
        fields = [*Charter.FIELDS]
        widgets = {
            "mandate": forms.Textarea(attrs={"rows": 4}),
            "domain": forms.Textarea(attrs={"rows": 3}),
            "who_may_join": forms.Textarea(attrs={"rows": 3}),
            "rhythm": forms.Textarea(attrs={"rows": 3}),
            "meeting_formats": forms.Textarea(attrs={"rows": 3}),
            "rules_of_engagement": forms.Textarea(attrs={"rows": 5}),
            "lifespan": forms.Textarea(attrs={"rows": 2}),
            "review_date": DATE_INPUT,
            "adopted_on": DATE_INPUT,
        }


class ObjectiveForm(forms.ModelForm):
    submission = SubmissionField()

    class Meta:
        model = Objective
        formfield_callback = formfield_for
        fields = [
            "title",
            "description",
            "indicator",
            "baseline",
            "target",
            "unit",
            "due_date",
            "status",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "due_date": DATE_INPUT,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["submission"]  # saving an objective twice is harmless

    def clean(self):
        cleaned = super().clean()
        baseline, target = cleaned.get("baseline"), cleaned.get("target")
        if baseline is not None and target is not None and baseline == target:
            self.add_error("target", _("The target must differ from the baseline."))
        return cleaned


class ProgressForm(forms.ModelForm):
    submission = SubmissionField()

    class Meta:
        model = ObjectiveProgress
        formfield_callback = formfield_for
        fields = ["value", "measured_on", "comment"]
        widgets = {
            "measured_on": DATE_INPUT,
            "comment": forms.Textarea(attrs={"rows": 3}),
        }


class StageChangeForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("New stage"), choices=Community.Stage.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Why the community moves to this stage"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community

    def clean_stage(self):
        stage = self.cleaned_data["stage"]
        if stage == self.community.stage:
            raise forms.ValidationError(_("The community is already at this stage."))
        return stage


class DissolveForm(forms.Form):
    achieved = forms.CharField(
        label=_("What the community achieved"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Objectives reached, tools produced, changes in practice."),
    )
    learned = forms.CharField(
        label=_("What its members learned"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What worked, what did not, advice for the next community."),
    )


class ReorientForm(forms.Form):
    domain = forms.CharField(
        label=_("Domain"),
        max_length=200,
        help_text=_("The shared theme from now on; keep it to set new objectives."),
    )
    reason = forms.CharField(
        label=_("Why the community reorients"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    stage = forms.ChoiceField(
        label=_("Lifecycle stage from now on"),
        choices=Community.Stage.choices,
        widget=forms.RadioSelect,
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the community is reopened"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
