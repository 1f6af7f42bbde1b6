import pytest
from django.urls import NoReverseMatch, reverse

from maillage.core.routing import pk_url_maker


@pytest.mark.parametrize(
    "name",
    [
        "conversations:reply_react",
        "conversations:reply_permalink",
        "conversations:thread_detail",
        "communities:profile_detail",
    ],
)
def test_made_urls_are_the_reversed_ones(name):
    make = pk_url_maker(name)

    for pk in (1, 42, 1234567890123):
        assert make(pk) == reverse(name, args=[pk])


def test_a_pattern_without_an_integer_is_refused():
    with pytest.raises(NoReverseMatch):
        pk_url_maker("communities:home")


def test_only_integers_go_into_the_path():
    with pytest.raises(ValueError):
        pk_url_maker("conversations:reply_react")("1/../../admin")
