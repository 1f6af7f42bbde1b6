from django import forms
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import FilterForm, ModelChoiceField, formfield_for
from maillage.organisations.models import Organisation
from maillage.territories.models import Region

from . import services
from .models import Consent, User


class SignupForm(forms.Form):
    """Extra sign-up fields, used by allauth (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("As your peers will see it, for example “Marie Tremblay”."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy policy."),
        help_text=format_lazy(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse_lazy("accounts:privacy_policy"),
            _("Read the privacy policy (opens a new tab)"),
        ),
        error_messages={
            "required": _("You must accept the terms of use and privacy policy.")
        },
    )
    email_notifications = forms.BooleanField(
        label=_("I agree to receive e-mail notifications (optional)."),
        required=False,
    )

    def signup(self, request, user):
        services.complete_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            language=(get_language() or "fr")[:2],
            email_notifications=self.cleaned_data["email_notifications"],
        )


class ProfileForm(forms.ModelForm):
    organisation = ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.select_related("region"),
        required=False,
        empty_label=_("— None —"),
    )
    region = ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=_("— None —"),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=User.Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    expertise_names = forms.CharField(
        label=_("Expertise"),
        required=False,
        max_length=600,
        help_text=_(
            "Separate with commas, for example: local purchasing, "
            "daycare menus, public tenders."
        ),
    )

    class Meta:
        model = User
        formfield_callback = formfield_for
        fields = [
            "display_name",
            "job_title",
            "organisation",
            "region",
            "bio",
            "languages",
            "open_to_contact",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        if self.instance.pk and not self.is_bound:
            self.initial["expertise_names"] = ", ".join(
                t.name for t in self.instance.expertise.all()
            )

    def clean_expertise_names(self):
        names = [
            n.strip()
            for n in self.cleaned_data["expertise_names"].split(",")
            if n.strip()
        ]
        if len(names) > 15:
            raise forms.ValidationError(_("Give at most 15 fields of expertise."))
        if any(len(n) > 60 for n in names):
            raise forms.ValidationError(
                _("Each field of expertise has at most 60 characters.")
            )
        return names


class ConsentForm(forms.Form):
    email_notifications = forms.BooleanField(
        label=_("E-mail notifications"),
        help_text=_("Messages about your communities, sent to your e-mail address."),
        required=False,
    )
    directory = forms.BooleanField(
        label=_("Listing in the cross-community directory"),
        help_text=_(
            "Signed-in people of every community may find your profile. "
            "Without it, only the members of your communities see it."
        ),
        required=False,
    )

    def purposes(self) -> dict[str, bool]:
        return {
            Consent.Purpose.EMAIL: self.cleaned_data["email_notifications"],
            Consent.Purpose.DIRECTORY: self.cleaned_data["directory"],
        }


class AccountDeletionForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput, strip=False
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted for good."),
        error_messages={"required": _("Tick the box to confirm the deletion.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password

    def clean(self):
        cleaned = super().clean()
        for reason in services.deletion_blockers(user=self.user):
            self.add_error(None, reason)
        return cleaned


class DirectoryFilterForm(FilterForm):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    region = ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("All regions"),
    )
    expertise = forms.CharField(label=_("Expertise"), required=False, max_length=60)
