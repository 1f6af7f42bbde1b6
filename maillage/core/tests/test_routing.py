import pytest
from django.urls import NoReverseMatch, reverse

from maillage.core.routing import pk_url, pk_url_maker


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
        assert pk_url(name, pk) == reverse(name, args=[pk])


def test_a_url_follows_the_script_prefix():
    """Served under a path (SCRIPT_NAME), the links carry it: the cache of
    reversed patterns is kept per prefix."""
    from django.urls import set_script_prefix

    plain = pk_url("conversations:thread_detail", 7)
    set_script_prefix("/maillage/")
    try:
        prefixed = pk_url("conversations:thread_detail", 7)
        assert prefixed == reverse("conversations:thread_detail", args=[7])
    finally:
        set_script_prefix("/")
    assert prefixed == "/maillage" + plain


def test_a_pattern_without_an_integer_is_refused():
    with pytest.raises(NoReverseMatch):
        pk_url_maker("communities:home")


def test_only_integers_go_into_the_path():
    with pytest.raises(ValueError):
        pk_url_maker("conversations:reply_react")("1/../../admin")
    with pytest.raises(ValueError):
        pk_url("conversations:thread_detail", "1/../../admin")
