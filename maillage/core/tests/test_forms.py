"""The shared form fields refuse bad input with a message instead of storing it
changed or letting the database fail on it."""

import importlib
import pkgutil
from decimal import Decimal

import pytest
from django import forms
from django.apps import apps
from django.test.html import parse_html
from django.utils import translation

from maillage.accounts.models import User
from maillage.accounts.tests.factories import UserFactory
from maillage.core import forms as core_forms
from maillage.core.forms import (
    MAX_ID,
    DecimalField,
    IdField,
    MarkdownField,
    ModelChoiceField,
    ModelMultipleChoiceField,
    Select,
    SubmissionField,
)

HUGE_ID = "99999999999999999999"


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("22,5", Decimal("22.5")),
        ("22.5", Decimal("22.5")),
        ("  22,50 ", Decimal("22.50")),
        ("1 250,75", Decimal("1250.75")),
        ("1\u00a0250,5", Decimal("1250.5")),
        ("1\u202f250\u202f000", Decimal("1250000")),
        ("12 345 678.9", Decimal("12345678.9")),
        ("-3,5", Decimal("-3.5")),
        ("\u22123,5", Decimal("-3.5")),
        (",5", Decimal("0.5")),
        ("0,125", Decimal("0.125")),
        ("1250", Decimal("1250")),
    ],
)
def test_numbers_are_read_the_french_and_the_english_way(typed, number):
    """A decimal comma or point, and spaces between thousands, are understood."""
    assert DecimalField(decimal_places=3).clean(typed) == number


@pytest.mark.parametrize(
    "typed",
    [
        "22,5,3",
        "1.234,5",
        "1,234.5",
        "12 5",
        "1 2345",
        "abc",
        "1e5",
        "NaN",
        "Infinity",
        "--3",
        "22,5 %",
    ],
)
def test_a_number_that_cannot_be_read_is_refused_with_an_example(typed):
    """Anything else is an error saying how to write it."""
    with pytest.raises(forms.ValidationError) as refused:
        DecimalField().clean(typed)

    assert "22,5" in refused.value.messages[0]


@pytest.mark.parametrize("typed", ["1,250", "1.250", "22,500", "-999.000"])
def test_a_number_that_reads_two_ways_is_refused(typed):
    """ "1,250" is a thousand in English and one and a quarter in French: asked."""
    with pytest.raises(forms.ValidationError) as refused:
        DecimalField(decimal_places=3).clean(typed)

    assert refused.value.code == "ambiguous"


def test_a_number_is_shown_the_readers_way():
    """A stored 22.50 shows as "22,50" in French and "22.50" in English."""

    class Form(forms.Form):
        value = DecimalField(max_digits=12, decimal_places=2)

    with translation.override("fr"):
        french = str(Form(initial={"value": Decimal("22.50")})["value"])
    with translation.override("en"):
        english = str(Form(initial={"value": Decimal("22.50")})["value"])

    assert 'value="22,50"' in french
    assert 'value="22.50"' in english
    assert 'type="text"' in french
    assert 'inputmode="decimal"' in french


def test_too_many_decimals_are_refused_rather_than_rounded():
    """Django's own checks still apply after reading."""
    field = DecimalField(max_digits=12, decimal_places=2)

    with pytest.raises(forms.ValidationError):
        field.clean("22,555")


def test_an_id_field_refuses_an_id_the_database_cannot_hold():
    """A hidden id beyond 64 bits is a form error, not an OverflowError."""
    field = IdField(required=False)

    assert field.clean("12") == 12
    with pytest.raises(forms.ValidationError):
        field.clean(HUGE_ID)
    with pytest.raises(forms.ValidationError):
        field.clean("0")


@pytest.mark.django_db
def test_a_model_choice_beyond_the_database_range_is_an_unknown_choice():
    """The database never sees a 20-digit id."""
    field = ModelChoiceField(queryset=User.objects.all())

    with pytest.raises(forms.ValidationError) as refused:
        field.clean(HUGE_ID)

    assert refused.value.code == "invalid_choice"


@pytest.mark.django_db
def test_model_choices_beyond_the_database_range_are_refused():
    """The same for a list of ids."""
    person = UserFactory()
    field = ModelMultipleChoiceField(queryset=User.objects.all())

    assert list(field.clean([str(person.pk)])) == [person]
    with pytest.raises(forms.ValidationError) as refused:
        field.clean([str(person.pk), HUGE_ID])

    assert refused.value.code == "invalid_pk_value"


def test_the_largest_id_is_still_an_id():
    """The bound is the 64-bit one, not lower."""
    assert core_forms.fits_an_id(str(MAX_ID))
    assert not core_forms.fits_an_id(str(MAX_ID + 1))


def test_a_markdown_field_refuses_deep_nesting_with_the_bound():
    """The error is next to the field, with the bound in it."""

    class Form(forms.Form):
        text = MarkdownField()

    form = Form({"text": "- " * 2000 + "x"})

    assert not form.is_valid()
    assert "au plus 20 niveaux" in form.errors["text"][0]


def test_a_markdown_field_checks_the_length_before_rendering():
    """A text beyond the length is refused for its length alone."""

    class Form(forms.Form):
        text = MarkdownField(max_length=10)

    form = Form({"text": "[" * 20_000})

    assert form.errors["text"] == [
        "Assurez-vous que cette valeur comporte au plus 10 caractères "
        "(actuellement 20000)."
    ]


def test_each_showing_of_a_form_has_a_new_token_and_errors_keep_it():
    """Two showings, two tokens; a form sent back with errors keeps its own."""

    class Form(forms.Form):
        name = forms.CharField()
        submission = SubmissionField()

    first, second = str(Form()["submission"]), str(Form()["submission"])
    sent = Form({"name": "", "submission": "abc_DEF-123"})

    assert first != second
    assert not sent.is_valid()
    assert 'value="abc_DEF-123"' in str(sent["submission"])


def test_a_damaged_token_is_refused():
    with pytest.raises(forms.ValidationError):
        SubmissionField().clean("<script>")


# Every form of the project -----------------------------------------------------


def _project_forms():
    """Every form class defined in a module of the project's apps."""
    found = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("maillage."):
            continue
        for module in pkgutil.iter_modules(config.module.__path__):
            if "forms" in module.name:
                importlib.import_module(f"{config.name}.{module.name}")

    def walk(cls):
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("maillage.") and ".tests" not in (
                sub.__module__
            ):
                found.add(sub)
            walk(sub)

    walk(forms.BaseForm)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__name__}")


def test_every_model_form_takes_its_fields_from_core():
    """A model form's related and decimal fields are the bounded, French ones."""
    model_forms = [f for f in _project_forms() if issubclass(f, forms.ModelForm)]

    assert model_forms
    assert [
        f"{f.__module__}.{f.__name__}"
        for f in model_forms
        if f._meta.formfield_callback is not core_forms.formfield_for
    ] == []


def test_no_form_field_lets_an_unbounded_number_through():
    """Ids and numbers from forms are checked before the database sees them."""
    unsafe = []
    for form in _project_forms():
        for name, field in form.base_fields.items():
            where = f"{form.__module__}.{form.__name__}.{name}"
            if isinstance(field, forms.ModelMultipleChoiceField):
                if not isinstance(field, ModelMultipleChoiceField):
                    unsafe.append(where)
            elif isinstance(field, forms.ModelChoiceField):
                if not isinstance(field, ModelChoiceField):
                    unsafe.append(where)
            elif isinstance(field, forms.DecimalField):
                if not isinstance(field, DecimalField):
                    unsafe.append(where)
            elif isinstance(field, forms.IntegerField) and (
                field.max_value is None or field.max_value > MAX_ID
            ):
                unsafe.append(where)

    assert unsafe == []


# The quick Select ---------------------------------------------------------------


class _Both(forms.Form):
    django_select = forms.ChoiceField(
        label="Région",
        required=False,
        choices=[("", "Toutes"), ("06", "Montréal"), ("x<&", 'Écrit "ainsi" & <b>')],
        widget=forms.Select(attrs={"aria-describedby": "aide", "class": "petit"}),
    )
    quick_select = forms.ChoiceField(
        label="Région",
        required=False,
        choices=[("", "Toutes"), ("06", "Montréal"), ("x<&", 'Écrit "ainsi" & <b>')],
        widget=Select(attrs={"aria-describedby": "aide", "class": "petit"}),
    )


@pytest.mark.parametrize("chosen", ["", "06", "x<&", "inconnu"])
def test_quick_select_draws_what_django_s_templates_draw(chosen):
    """Same HTML as Django's Select (compared as HTML: attribute order and
    blank space aside): names, ids, attributes, escaping, the selected option,
    whatever value came in."""
    form = _Both({"django_select": chosen, "quick_select": chosen})

    def same_names(html, name):
        return html.replace(name, "champ")

    expected = same_names(str(form["django_select"]), "django_select")
    drawn = same_names(str(form["quick_select"]), "quick_select")
    assert parse_html(drawn) == parse_html(expected)
    assert "&lt;b&gt;" in drawn and "<b>" not in drawn


def test_quick_select_leaves_option_groups_to_django():
    grouped = [("Sud", [("16", "Montérégie")]), ("Nord", [("08", "Abitibi")])]
    quick = forms.ChoiceField(choices=grouped, widget=Select)
    plain = forms.ChoiceField(choices=grouped)

    class Pair(forms.Form):
        a = quick
        b = plain

    form = Pair({"a": "08", "b": "08"})
    assert parse_html(
        str(form["a"]).replace('"a"', '"x"').replace("id_a", "id_x")
    ) == parse_html(str(form["b"]).replace('"b"', '"x"').replace("id_b", "id_x"))
    assert "<optgroup" in str(form["a"])
