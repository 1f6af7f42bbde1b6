from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import (
    FilterForm,
    IdField,
    MarkdownField,
    ModelMultipleChoiceField,
    Select,
    SubmissionField,
)

from .models import (
    KIND_SECTIONS,
    REQUIRED_SECTIONS,
    STATE_SOLVED,
    STATE_UNSOLVED,
    Flag,
    Tag,
    Thread,
)

MARKDOWN_HELP = _(
    "Markdown is allowed: **bold**, *italics*, lists with “-”, links. "
    "Type @ and a name to mention a member."
)

# Help shown under each section, per kind, to guide the telling.
SECTION_HELP = {
    (Thread.Kind.CHALLENGE, "problem"): _(
        "What is the difficulty, concretely? One or two sentences are enough."
    ),
    (Thread.Kind.CHALLENGE, "context"): _(
        "Your kitchen, your institution, your volumes, your constraints."
    ),
    (Thread.Kind.CHALLENGE, "tried"): _(
        "So that others do not suggest what you already know."
    ),
    (Thread.Kind.SUCCESS, "context"): _("Where it happened, and the starting point."),
    (Thread.Kind.SUCCESS, "success_factors"): _(
        "What others should copy: people, timing, tools."
    ),
    (Thread.Kind.TIP, "body"): _("A short, practical piece of know-how."),
}


class ThreadForm(forms.Form):
    """The form of one kind of thread: the title, the kind's sections, tags, links."""

    title = forms.CharField(label=_("Title"), max_length=200)
    tags = ModelMultipleChoiceField(
        label=_("Tags"),
        queryset=Tag.objects.filter(is_shared=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_tags = forms.CharField(
        label=_("Other tags"),
        required=False,
        max_length=300,
        help_text=_("Separate them with commas, e.g. “légumineuses, cuisine froide”."),
    )
    related = ModelMultipleChoiceField(
        label=_("Related threads"),
        queryset=Thread.objects.none(),
        required=False,
        help_text=_("Other threads of this community that are on the same topic."),
    )
    submission = SubmissionField()

    def __init__(self, *args, kind: str, community, thread=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        required = REQUIRED_SECTIONS[kind]
        section_fields = {}
        for name, label in KIND_SECTIONS[kind]:
            section_fields[name] = MarkdownField(
                label=label,
                required=name in required,
                widget=forms.Textarea(
                    attrs={"rows": 6 if name in required else 4, "data-mentions": ""}
                ),
                help_text=SECTION_HELP.get((kind, name), ""),
            )
        # Sections come right after the title, in the kind's order.
        ordered = {"title": self.fields.pop("title"), **section_fields}
        ordered.update(self.fields)
        self.fields = ordered
        related = Thread.objects.published().filter(community=community)
        if thread is not None:
            related = related.exclude(pk=thread.pk)
            del self.fields["submission"]  # an edit may be sent twice
        self.fields["related"].queryset = related.order_by("-created_at")

    def clean_new_tags(self):
        raw = self.cleaned_data["new_tags"]
        return [name.strip() for name in raw.split(",") if name.strip()]

    def sections(self) -> dict[str, str]:
        return {
            name: self.cleaned_data.get(name, "")
            for name, _l in KIND_SECTIONS[self.kind]
        }


class ReplyForm(forms.Form):
    body = MarkdownField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6, "data-mentions": ""}),
        help_text=MARKDOWN_HELP,
        error_messages={"required": _("Write your reply before sending it.")},
    )
    quoted = IdField(required=False)
    submission = SubmissionField()


class ReplyEditForm(forms.Form):
    body = MarkdownField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 8, "data-mentions": ""}),
        help_text=MARKDOWN_HELP,
        error_messages={"required": _("Write your reply before sending it.")},
    )


class ThreadFilterForm(FilterForm):
    type = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Thread.Kind.choices],
        widget=Select,
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False, widget=Select)
    etat = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("All")),
            (STATE_UNSOLVED, _("Unsolved challenges")),
            (STATE_SOLVED, _("Solved challenges")),
        ],
        widget=Select,
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices are the community's tags, already loaded for the page.
        self.tags = {t.slug: t for t in tags}
        self.fields["tag"].choices = [("", _("All tags"))] + [
            (t.slug, t.name) for t in tags
        ]

    def clean_tag(self):
        return self.tags.get(self.cleaned_data["tag"])


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=Flag.Reason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Details for the facilitators"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (kept in the moderation log)"), required=False, max_length=500
    )


class DeleteReplyForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class HelpRequestForm(forms.Form):
    people = forms.TypedMultipleChoiceField(
        label=_("People to ask"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one person.")},
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = [
            (s.person.pk, s.person.public_name) for s in suggestions
        ]
