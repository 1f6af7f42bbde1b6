from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import kinds
from .models import Category, Frequency, NotificationPreference


class PreferenceForm(forms.Form):
    """When to e-mail each category; under each, the kinds it covers (the
    labels the apps declared), in the reader's language."""

    about_me = forms.ChoiceField(
        label=gettext_lazy("About me"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
    )
    followed = forms.ChoiceField(
        label=gettext_lazy("Activity I follow"),
        choices=NotificationPreference._meta.get_field("followed").choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for category in Category.values:
            labels = kinds.labels(category)
            if labels:
                self.fields[category].help_text = _("Covers: %(kinds)s.") % {
                    "kinds": " · ".join(labels)
                }
