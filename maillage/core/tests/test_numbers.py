"""Numbers as each language writes them."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from maillage.core.numbers import format_amount, format_number, format_percent

NARROW = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        (Decimal("22.50"), "22,5", "22.5"),
        (Decimal("20.00"), "20", "20"),
        (12500, f"12{NARROW}500", "12,500"),
        (Decimal("1234567.891"), f"1{NARROW}234{NARROW}567,89", "1,234,567.89"),
        (0, "0", "0"),
    ],
)
def test_numbers_follow_the_language(value, french, english):
    """French: comma for decimals, narrow no-break space between thousands, no
    trailing zeros; English: point and comma."""
    with translation.override("fr"):
        assert format_number(value) == french
    with translation.override("en"):
        assert format_number(value) == english


def test_percentages_and_dollars_follow_the_language():
    """ "65 %" and "1 200 $" in French; "65%" and "$1,200" in English."""
    with translation.override("fr"):
        assert format_percent(65) == f"65{NBSP}%"
        assert format_amount(1200, "$") == f"1{NARROW}200{NBSP}$"
        assert format_amount(Decimal("20.00"), "recettes") == f"20{NBSP}recettes"
    with translation.override("en"):
        assert format_percent(65) == "65%"
        assert format_amount(1200, "$") == "$1,200"


def test_nothing_to_write_is_written_as_nothing():
    """A missing value shows nothing rather than "None"."""
    assert format_number(None) == format_percent(None) == ""
    assert format_amount(None, "%") == ""


def test_template_filters():
    """The ``number`` and ``percent`` filters use the same formatting."""
    template = Template("{% load maillage %}{{ n|number }} · {{ p|percent }}")
    with translation.override("fr"):
        text = template.render(Context({"n": Decimal("4.50"), "p": 62}))

    assert text == f"4,5 · 62{NBSP}%"
