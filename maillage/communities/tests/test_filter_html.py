"""The MemberFilterForm is drawn in Python (``core.forms.FilterForm``): the same
HTML as Django's templates, errors included."""

import re

import pytest
from django import forms

from maillage.communities.forms import MemberFilterForm

pytestmark = pytest.mark.django_db


def _squeezed(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


WRONG = {"q": "x" * 101, "region": "nulle-part", "role": "x"}


@pytest.mark.parametrize("data", [None, {}, WRONG])
def test_the_same_html_as_django_s_templates(data):
    form = MemberFilterForm(data)
    if data is not None:
        form.is_valid()
    assert _squeezed(str(form)) == _squeezed(forms.Form.render(form))
