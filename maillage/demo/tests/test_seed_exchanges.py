"""The demo's exchanges: every community has lively, realistic threads."""

import pytest

from maillage.communities.models import Community
from maillage.conversations.models import Reaction, Reply, Thread
from maillage.demo.seed import seed_demo

pytestmark = pytest.mark.django_db


def test_each_community_gets_threads_of_every_kind_with_replies():
    """Six to ten threads per community, of all five kinds overall, with replies,
    reactions, and challenges both solved and unsolved."""
    seed_demo()

    for community in Community.objects.all():
        threads = Thread.objects.filter(community=community)
        assert 6 <= threads.count() <= 10, community.slug
        assert Reply.objects.filter(thread__community=community).count() >= 8
    assert set(Thread.objects.values_list("kind", flat=True)) == set(Thread.Kind.values)
    assert Thread.objects.solved().count() >= 4
    assert Thread.objects.unsolved().count() >= 3
    assert Reaction.objects.count() >= 40
    assert Thread.objects.filter(pinned_at__isnull=False).exists()


def test_demo_mentions_are_recognised():
    """Plain "@Name" in the demo text became mentions of members."""
    seed_demo()

    assert Reply.objects.filter(body__contains="@[Sylvain Roy](").exists()


def test_archived_community_keeps_its_exchanges_and_stays_archived():
    """The dissolved community shows the exchanges it had before its archive date."""
    seed_demo()

    archived = Community.objects.get(slug="bas-saint-laurent-nourricier")
    assert archived.is_archived
    threads = Thread.objects.filter(community=archived)
    assert threads.exists()
    assert all(t.last_activity_at <= archived.archived_at for t in threads)


def test_reseeding_adds_no_exchange_and_keeps_changes():
    """A second run adds nothing and leaves a deleted reply deleted."""
    seed_demo()
    reply = Reply.objects.filter(thread__community__archived_at__isnull=True).first()
    Reply.objects.filter(pk=reply.pk).update(body="Modifié pendant la démo")
    counts = (Thread.objects.count(), Reply.objects.count(), Reaction.objects.count())

    result = seed_demo()

    assert counts == (
        Thread.objects.count(),
        Reply.objects.count(),
        Reaction.objects.count(),
    )
    assert result["created"]["threads"] == 0
    assert Reply.objects.get(pk=reply.pk).body == "Modifié pendant la démo"
