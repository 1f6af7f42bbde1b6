"""No stored text can break a page: what the renderer cannot render shows as
plain text, and what a form accepts always renders."""

import logging
import time

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from maillage.core import markdown as markdown_module
from maillage.core.markdown import (
    MAX_NESTING,
    escape_markdown,
    flatten_nesting,
    markdown_problem,
    render_markdown,
    render_markdown_many,
    repaired_markdown,
    validate_markdown,
)

DEEP_LIST = "- " * 2000 + "x"  # 4,001 characters: the trial's reply
BRACKETS = "[" * 20_000  # minutes of rendering without a time budget


def _nested_list(levels: int) -> str:
    return "\n".join(f"{'    ' * n}- point {n}" for n in range(levels))


def test_a_list_nested_two_thousand_deep_shows_as_plain_text():
    """The renderer runs out of stack; the text is shown escaped, not a 500."""
    html = render_markdown(DEEP_LIST + "\n\n<b>fin</b>")

    assert html.startswith("<p>- - - ")
    assert "&lt;b&gt;fin&lt;/b&gt;" in html


def test_plain_text_keeps_paragraphs_and_line_breaks():
    """The fallback shows the text's paragraphs and line breaks."""
    html = render_markdown(DEEP_LIST + "\nligne deux\n\nparagraphe deux")

    assert "<br>ligne deux</p>" in html
    assert "<p>paragraphe deux</p>" in html


def test_a_text_that_renders_too_slowly_shows_as_plain_text_in_bounded_time():
    """A run of brackets is stopped after its processor-time budget."""
    started = time.thread_time()
    html = render_markdown(BRACKETS)

    assert time.thread_time() - started < 5
    assert html == f"<p>{BRACKETS}</p>"


def test_a_failed_rendering_is_logged_with_the_length_not_the_content(caplog):
    """The log says how long the text was, never what it said."""
    with caplog.at_level(logging.WARNING, logger="maillage.markdown"):
        render_markdown(DEEP_LIST + "\nsecret")

    (record,) = [r for r in caplog.records if r.name == "maillage.markdown"]
    assert "4008 characters" in record.getMessage()
    assert record.text_length == 4008
    assert "secret" not in record.getMessage()


def test_the_text_after_a_failure_renders_normally():
    """An interrupted parser is thrown away, not reused half-way."""
    render_markdown(DEEP_LIST)
    render_markdown(BRACKETS)

    assert render_markdown("Bonjour *toi*") == "<p>Bonjour <em>toi</em></p>"
    assert "<li>b</li>" in render_markdown("- a\n- b")


def test_many_texts_show_each_failure_as_plain_text():
    """A page of replies shows the bad one as text and the others rendered."""
    html = render_markdown_many(["**un**", DEEP_LIST, "*trois*"])

    assert html[0] == "<p><strong>un</strong></p>"
    assert html[1].startswith("<p>- - - ")
    assert html[2] == "<p><em>trois</em></p>"


def test_control_characters_and_lone_surrogates_are_dropped():
    """NUL, the renderer's own STX/ETX marks and lone surrogates never reach HTML."""
    html = render_markdown("a\x00b\x02c\x03d\ud800e")

    assert html == "<p>abcde</p>"


@pytest.mark.parametrize(
    "text",
    [
        _nested_list(MAX_NESTING),
        "> " * MAX_NESTING + "la plus vieille citation",
        "\n".join("> " * n + f"citation {n}" for n in range(1, 6)),
        "* * * * * * * * * * * * * * * * * * * * * * * * *",
        "1. Laver\n2. Couper\n    - finement\n        - très finement",
        "Un texte **ordinaire** avec [un lien](https://exemple.qc.ca) et `du code`.",
    ],
)
def test_real_writing_is_accepted(text):
    """Nesting up to the bound, quote chains, rules and lists are accepted."""
    validate_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        DEEP_LIST,
        "> " * (MAX_NESTING + 1) + "trop",
        "1. " * 30 + "x",
        _nested_list(MAX_NESTING + 5),
        "\n".join(">" * n + " x" for n in range(40)),
    ],
)
def test_nesting_beyond_the_bound_is_refused_and_the_bound_is_said(text):
    """The error names the bound, so that the writer knows what to change."""
    with pytest.raises(ValidationError) as refused:
        validate_markdown(text)

    assert refused.value.code == "markdown_nesting"
    assert f"au plus {MAX_NESTING} niveaux" in refused.value.messages[0]


def test_a_text_too_slow_to_render_is_refused():
    """A text that does not render within the validation budget is refused."""
    problem = markdown_problem(BRACKETS)

    assert problem.code == "markdown_too_complex"


def test_flattening_cuts_nesting_down_to_the_bound_and_keeps_the_words():
    """The excess markers go; the line's words stay."""
    lists = flatten_nesting(DEEP_LIST)
    quotes = flatten_nesting("> " * 30 + "mot\n\nSuite")

    assert lists == "- " * MAX_NESTING + "x"
    assert quotes == "> " * MAX_NESTING + "mot\n\nSuite"
    validate_markdown(lists)
    validate_markdown(quotes)


def test_a_deep_text_is_repaired_by_flattening():
    """Nesting is the cheapest repair, tried first."""
    repaired, action = repaired_markdown(DEEP_LIST)

    assert action == "flattened"
    assert markdown_problem(repaired) is None


def test_a_slow_text_is_repaired_by_escaping_it():
    """What cannot be flattened is escaped: it renders as written."""
    repaired, action = repaired_markdown("[" * 6000 + " <b>")

    assert action == "escaped"
    assert render_markdown(repaired) == "<p>" + "[" * 6000 + " &lt;b&gt;</p>"


def test_escaped_markdown_renders_as_written():
    """Every Markdown sign is shown as typed."""
    text = "# Titre *gras* _x_ [lien](https://a.b) 1. > - + | ! `c` & <i>"

    assert render_markdown(escape_markdown(text)) == (
        "<p># Titre *gras* _x_ [lien](https://a.b) 1. &gt; - + | ! `c` &amp; "
        "&lt;i&gt;</p>"
    )


def test_a_healthy_text_needs_no_repair():
    assert repaired_markdown("Un *bon* texte\n\n- a\n- b") is None


def test_the_filter_reads_long_texts_from_the_cache(monkeypatch):
    """A long thread section is rendered once, then read from the cache."""
    text = "Un **long** texte. " * 100
    html = Template("{% load maillage %}{{ text|markdown }}")
    first = html.render(Context({"text": text}))
    monkeypatch.setattr(markdown_module, "_render", None)  # would fail if called

    assert html.render(Context({"text": text})) == first
    assert "<strong>long</strong>" in first
