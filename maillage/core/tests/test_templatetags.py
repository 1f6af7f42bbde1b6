"""The site-wide template helpers: icons, relative ages, avatars."""

from datetime import datetime, timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from maillage.core.templatetags.maillage import avatar_colour, initials


def _render(source: str, **context) -> str:
    return Template("{% load maillage %}" + source).render(Context(context))


def test_icon_is_inline_svg_hidden_from_assistive_technologies():
    """An icon is the package's SVG, hidden from screen readers."""
    html = _render('{% icon "bell" %}')
    assert html.startswith("<svg")
    assert 'aria-hidden="true"' in html
    assert 'class="icon"' in html
    assert 'width="16"' in _render('{% icon "bell" small=True %}')


def test_age_is_relative_with_the_exact_date_in_the_time_element():
    """A date reads "il y a 3 heures" and carries its exact moment."""
    moment = timezone.now() - timedelta(hours=3, minutes=5)
    with translation.override("fr"):
        html = _render("{% age moment %}", moment=moment)
    assert "il y a 3\xa0heures" in html or "il y a 3 heures" in html
    assert f'datetime="{timezone.localtime(moment).isoformat()}"' in html
    assert 'title="' in html


def test_age_shows_the_exact_time_in_the_reader_s_language_each_time():
    """The exact time on hover is written in the language of each request, even
    for a moment already shown in another language (it is kept per language)."""
    moment = timezone.make_aware(datetime(2026, 11, 29, 16, 41, 30))
    with translation.override("fr"):
        french = _render("{% age moment %}", moment=moment)
    with translation.override("en"):
        english = _render("{% age moment %}", moment=moment)
    with translation.override("fr"):
        french_again = _render("{% age moment %}", moment=moment)

    assert 'title="29 novembre 2026 16:41"' in french
    assert 'title="Nov. 29, 2026, 4:41 p.m."' in english
    assert french_again == french


@pytest.mark.parametrize("language", ["fr", "en"])
def test_timestamp_is_what_the_date_filters_gave(language):
    """``{% timestamp %}`` writes what ``|date:'c'`` and
    ``|date:"DATETIME_FORMAT"`` wrote, in the reader's language, twice over (the
    second time from its cache)."""
    moment = timezone.make_aware(datetime(2026, 3, 8, 9, 5, 42, 123456))
    filters = (
        "<time datetime=\"{{ moment|date:'c' }}\">"
        '{{ moment|date:"DATETIME_FORMAT" }}</time>'
    )
    with translation.override(language):
        expected = _render(filters, moment=moment)
        assert _render("{% timestamp moment %}", moment=moment) == expected
        assert _render("{% timestamp moment %}", moment=moment) == expected
    shown = {"fr": "8 mars 2026 09:05", "en": "March 8, 2026, 9:05 a.m."}
    assert shown[language] in expected
    assert _render("{% timestamp nothing %}") == ""


def test_age_of_a_moment_ago_is_just_now():
    """Less than a minute ago reads "à l'instant"."""
    with translation.override("fr"):
        html = _render("{% age moment %}", moment=timezone.now())
    assert "à l&#x27;instant" in html


def test_initials_take_the_first_and_last_words():
    """Initials are the first letters of the first and last words."""
    assert initials("Françoise Animatrice") == "FA"
    assert initials("Marie-Ève de la Durantaye") == "MD"
    assert initials("Olivier") == "O"
    assert initials("") == "?"


def test_avatar_colour_is_stable_for_a_name():
    """The same name always gets the same colour, among eight."""
    assert avatar_colour("Marc Membre") == avatar_colour("Marc Membre")
    assert {avatar_colour(f"Personne {n}") for n in range(40)} == set(range(8))
    html = _render("{% avatar name %}", name="Marc Membre")
    assert f"avatar-{avatar_colour('Marc Membre')}" in html
    assert ">MM<" in html
    assert 'aria-hidden="true"' in html
