from django import template

from maillage.core.markdown import render_markdown
from maillage.core.numbers import format_number, format_percent

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)


@register.filter(name="number")
def number_filter(value):
    """A number as the reader's language writes it: "1 234,5" in French."""
    return format_number(value)


@register.filter(name="percent")
def percent_filter(value):
    """A percentage as the reader's language writes it: "65 %" in French."""
    return format_percent(value)
