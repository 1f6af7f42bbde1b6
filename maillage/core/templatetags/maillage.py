"""Site-wide template helpers: Markdown, icons, relative ages, avatars.

``docs/design.md`` says how each is meant to be used.
"""

import zlib
from datetime import datetime
from functools import lru_cache

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from heroicons.templatetags.heroicons import heroicon_micro, heroicon_mini

from maillage.core.markdown import render_markdown, render_markdown_many
from maillage.core.numbers import format_number, format_percent

register = template.Library()

# Number of avatar colours (.avatar-0 to .avatar-7 in maillage.css).
AVATAR_COLOURS = 8
# Longer texts are read from the cache: rendering one costs more than the trip
# (a text of 243 characters: 530 µs to render, 7 µs from the local cache, about
# 150 µs from Redis; docs/performance.md).
CACHED_FROM_LENGTH = 200


@register.filter(name="markdown")
def markdown_filter(text):
    if text and len(text) >= CACHED_FROM_LENGTH:
        return render_markdown_many([text])[0]
    return render_markdown(text)


@lru_cache(maxsize=256)
def _icon(name: str, small: bool) -> str:
    draw = heroicon_micro if small else heroicon_mini
    return str(draw(name, aria_hidden="true", focusable="false", **{"class": "icon"}))


@register.simple_tag
def icon(name, small=False):
    """A heroicons icon as inline SVG, hidden from assistive technologies: the
    text beside it carries the meaning. ``small`` draws the 16 px "micro" set."""
    if not name:
        return ""
    return mark_safe(_icon(str(name), bool(small)))  # noqa: S308 - the package's SVG


@register.simple_tag
def age(value):
    """``value`` as a relative age ("3 hours ago") in a ``<time>`` carrying the
    exact date and time (machine-readable, and shown on hover)."""
    if not isinstance(value, datetime):
        return ""
    now = timezone.now()
    if value > now or (now - value).total_seconds() < 60:
        text = _("just now")
    else:
        text = _("%(age)s ago") % {"age": timesince(value, now, depth=1)}
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        local.isoformat(),
        _to_the_minute(get_language(), local.replace(second=0, microsecond=0)),
        text,
    )


@register.simple_tag
def timestamp(value):
    """``value``'s date and time (``DATETIME_FORMAT``, to the minute) in a
    machine-readable ``<time>``: what ``|date:'c'`` and ``|date:"DATETIME_FORMAT"``
    gave, for a fifth of their cost on a thread of a hundred replies."""
    if not isinstance(value, datetime):
        return ""
    zone = timezone.get_current_timezone_name()
    return _timestamp(get_language(), zone, value)


@lru_cache(maxsize=8192)
def _timestamp(language, zone, value):
    """The ``<time>`` of ``value``, kept per language and time zone (part of the
    key): a thread's page shows the same replies' times to every reader."""
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}">{}</time>',
        local.isoformat(),
        _to_the_minute(language, local.replace(second=0, microsecond=0)),
    )


@lru_cache(maxsize=4096)
def _to_the_minute(language, minute):
    """The date and time a ``<time>`` shows on hover, for the active
    ``language`` (part of the key): a list shows the same times page after page,
    and formatting one costs more than the rest of ``age``."""
    return date_format(minute, "DATETIME_FORMAT")


def initials(name: str) -> str:
    """Up to two letters: the first of the first and last words of ``name``."""
    words = [word for word in str(name).replace("-", " ").split() if word[:1].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def avatar_colour(name: str) -> int:
    """A colour for ``name``, the same on every page and every server."""
    return zlib.crc32(str(name).encode()) % AVATAR_COLOURS


@register.simple_tag
def avatar(name, size=""):
    """A person's initials in a circle, its colour derived from the name;
    decorative (the name is always written beside it)."""
    classes = f"avatar avatar-{avatar_colour(name)}"
    if size:
        classes += f" avatar-{size}"
    return format_html(
        '<span class="{}" aria-hidden="true">{}</span>', classes, initials(name)
    )


@register.filter(name="number")
def number_filter(value):
    """A number as the reader's language writes it: "1 234,5" in French."""
    return format_number(value)


@register.filter(name="percent")
def percent_filter(value):
    """A percentage as the reader's language writes it: "65 %" in French."""
    return format_percent(value)
