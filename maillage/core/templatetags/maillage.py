from django import template

from maillage.core.markdown import render_markdown, render_markdown_many

register = template.Library()

# Longer texts are read from the cache: rendering one costs more than the trip.
CACHED_FROM_LENGTH = 1000


@register.filter(name="markdown")
def markdown_filter(text):
    if text and len(text) >= CACHED_FROM_LENGTH:
        return render_markdown_many([text])[0]
    return render_markdown(text)
