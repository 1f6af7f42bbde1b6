"""The one place where user Markdown becomes HTML: rendered, then sanitised."""

import threading

import markdown as md
import nh3
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
