"""The Python-drawn markup of the exchanges: bylines, badges and reaction bars."""

import pytest
from django.template import Context, Template
from django.utils import translation

from maillage.accounts import services as account_services
from maillage.accounts.tests.factories import UserFactory
from maillage.conversations.selectors import ReactionButton
from maillage.organisations.tests.factories import OrganisationFactory


def _render(source, **context):
    return Template("{% load conversation_tags %}" + source).render(Context(context))


def test_byline_names_the_person_and_organisation(db):
    person = UserFactory(
        display_name="Ana <b>Côté</b>",
        organisation=OrganisationFactory(name="CPE & Cie"),
    )

    html = _render("{% byline person %}", person=person)

    assert html == (
        '<span class="byline">Ana &lt;b&gt;Côté&lt;/b&gt;'
        '<span class="muted"> · CPE &amp; Cie</span></span>'
    )


def test_byline_of_a_deleted_account_or_nobody_says_former_member(db):
    person = UserFactory(organisation=OrganisationFactory(name="CPE Secret"))
    account_services.delete_account(user=person)
    person.refresh_from_db()

    with translation.override("fr"):
        deleted = _render("{% byline person %}", person=person)
        nobody = _render("{% byline None %}")

    assert deleted == nobody == '<span class="byline">Ancien membre</span>'


def test_reaction_bar_offers_a_form_per_reaction_with_the_token():
    bar = [
        ReactionButton("thanks", "Merci", 2, True),
        ReactionButton("useful", "Utile", 0, False),
    ]

    html = _render(
        '{% reaction_bar bar "reactions-r1" "/r/1/" True %}',
        bar=bar,
        csrf_token="jeton",
    )

    assert html.count("<form") == 2
    assert 'id="reactions-r1-thanks" class="reaction" aria-pressed="true"' in html
    assert 'aria-pressed="false"' in html
    assert html.count('name="csrfmiddlewaretoken" value="jeton"') == 2
    assert 'hx-post="/r/1/" hx-target="#reactions-r1"' in html


def test_reaction_bar_without_the_right_to_react_shows_only_given_reactions():
    bar = [
        ReactionButton("thanks", "Merci", 2, False),
        ReactionButton("useful", "Utile", 0, False),
    ]

    html = _render('{% reaction_bar bar "reactions-r1" %}', bar=bar)

    assert "<form" not in html
    assert "Merci" in html and "Utile" not in html


def test_reaction_bar_escapes_everything_it_is_given():
    bar = [ReactionButton('k"><script>', "<b>Merci</b>", 1, False)]

    html = _render(
        "{% reaction_bar bar bar_id url True %}",
        bar=bar,
        bar_id='x" onclick="alert(1)',
        url="/r/1/?a=1&b=<2>",
        csrf_token='"><img>',
    )

    assert "<script>" not in html and "<b>" not in html and "<img>" not in html
    assert 'onclick="' not in html
    assert "&lt;b&gt;Merci&lt;/b&gt;" in html
    assert 'action="/r/1/?a=1&amp;b=&lt;2&gt;"' in html


# What conversations/_thread_badges.html drew, before {% thread_badges %}
# replaced it (Python-drawn, for speed: docs/performance.md).
BADGES_TEMPLATE = """{% load i18n maillage %}<span class="badge kind kind-{{ thread.kind }}">{% icon thread.kind_icon small=True %}{{ thread.kind_label }}</span>
{% if thread.is_pinned %}<span class="badge">{% icon "bookmark" small=True %}{% translate "Pinned" %}</span>{% endif %}
{% if thread.is_challenge %}{% if thread.solution_id %}<span class="badge badge-brand">{% icon "check-circle" small=True %}{% translate "Solved" %}</span>{% else %}<span class="badge badge-accent">{% translate "Unsolved" %}</span>{% endif %}{% endif %}
{% if thread.is_locked %}<span class="badge">{% icon "lock-closed" small=True %}{% translate "Locked" %}</span>{% endif %}
{% if thread.is_hidden %}<span class="badge badge-danger">{% icon "eye-slash" small=True %}{% translate "Hidden" %}</span>{% endif %}
"""  # noqa: E501 - the template verbatim, one line a badge as it was


def _words(html: str) -> str:
    """HTML with each run of white space as one space (how it is shown)."""
    return " ".join(html.split())


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    "kind,solved,pinned,locked,hidden",
    [
        ("challenge", False, False, False, False),
        ("challenge", True, True, True, True),
        ("tip", False, True, False, True),
        ("discussion", False, False, True, False),
    ],
)
def test_thread_badges_draw_what_the_template_drew(
    language, kind, solved, pinned, locked, hidden
):
    from datetime import UTC, datetime

    from maillage.conversations.models import Thread

    when = datetime(2026, 1, 5, tzinfo=UTC)
    thread = Thread(
        kind=kind,
        title="<b>Titre</b>",
        solution_id=7 if solved else None,
        pinned_at=when if pinned else None,
        locked_at=when if locked else None,
        hidden_at=when if hidden else None,
    )
    with translation.override(language):
        expected = Template(BADGES_TEMPLATE).render(Context({"thread": thread}))
        html = _render("{% thread_badges thread %}", thread=thread)

    assert _words(html) == _words(expected)
    assert html.count('<span class="badge') == expected.count('<span class="badge')
