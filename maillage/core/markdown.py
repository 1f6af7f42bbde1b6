"""The one place where user Markdown becomes HTML: rendered, then sanitised.

Showing a text never fails: a text the renderer cannot render (nested too deeply
for Python's stack, or taking longer than ``DISPLAY_SECONDS`` of processor time)
is shown as escaped plain text, its paragraphs and line breaks kept, and logged
on ``maillage.markdown`` with its length (never its content). Saving a text is
stricter: ``validate_markdown`` (used by ``core.forms.MarkdownField``) refuses
nesting deeper than ``MAX_NESTING`` and any text that does not render within
``VALIDATION_SECONDS``, so that what is accepted always renders when shown.
"""

import hashlib
import logging
import re
import sys
import threading
import time
from contextlib import contextmanager

import markdown as md
import nh3
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .text import showable

logger = logging.getLogger("maillage.markdown")

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

# Lists and block quotes inside each other. Real writing nests three or four
# levels (a quote of a reply that quotes another, a list of sub-points); the
# renderer recurses once per level and exhausts Python's stack near 500.
MAX_NESTING = 20
# Processor time (not wall time, so that a busy server does not refuse a text)
# that rendering may take. A real 20,000-character text takes about 0.03 s;
# some runs of brackets take minutes (the renderer is quadratic on them).
VALIDATION_SECONDS = 0.5
DISPLAY_SECONDS = 1.0
# Longer stored texts are shown as plain text: the sanitiser's time grows with
# the square of the nesting, and no form accepts more than 20,000 characters.
MAX_RENDERED_LENGTH = 100_000


class RenderTimeout(Exception):
    """Rendering took longer than its processor-time budget."""


class TextTooLong(Exception):
    """The text is longer than anything the site renders as Markdown."""


_parsers = threading.local()


def _parser() -> md.Markdown:
    """This thread's Markdown parser: building one costs twice a conversion, and
    an instance is not safe to share between threads."""
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = md.Markdown(extensions=["extra", "sane_lists"], output_format="html")
        _parsers.parser = parser
    return parser


@contextmanager
def _time_budget(seconds: float):
    """Raise ``RenderTimeout`` inside the block once this thread has used
    ``seconds`` of processor time.

    A profile hook, called on every Python function call of this thread only,
    looks at the clock every 32 calls; the renderer is pure Python, so it is
    interrupted wherever it loops.
    """
    deadline = time.thread_time() + seconds
    calls = 0

    def check(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1
            if not calls % 32 and time.thread_time() > deadline:
                raise RenderTimeout

    previous = sys.getprofile()
    sys.setprofile(check)
    try:
        yield
    finally:
        sys.setprofile(previous)


def _render(text: str, seconds: float) -> str:
    """Sanitised HTML for ``text``; raises whatever the renderer raises."""
    if len(text) > MAX_RENDERED_LENGTH:
        raise TextTooLong
    # Control characters go first: the renderer uses STX and ETX as its own marks.
    text = showable(text)
    parser = _parser()
    try:
        with _time_budget(seconds):
            html = parser.reset().convert(text)
    except BaseException:
        # An interrupted parser keeps half a conversion in its state and renders
        # the next texts wrongly: the next call builds a fresh one.
        _parsers.parser = None
        raise
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


def plain_text_html(text: str) -> SafeString:
    """``text`` escaped, as paragraphs and line breaks: what a text that cannot be
    rendered shows."""
    return linebreaks(showable(text), autoescape=True)


def _render_or_fallback(text: str) -> tuple[str, bool]:
    """The HTML to show for ``text`` and whether the renderer made it."""
    try:
        return _render(text, DISPLAY_SECONDS), True
    except Exception as error:  # whatever fails, the page is shown
        logger.warning(
            "A text of %d characters could not be rendered as Markdown (%s); "
            "it is shown as plain text.",
            len(text),
            type(error).__name__,
            extra={"text_length": len(text), "reason": type(error).__name__},
        )
        return str(plain_text_html(text)), False


def render_markdown(text: str) -> SafeString:
    """Return sanitised HTML for ``text``: only an allow-list of tags survives.

    Never raises: see the module's docstring.
    """
    if not text:
        return mark_safe("")
    html, _rendered = _render_or_fallback(text)
    return mark_safe(html)  # noqa: S308 - sanitised by nh3, or escaped


# Rendered HTML depends on the text and on the rules above: change this version
# when they change, so that no page shows HTML made under the old rules.
RENDER_VERSION = 2
CACHE_SECONDS = 7 * 24 * 3600
# A text shown as plain text is tried again after this long (the failure may
# have been a busy machine rather than the text).
FALLBACK_CACHE_SECONDS = 600


def _cache_key(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"md:{RENDER_VERSION}:{digest}"


def render_markdown_many(texts: list[str]) -> list[SafeString]:
    """``render_markdown`` for many texts at once (a thread's replies), through
    the cache: one round trip to read them all, the missing ones rendered and
    stored. Keyed on the text itself, so that an edit is never served stale."""
    keys = [_cache_key(text) for text in texts]
    cached = cache.get_many(set(keys))
    rendered, fallbacks = {}, {}
    results = []
    for key, text in zip(keys, texts, strict=True):
        html = cached.get(key)
        if html is None:
            if not text:
                html = ""
            else:
                html, ok = _render_or_fallback(text)
                (rendered if ok else fallbacks)[key] = html
        results.append(mark_safe(html))  # noqa: S308 - made by render_markdown
    if rendered:
        cache.set_many(rendered, CACHE_SECONDS)
    if fallbacks:
        cache.set_many(fallbacks, FALLBACK_CACHE_SECONDS)
    return results


# Validation -------------------------------------------------------------------

NESTING_ERROR = _(
    "This text puts too many lists or quotes inside each other: at most "
    "%(max)d levels. Remove some of the dashes, numbers or “>” at the start "
    "of its lines."
)
TOO_COMPLEX_ERROR = _(
    "This text is too complex to display. Simplify its formatting, for example "
    "long runs of brackets, asterisks, dashes or “>”."
)

# A line's leading list markers ("- ", "* ", "+ ", "1. ", "1) ") and quote
# markers (">"): each opens one more level.
_CONTAINER_MARK = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
# "* * *", "- - -" or "___" is a horizontal rule, not three lists.
_THEMATIC_BREAK = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_NESTING_TAG = re.compile(r"<(/?)(?:ul|ol|blockquote)\b", re.IGNORECASE)


def _marks(line: str, limit: int) -> list[re.Match]:
    """The container marks opening ``line`` (at most ``limit + 1`` of them)."""
    if _THEMATIC_BREAK.match(line):
        return []
    marks, position = [], 0
    while len(marks) <= limit and (mark := _CONTAINER_MARK.match(line, position)):
        marks.append(mark)
        position = mark.end()
    return marks


def _source_depth(text: str) -> int:
    """The most container marks opening one line (counted up to one past the
    bound)."""
    lines = text.splitlines()
    return max((len(_marks(line, MAX_NESTING)) for line in lines), default=0)


def _html_depth(html: str) -> int:
    depth = deepest = 0
    for tag in _NESTING_TAG.finditer(html):
        if tag.group(1):
            depth -= 1
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def markdown_problem(text: str, *, seconds: float = VALIDATION_SECONDS):
    """Why ``text`` cannot be accepted as Markdown (a ValidationError), or None."""
    if not text:
        return None
    nesting = ValidationError(
        NESTING_ERROR, code="markdown_nesting", params={"max": MAX_NESTING}
    )
    if _source_depth(text) > MAX_NESTING:
        return nesting
    try:
        html = _render(text, seconds)
    except RecursionError:
        return nesting
    except Exception as error:  # any failure refuses the text
        logger.info(
            "A text of %d characters was refused: it cannot be rendered (%s).",
            len(text),
            type(error).__name__,
            extra={"text_length": len(text), "reason": type(error).__name__},
        )
        return ValidationError(TOO_COMPLEX_ERROR, code="markdown_too_complex")
    if _html_depth(html) > MAX_NESTING:
        return nesting
    return None


def validate_markdown(text: str) -> None:
    """Refuse a text that would not render as written (a validator for forms)."""
    problem = markdown_problem(text)
    if problem is not None:
        raise problem


# Repair -----------------------------------------------------------------------

_INDENT = re.compile(r"[ \t]*")
_ESCAPABLE = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def flatten_nesting(text: str, depth: int = MAX_NESTING) -> str:
    """``text`` with every line opened by more than ``depth`` list or quote marks
    cut down to ``depth`` of them (the words are kept), and indentation beyond
    ``depth`` levels (four spaces each) cut down to that."""
    lines = []
    for line in text.splitlines(keepends=True):
        marks = _marks(line, len(line))
        if len(marks) > depth:
            rest = line[marks[-1].end() :].lstrip(" \t")
            line = line[: marks[depth - 1].end()] + " " + rest
        indent = _INDENT.match(line).end()
        if indent > 4 * depth:
            line = " " * (4 * depth) + line[indent:]
        lines.append(line)
    return "".join(lines)


def escape_markdown(text: str) -> str:
    """``text`` with its Markdown punctuation escaped: it renders as written."""
    text = _ESCAPABLE.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;")


def repaired_markdown(text: str) -> tuple[str, str] | None:
    """A version of ``text`` that renders, and what was done; None when ``text``
    needs no repair.

    The excess nesting is flattened first; a text that still does not render has
    its Markdown escaped, so that it shows as written, as it did in plain text.
    """
    if markdown_problem(text, seconds=DISPLAY_SECONDS) is None:
        return None
    flat = flatten_nesting(text)
    if flat != text and markdown_problem(flat, seconds=DISPLAY_SECONDS) is None:
        return flat, "flattened"
    return escape_markdown(text), "escaped"
