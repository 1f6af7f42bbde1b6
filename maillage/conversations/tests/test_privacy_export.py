"""Personal data (Law 25) and the community export of the exchanges."""

import json

from django.conf import settings

from maillage.accounts import services as account_services
from maillage.communities.tests.factories import MembershipFactory
from maillage.conversations import export, privacy, services
from maillage.conversations.models import (
    CommunityFollow,
    Reply,
    Tag,
    Thread,
    ThreadFollow,
    ThreadVisit,
)


def _exchange(community, member, facilitator):
    thread = services.create_thread(
        author=member,
        community=community,
        kind="success",
        title="Des pommes du Québec à la collation",
        sections={"context": "Un CPE", "actions": "Un verger voisin", "result": "Oui"},
        tags=[Tag.objects.get(slug="collations")],
    )
    reply = services.create_reply(
        author=facilitator, thread=thread, body=f"Bravo @{member.display_name}!"
    )
    services.toggle_reaction(user=member, kind="thanks", thread=thread, reply=reply)
    services.toggle_reaction(user=facilitator, kind="bravo", thread=thread)
    gone = services.create_reply(author=member, thread=thread, body="Texte effacé")
    services.delete_reply(actor=member, reply=gone)
    return thread, reply


def test_modules_are_listed_in_settings():
    """Export and deletion reach the exchanges through the settings lists."""
    assert "maillage.conversations.privacy" in settings.MAILLAGE_PERSONAL_DATA_MODULES
    assert "maillage.conversations.export" in settings.MAILLAGE_COMMUNITY_EXPORT_MODULES


def test_community_export_holds_threads_replies_reactions_and_tags(
    community, member, facilitator
):
    """The export has every thread with its sections, replies and reaction counts;
    a deleted reply keeps its place without its text."""
    thread, reply = _exchange(community, member, facilitator)

    data = export.export_community_data(community)

    json.dumps(data)  # JSON-ready
    assert [t["slug"] for t in data["tags"]] == ["collations"]
    (exported,) = data["threads"]
    assert exported["title"] == thread.title
    assert exported["sections"]["actions"] == "Un verger voisin"
    assert exported["reactions"] == {"bravo": 1}
    first, deleted = exported["replies"]
    assert first["id"] == reply.pk and first["reactions"] == {"thanks": 1}
    assert deleted["deleted"] is True and deleted["body"] == ""


def test_personal_export_lists_what_the_person_wrote_and_follows(
    community, member, facilitator
):
    """A person's export has their threads, replies, reactions and follows."""
    _exchange(community, member, facilitator)
    services.follow_community(user=member, community=community)

    data = privacy.export_personal_data(member)

    json.dumps(data)
    assert [t["title"] for t in data["threads_written"]] == [
        "Des pommes du Québec à la collation"
    ]
    assert [r["body"] for r in data["replies_written"]] == ["Texte effacé"]
    assert [r["kind"] for r in data["reactions_given"]] == ["thanks"]
    assert data["communities_followed"] == [community.name]
    assert privacy.deletion_blockers(member) == []


def test_deleting_an_account_keeps_contributions_and_unnames_mentions(
    community, member, facilitator
):
    """Contributions stay (signed as a former member); follows, visits and the
    person's name in mentions go."""
    thread, reply = _exchange(community, member, facilitator)
    services.record_visit(user=member, thread=thread)
    services.follow_community(user=member, community=community)
    MembershipFactory(community=community)  # another facilitator is not needed

    account_services.delete_account(user=member)

    assert Thread.objects.filter(pk=thread.pk, author=member).exists()
    assert not ThreadFollow.objects.filter(user=member).exists()
    assert not CommunityFollow.objects.filter(user=member).exists()
    assert not ThreadVisit.objects.filter(user=member).exists()
    body = Reply.objects.get(pk=reply.pk).body
    assert "Marc Membre" not in body
    assert f"({member.pk})" not in body
