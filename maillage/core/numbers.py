"""Numbers written as the reader's language writes them.

French: "1 234,5" (narrow no-break space between thousands, comma for
decimals) and "65 %"; English: "1,234.5" and "65%".
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import pgettext


def format_number(value) -> str:
    """``value`` rounded to two decimals, without trailing zeros ("22,5", not
    "22,50"), thousands grouped."""
    if value is None:
        return ""
    number = Decimal(str(value)).quantize(Decimal("0.01")).normalize()
    places = max(0, -number.as_tuple().exponent)
    return number_format(number, decimal_pos=places, force_grouping=True)


def format_percent(value) -> str:
    """A percentage: "65 %" in French (no-break space), "65%" in English."""
    if value is None:
        return ""
    return pgettext("percentage", "%(number)s%%") % {"number": format_number(value)}


def format_amount(value, unit: str) -> str:
    """A number with its unit: "20 recettes", "35 %", "1 200 $" ("$1,200" in
    English); the unit as typed, after a no-break space, when it is not a
    symbol the language places otherwise."""
    if value is None:
        return ""
    unit = (unit or "").strip()
    if unit == "%":
        return format_percent(value)
    if unit == "$":
        return pgettext("amount in dollars", "$%(number)s") % {
            "number": format_number(value)
        }
    if not unit:
        return format_number(value)
    return f"{format_number(value)}\u00a0{unit}"
