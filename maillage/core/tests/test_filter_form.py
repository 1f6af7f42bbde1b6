"""``FilterForm`` draws what Django's templates draw for the same form."""

import re

import pytest
from django import forms
from django.utils import translation

from maillage.core.forms import FilterForm, Select

pytestmark = pytest.mark.django_db


def _django(form) -> str:
    """The form as Django's ``div`` templates draw it."""
    return forms.Form.render(form)


def _squeezed(html: str) -> str:
    """Whitespace between and inside tags does not count."""
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


class _Everything(FilterForm):
    q = forms.CharField(label="Nom & titre", required=False, max_length=5)
    when = forms.CharField(label="Quand?", help_text="<b>aaaa</b>-mm-jj")
    kind = forms.ChoiceField(
        label="Genre", choices=[("", "Tous"), ("a", "A < B")], widget=Select
    )
    page = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("Ces filtres se contredisent.")


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    "data", [None, {}, {"q": "trop long", "kind": "x", "page": "deux"}]
)
def test_the_same_html_as_django_s_templates(language, data):
    with translation.override(language):
        form = _Everything(data)
        if data is not None:
            form.is_valid()
        assert _squeezed(str(form)) == _squeezed(_django(form))


def test_errors_and_help_are_tied_to_their_fields():
    form = _Everything({"q": "trop long"})
    form.is_valid()
    html = str(form)
    assert "Ces filtres se contredisent." in html
    assert 'id="id_when_helptext"' in html
    assert 'aria-describedby="id_q_error"' in html
    assert "Nom &amp; titre" in html
    assert "A &lt; B" in html


def test_a_fieldset_goes_to_django_s_templates():
    class Boxes(FilterForm):
        kinds = forms.MultipleChoiceField(
            choices=[("a", "A")], widget=forms.CheckboxSelectMultiple
        )

    form = Boxes()
    assert "<fieldset" in str(form)
    assert str(form) == _django(form)
