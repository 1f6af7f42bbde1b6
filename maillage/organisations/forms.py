from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import formfield_for
from maillage.core.text import fold

from .models import Organisation


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        formfield_callback = formfield_for
        fields = ["name", "sector", "region", "website"]

    def clean(self):
        cleaned = super().clean()
        name, region = cleaned.get("name"), cleaned.get("region")
        if name and region:
            duplicate = Organisation.objects.filter(
                normalized_name=fold(name), region=region
            )
            if self.instance.pk:
                duplicate = duplicate.exclude(pk=self.instance.pk)
            if duplicate.exists():
                self.add_error(
                    "name",
                    _(
                        "An organisation with this name already exists in this "
                        "region: choose it in your profile instead."
                    ),
                )
        return cleaned
