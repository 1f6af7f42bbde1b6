"""What the exchanges add to a community's card on the home page."""

from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import selectors
from maillage.communities.tests.factories import CommunityFactory
from maillage.conversations import sections as exchange_sections
from maillage.conversations.tests.factories import ReplyFactory, ThreadFactory


def test_community_cards_count_unsolved_challenges_up_to_a_bound(db, monkeypatch):
    """The card counts unsolved challenges up to a bound (a fixed cost per
    community), then says "more than"; solved and hidden ones never count."""
    monkeypatch.setattr(exchange_sections, "UNSOLVED_SHOWN", 3)
    few = CommunityFactory(name="Peu")
    many = CommunityFactory(name="Beaucoup")
    ThreadFactory.create_batch(3, community=few, kind="challenge")
    solved = ThreadFactory(community=few, kind="challenge")
    solved.solution = ReplyFactory(thread=solved)
    solved.save()
    ThreadFactory(community=few, kind="challenge", hidden_at=timezone.now())
    ThreadFactory.create_batch(4, community=many, kind="challenge")

    cards = selectors.community_cards(user=UserFactory(is_staff=True))

    lines = {
        card.name: [line.text for line in card.highlights if "?etat=" in line.url]
        for card in cards.living
    }
    assert lines == {
        "Peu": ["3 défis attendent une réponse"],
        "Beaucoup": ["Plus de 3 défis attendent une réponse"],
    }
