"""Guest experts in the exchanges: asked for help, and marked beside their name,
until the end date of their role."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from maillage.communities.models import Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.conversations import selectors, services
from maillage.conversations.models import Tag
from maillage.conversations.tests.factories import ReplyFactory, ThreadFactory

pytestmark = pytest.mark.django_db
BADGE = '<span class="badge badge-brand">Expert·e invité·e</span>'


def _marked(name):
    """A byline: the name, maybe the organisation, then the guest expert's mark."""
    return re.escape(name) + r'(<span class="muted">[^<]*</span>)? ' + re.escape(BADGE)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _guest_expert(community, name, *, days_left=None):
    until = None if days_left is None else timezone.localdate() + timedelta(days_left)
    return MembershipFactory(
        community=community,
        role=Membership.Role.GUEST_EXPERT,
        guest_expert_until=until,
        user__display_name=name,
    ).user


def test_guest_experts_are_suggested_first_whatever_the_tags(community, member):
    """A current guest expert is suggested first, with the reason, even for a
    challenge without tags; one past the end date is not."""
    expert = _guest_expert(community, "Gina Experte", days_left=3)
    _guest_expert(community, "Paul Passé", days_left=-1)
    challenge = ThreadFactory(community=community, author=member)

    with translation.override("en"):
        suggestions = selectors.helpers_for(thread=challenge, viewer=member)

    assert [(s.person, s.is_guest_expert, s.in_community) for s in suggestions] == [
        (expert, True, True)
    ]
    assert suggestions[0].reasons == ["guest expert of the community"]


def test_guest_expert_comes_before_members_with_more_expertise(community, member):
    """Among the community's people, its guest experts come first."""
    tag = Tag.objects.get(slug="collations")
    challenge = ThreadFactory(community=community, author=member, tags=[tag])
    solver = MembershipFactory(community=community).user
    for _ in range(3):
        solved = ThreadFactory(community=community, author=member, tags=[tag])
        reply = ReplyFactory(thread=solved, author=solver)
        type(solved).objects.filter(pk=solved.pk).update(solution=reply)
    expert = _guest_expert(community, "Gina Experte")

    suggestions = selectors.helpers_for(thread=challenge, viewer=member)

    assert [s.person for s in suggestions] == [expert, solver]


def test_guest_expert_can_be_asked_for_help(community, member):
    """The helpers page lists the guest expert, marked, and asking tells them."""
    expert = _guest_expert(community, "Gina Experte")
    challenge = ThreadFactory(community=community, author=member)
    url = reverse("conversations:thread_helpers", args=[challenge.pk])
    client = _client(member)

    page = client.get(url).content.decode()
    response = client.post(url, {"people": [expert.pk]})

    assert "Gina Experte" in page and BADGE in page
    assert response.status_code == 302
    assert expert.notifications.filter(kind="help_request").exists()


def test_bylines_mark_guest_experts_until_their_end_date(community, member):
    """The thread page, its list and the activity mark the current guest expert's
    threads and replies, and not those of a former one."""
    expert = _guest_expert(community, "Gina Experte", days_left=0)
    former = _guest_expert(community, "Paul Passé", days_left=-2)
    thread = services.create_thread(
        author=expert,
        community=community,
        kind="tip",
        title="Le pain de la veille",
        sections={"body": "En pouding."},
    )
    services.create_reply(author=former, thread=thread, body="Bonne idée.")
    client = _client(member)

    pages = [
        client.get(thread.get_absolute_url()).content.decode(),
        client.get(
            reverse("conversations:thread_list", args=[community.slug])
        ).content.decode(),
        client.get(
            reverse("conversations:activity", args=[community.slug])
        ).content.decode(),
    ]

    for html in pages:
        assert re.search(_marked("Gina Experte"), html)
        assert not re.search(_marked("Paul Passé"), html)
    # The former guest expert's reply is there, unmarked.
    assert "Paul Passé" in pages[0] and pages[0].count(BADGE) == 1


def test_a_reply_posted_with_htmx_carries_the_mark(community, member):
    """The guest expert's own new reply, returned by htmx, is marked too."""
    expert = _guest_expert(community, "Gina Experte")
    thread = ThreadFactory(community=community, author=member)

    response = _client(expert).post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": "Voici comment."},
        headers={"HX-Request": "true"},
    )

    assert BADGE in response.content.decode()
