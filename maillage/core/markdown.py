"""The one place where user Markdown becomes HTML: rendered, then sanitised."""

import hashlib
import threading

import markdown as md
import nh3
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


_parsers = threading.local()


def _parser() -> md.Markdown:
    """This thread's Markdown parser: building one costs twice a conversion, and
    an instance is not safe to share between threads."""
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = md.Markdown(extensions=["extra", "sane_lists"], output_format="html")
        _parsers.parser = parser
    return parser


def render_markdown(text: str) -> SafeString:
    """Return sanitised HTML for ``text``: only an allow-list of tags survives."""
    if not text:
        return mark_safe("")
    html = _parser().reset().convert(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


# Rendered HTML depends on the text and on the rules above: change this version
# when they change, so that no page shows HTML made under the old rules.
RENDER_VERSION = 1
CACHE_SECONDS = 7 * 24 * 3600


def render_markdown_many(texts: list[str]) -> list[SafeString]:
    """``render_markdown`` for many texts at once (a thread's replies), through
    the cache: one round trip to read them all, the missing ones rendered and
    stored. Keyed on the text itself, so that an edit is never served stale."""
    keys = [
        f"md:{RENDER_VERSION}:{hashlib.sha256(text.encode()).hexdigest()}"
        for text in texts
    ]
    cached = cache.get_many(set(keys))
    missing = {}
    results = []
    for key, text in zip(keys, texts, strict=True):
        html = cached.get(key)
        if html is None:
            html = missing[key] = str(render_markdown(text))
        results.append(mark_safe(html))  # noqa: S308 - made by render_markdown
    if missing:
        cache.set_many(missing, CACHE_SECONDS)
    return results
