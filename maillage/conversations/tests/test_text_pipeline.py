"""Whatever a member types, the text pipeline (Markdown, sanitiser, mentions,
excerpt, e-mail) answers in bounded time with safe output and never raises.

A property-based test: ``hypothesis`` builds adversarial texts from pieces known
to hurt renderers and sanitisers (deep nesting, long runs of emphasis and
brackets, raw HTML, ``javascript:`` links, control characters, lone surrogates,
NUL). The examples are derandomised and not stored, so that every run of
``make test`` checks the same ones.
"""

import re
import time
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.mail import EmailMultiAlternatives
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from maillage.communities.tests.factories import MembershipFactory
from maillage.conversations.mentions import resolve_mentions
from maillage.conversations.models import excerpt_of, linked_mentions, plain_mentions
from maillage.core.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    URL_SCHEMES,
    markdown_problem,
    render_markdown,
    render_markdown_many,
)
from maillage.notifications.emails import notification_email
from maillage.notifications.models import Notification

PIECES = [
    "- ",
    "* ",
    "+ ",
    "1. ",
    "> ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "*",
    "**",
    "_",
    "`",
    "```\n",
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "<",
    "&",
    "&#",
    "|",
    "---\n",
    "a\n: ",
    "*[A]: ",
    "[^1]",
    "{: #x }",
    "\\",
    "@",
    "@[Ana Tremblay](1)",
    "@[x](99999999999999)",
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "<a href='vbscript:x'>v</a>",
    "![i](data:text/html;base64,PHNjcmlwdD4=)",
    '<p style="x" onclick="y">z</p>',
    "<div markdown=1>",
    "<!--",
    "<![CDATA[",
    "\x00",
    "\x01",
    "\x02",
    "\x03",
    "\x1b",
    "\x7f",
    "\ud800",
    "\udfff",
    "\u202e",
    "\ufeff",
    "é",
    "🍲",
    " ",
    "mot",
]

# A piece repeated up to 300 times, a few of them in a row: lengths from nothing
# to tens of thousands of characters.
_run = st.tuples(st.sampled_from(PIECES), st.integers(1, 300)).map(
    lambda run: run[0] * run[1]
)
TEXTS = st.lists(st.one_of(_run, st.text(max_size=30)), max_size=8).map("".join)

# Processor time one text may take through the whole pipeline: each of its two
# renderings stops after one second, validation after half a second, and the
# rest is linear.
PIPELINE_SECONDS = 5


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_sanitised(html: str) -> None:
    """Only allowed tags and attributes, no script, no handler, no bad URL."""
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]*\son\w+\s*=", html, re.IGNORECASE)
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}, name
            if name == "href":
                scheme = urlsplit((value or "").strip()).scheme.lower()
                assert scheme in URL_SCHEMES | {""}, value


def assert_sanitised_email(html: str) -> None:
    """The e-mail's own markup only: what a member typed is escaped."""
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]*\son\w+\s*=", html, re.IGNORECASE)
    assert not re.search(r"(href|src)\s*=\s*[\"']?\s*javascript:", html, re.I)


@pytest.fixture
def community_with_ana(community):
    MembershipFactory(community=community, user__display_name="Ana Tremblay")
    return community


@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(text=TEXTS)
@example(text="- " * 2000 + "x")
@example(text="> " * 600 + "x")
@example(text="[" * 20_000)
@example(text="\x00\ud800<script>x</script>[a](javascript:alert(1))")
@pytest.mark.django_db
def test_the_text_pipeline_never_raises_and_stays_safe(community_with_ana, text):
    """Rendered, validated, resolved, excerpted and e-mailed: in bounded time,
    always sanitised."""
    started = time.thread_time()

    (html,) = render_markdown_many([linked_mentions(text)])
    assert_sanitised(html)

    problem = markdown_problem(text)
    assert problem is None or problem.code.startswith("markdown_")

    stored, named = resolve_mentions(text, community_with_ana)
    assert isinstance(stored, str) and len(named) <= 20
    if stored != text:
        assert_sanitised(render_markdown(linked_mentions(stored)))

    excerpt = excerpt_of(stored)
    assert len(excerpt) <= 200
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", excerpt)
    assert isinstance(plain_mentions(stored), str)

    member = community_with_ana.memberships.first().user
    notification = Notification(
        pk=1,
        recipient=member,
        community=community_with_ana,
        kind="mention",
        actor=member,
        # A thread's title: its whitespace collapsed, as create_thread does.
        subject=" ".join(text.split())[:255],
        excerpt=excerpt,
        url="/echanges/1/",
    )
    email = notification_email(notification)
    assert excerpt.strip()[:20] in email["text_body"] or not excerpt.strip()
    assert_sanitised_email(email["html_body"])
    message = EmailMultiAlternatives(
        subject=email["subject"],
        body=email["text_body"],
        to=email["to"],
        headers=email["headers"],
    )
    message.attach_alternative(email["html_body"], "text/html")
    assert message.message().as_bytes()

    assert time.thread_time() - started < PIPELINE_SECONDS
