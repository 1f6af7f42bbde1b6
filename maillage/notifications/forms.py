from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency, NotificationPreference


class PreferenceForm(forms.Form):
    about_me = forms.ChoiceField(
        label=_("About me"),
        help_text=_(
            "Mentions of you, replies to your threads, solutions, requests for "
            "help, and flagged content for moderators."
        ),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
    )
    followed = forms.ChoiceField(
        label=_("Activity I follow"),
        help_text=_(
            "New replies in threads you follow and new threads in communities "
            "you follow."
        ),
        choices=NotificationPreference._meta.get_field("followed").choices,
        widget=forms.RadioSelect,
    )
