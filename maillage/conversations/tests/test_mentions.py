"""@mentions: recognised among the community's members only, in one stored form."""

import pytest

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.conversations.mentions import (
    MentionProblem,
    forget_person,
    mention_problems,
    mentioned_ids,
    readable_mentions,
    recognise,
    resolve_mentions,
)
from maillage.conversations.models import linked_mentions, plain_mentions


@pytest.fixture
def people(community):
    names = ["Émilie Tremblay", "Émilie", "Jean-Guy Côté"]
    return {
        name: MembershipFactory(community=community, user__display_name=name).user
        for name in names
    }


def test_plain_mention_is_matched_without_accents_or_case(community, people):
    """ "@emilie tremblay" names Émilie Tremblay, and is stored in the link form."""
    text, named = resolve_mentions("Merci @emilie tremblay!", community)

    person = people["Émilie Tremblay"]
    assert named == [person.pk]
    assert text == f"Merci @[Émilie Tremblay]({person.pk})!"


def test_longest_name_wins(community, people):
    """ "@Émilie Tremblay" is not read as "@Émilie" followed by a word."""
    _text, named = resolve_mentions("@Émilie Tremblay et @Émilie", community)

    assert named == [people["Émilie Tremblay"].pk, people["Émilie"].pk]


def test_name_must_end_at_a_word_boundary(community, people):
    """ "@Émilies" is nobody."""
    text, named = resolve_mentions("Les @Émilies du quartier", community)

    assert named == []
    assert text == "Les @Émilies du quartier"


def test_email_address_is_not_a_mention(community, people):
    """An address like emilie@exemple.ca is left alone."""
    _text, named = resolve_mentions("Écrire à jean-guy@Émilie.ca", community)

    assert named == []


def test_suggested_form_is_kept_with_the_current_name(community, people):
    """ "@[old name](id)" of a member is stored with the member's own name."""
    person = people["Jean-Guy Côté"]

    text, named = resolve_mentions(f"Voir @[JG]({person.pk})", community)

    assert named == [person.pk]
    assert text == f"Voir @[Jean-Guy Côté]({person.pk})"


def test_link_form_for_a_non_member_loses_its_link(community, people):
    """A forged or stale "@[Name](id)" of someone outside becomes plain text."""
    stranger = UserFactory(display_name="Quelqu'un Dehors")
    former = MembershipFactory(
        community=community, state=Membership.State.LEFT, user__display_name="Ex"
    ).user

    text, named = resolve_mentions(
        f"@[Patron]({stranger.pk}) et @[Ex]({former.pk})", community
    )

    assert named == []
    assert text == "@Patron et @Ex"


def test_non_members_are_never_matched(community, people):
    """Plain names are looked up among active members of this community only."""
    UserFactory(display_name="Paul Ailleurs")

    _text, named = resolve_mentions("@Paul Ailleurs", community)

    assert named == []


def test_text_without_at_costs_no_query(community, django_assert_num_queries):
    """Most texts have no "@": nothing is looked up."""
    with django_assert_num_queries(0):
        assert resolve_mentions("Rien à signaler", community) == ("Rien à signaler", [])


def test_display_helpers():
    """Stored mentions read as links to profiles, or as plain names."""
    text = "Merci @[Ana [x]](12) et @[Bob](7)"

    assert plain_mentions("Merci @[Bob](7)") == "Merci @Bob"
    assert linked_mentions("@[Bob](7)") == "[@Bob](/membres/7/)"
    assert mentioned_ids(text) == {7}
    assert forget_person("@[Bob](7) et @[Ana](8)", 7, "Ancien membre") == (
        "@Ancien membre et @[Ana](8)"
    )


def test_excerpts_are_plain_text():
    """Excerpts drop Markdown marks, keep link texts and write mentions plainly."""
    from maillage.conversations.models import excerpt_of

    text = "Un **prix fixe** chez [la ferme](https://exemple.org) avec @[Bob](7)."

    assert excerpt_of(text) == "Un prix fixe chez la ferme avec @Bob."


def test_excerpts_keep_list_items_and_paragraphs_on_their_own_lines():
    """A list stays a list in an excerpt: one "• " line per item; a paragraph's
    wrapped lines join into one line."""
    from maillage.conversations.models import excerpt_of

    text = (
        "Nos conditions :\n\n- Commande minimale : 5 caisses\n"
        "* Livraison le\n  mardi\n1. Paiement à 30 jours\n\nÀ suivre,\nla ferme."
    )

    assert excerpt_of(text) == (
        "Nos conditions :\n• Commande minimale : 5 caisses\n• Livraison le mardi\n"
        "• Paiement à 30 jours\nÀ suivre, la ferme."
    )


# First names, ambiguity and what stays text ------------------------------------


@pytest.fixture
def amelies(community):
    """Two members called Amélie, and one Isabelle with a three-word name."""
    names = ["Amélie Animatrice", "Amélie Tremblay", "Isabelle Roy Gagnon"]
    return {
        name: MembershipFactory(community=community, user__display_name=name).user
        for name in names
    }


def test_first_name_alone_names_the_only_member_who_has_it(community, amelies):
    """ "@Isabelle" links Isabelle Roy Gagnon: nobody else is called Isabelle."""
    person = amelies["Isabelle Roy Gagnon"]

    resolution = recognise("Merci @Isabelle, bien reçu", community)

    assert resolution.named == [person.pk]
    assert resolution.text == f"Merci @[Isabelle Roy Gagnon]({person.pk}), bien reçu"
    assert resolution.problems == []


def test_first_and_last_name_name_a_member_with_a_longer_name(community, amelies):
    """ "@Isabelle Gagnon" (first and last names) is Isabelle Roy Gagnon."""
    person = amelies["Isabelle Roy Gagnon"]

    text, named = resolve_mentions("@isabelle gagnon, à toi", community)

    assert named == [person.pk]
    assert text == f"@[Isabelle Roy Gagnon]({person.pk}), à toi"


def test_a_first_name_two_members_share_is_not_guessed(community, amelies):
    """ "@Amélie" stays text and is reported as carried by several members."""
    resolution = recognise("Bonjour @Amélie !", community)

    assert resolution.named == []
    assert resolution.text == "Bonjour @Amélie !"
    assert resolution.problems == [MentionProblem("@Amélie", several=True)]


def test_full_name_tells_namesakes_apart(community, amelies):
    """ "@Amélie Tremblay" names her, though another Amélie is a member."""
    person = amelies["Amélie Tremblay"]

    resolution = recognise("Voir @Amélie Tremblay.", community)

    assert resolution.named == [person.pk]
    assert resolution.problems == []


def test_a_name_that_matches_nobody_is_reported(community, amelies):
    """ "@Isab" names nobody: it stays text and is reported."""
    resolution = recognise("Merci @Isab, à bientôt", community)

    assert resolution.named == []
    assert resolution.text == "Merci @Isab, à bientôt"
    assert resolution.problems == [MentionProblem("@Isab")]


def test_mention_problems_read_several_texts_in_two_queries(
    community, amelies, django_assert_max_num_queries
):
    """The sections of a thread are checked together, each problem once."""
    with django_assert_max_num_queries(2):
        problems = mention_problems(["@Isab", "", "@Isab et @Amélie"], community)

    assert problems == [
        MentionProblem("@Isab"),
        MentionProblem("@Amélie", several=True),
    ]


def test_readable_mentions_write_names_as_people_type_them(community, amelies):
    """Stored mentions read "@Name" in a text box, unless that would name
    someone else or several people on save."""
    tremblay = amelies["Amélie Tremblay"]
    namesake = MembershipFactory(
        community=community, user__display_name="Amélie Tremblay"
    ).user
    isabelle = amelies["Isabelle Roy Gagnon"]
    stored = (
        f"@[Isabelle Roy Gagnon]({isabelle.pk}) et "
        f"@[Amélie Tremblay]({tremblay.pk}) et @[Amélie Tremblay]({namesake.pk})"
    )

    (text,) = readable_mentions([stored], community)

    assert text == (
        f"@Isabelle Roy Gagnon et @[Amélie Tremblay]({tremblay.pk}) et "
        f"@[Amélie Tremblay]({namesake.pk})"
    )
    assert resolve_mentions(text, community)[0] == stored


def test_readable_mentions_cost_nothing_without_stored_mentions(
    community, django_assert_num_queries
):
    """A text without stored mentions is given back as it is, without a query."""
    with django_assert_num_queries(0):
        assert readable_mentions(["Bonjour @Isab"], community) == ["Bonjour @Isab"]
