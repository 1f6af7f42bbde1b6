"""Query budgets of the exchanges' pages: the count must not grow with rows.

Each test measures a page with a few rows, adds more rows, and measures again
against the same pinned number, so that an N+1 shows as a failure listing the SQL.
"""

from itertools import count

import pytest
from django.test import Client
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.conversations import services
from maillage.conversations.models import Reaction, Tag, Thread, ThreadVisit
from maillage.conversations.tests.factories import (
    ReactionFactory,
    ReplyFactory,
    ThreadFactory,
)
from maillage.organisations.tests.factories import OrganisationFactory

_serial = count()


def _person(community=None, **kwargs):
    """Someone with an organisation, a member of ``community`` when given."""
    n = next(_serial)
    user = UserFactory(
        organisation=OrganisationFactory(name=f"CPE Les Pommettes {n}"), **kwargs
    )
    if community is not None:
        MembershipFactory(community=community, user=user)
    return user


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _get(client, url, num_queries, django_assert_num_queries):
    with django_assert_num_queries(num_queries):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _add_replies(thread, how_many, reactors):
    """Replies by different people (with organisations), quoting, with reactions."""
    replies = []
    for n in range(how_many):
        reply = ReplyFactory(
            thread=thread,
            author=_person(thread.community),
            quoted=replies[-1] if replies and n % 3 == 0 else None,
            edited_at=thread.created_at if n % 4 == 0 else None,
        )
        for kind, user in zip(Reaction.Kind.values, reactors, strict=False):
            ReactionFactory(reply=reply, user=user, kind=kind)
        replies.append(reply)
    return replies


def _add_threads(community, how_many, viewer=None):
    """Threads of every kind, by people with organisations, tagged, some with
    replies, a solution, a visit by ``viewer``, one pinned."""
    tags = list(Tag.objects.filter(is_shared=True)[:4])
    threads = []
    for n in range(how_many):
        kind = Thread.Kind.values[n % len(Thread.Kind.values)]
        thread = ThreadFactory(
            community=community,
            author=_person(community),
            kind=kind,
            tags=tags[: 1 + n % 3],
        )
        replies = [ReplyFactory(thread=thread, author=_person()) for _ in range(n % 3)]
        if kind == Thread.Kind.CHALLENGE and replies:
            Thread.objects.filter(pk=thread.pk).update(solution=replies[0])
        if viewer is not None and n % 2:
            ThreadVisit.objects.create(
                user=viewer, thread=thread, last_seen_at=thread.created_at
            )
        threads.append(thread)
    return threads


# Pinned budgets. A signed-in page adds 3 queries (session, user, and the unread
# notification count in the header), and the viewer's membership: 1 query for a
# member, 2 for someone without one (their row, then their pending invitations).
#
# Bylines mark guest experts from an annotation of the rows they come with
# (``with_author_marks``): no query of their own.
#
# Activity: community; feed count; feed page; its threads; its replies (with
# thread); thread counts per kind; pinned threads.
ACTIVITY_ANONYMOUS = 7
# ... plus session, user, notification count, membership, whether one follows.
ACTIVITY_MEMBER = 12
# List: community; its tags (filter); count; page of threads with author,
# organisation, reply counts and news; their tags.
THREAD_LIST_ANONYMOUS = 5
THREAD_LIST_MEMBER = 9
# Thread: thread with community, author and organisation; related threads;
# replies with authors, organisations, quoted replies and their authors; tags;
# reaction counts.
THREAD_ANONYMOUS = 5
# ... plus session, user, notification count, membership, the viewer's
# reactions, follow, visit.
THREAD_MEMBER = 12


@pytest.mark.parametrize(
    ("viewer", "num_queries"),
    [("anonymous", ACTIVITY_ANONYMOUS), ("member", ACTIVITY_MEMBER)],
)
def test_activity_queries_do_not_grow(
    community, member, django_assert_num_queries, viewer, num_queries
):
    """The activity page costs the same with 5 or 20 threads and their replies."""
    url = reverse("conversations:activity", args=[community.slug])
    client = _client(member if viewer == "member" else None)
    first = _add_threads(community, 5, member)
    services.set_thread_pinned(
        actor=UserFactory(is_staff=True), thread=first[0], pinned=True
    )
    html = _get(client, url, num_queries, django_assert_num_queries)
    assert all(t.title in html for t in first)

    more = _add_threads(community, 15, member)

    html = _get(client, url, num_queries, django_assert_num_queries)
    assert all(t.author.organisation.name in html for t in more[-5:])


@pytest.mark.parametrize(
    ("viewer", "num_queries"),
    [("anonymous", THREAD_LIST_ANONYMOUS), ("member", THREAD_LIST_MEMBER)],
)
def test_thread_list_queries_do_not_grow(
    community, member, django_assert_num_queries, viewer, num_queries
):
    """The thread list costs the same with 5 or 20 threads, filtered or not."""
    url = reverse("conversations:thread_list", args=[community.slug])
    client = _client(member if viewer == "member" else None)
    first = _add_threads(community, 5, member)
    html = _get(client, url, num_queries, django_assert_num_queries)
    assert all(t.title in html for t in first)

    more = _add_threads(community, 15, member)

    html = _get(client, url, num_queries, django_assert_num_queries)
    assert all(t.author.organisation.name in html for t in first + more)
    _get(
        client,
        url + "?etat=non-resolu&tag=budget",
        num_queries,
        django_assert_num_queries,
    )


@pytest.mark.parametrize(
    ("viewer", "num_queries"),
    [("anonymous", THREAD_ANONYMOUS), ("member", THREAD_MEMBER)],
)
def test_thread_queries_do_not_grow_with_replies(
    community, member, django_assert_num_queries, viewer, num_queries
):
    """A thread costs the same with 5 or 40 replies with reactions, quotes and
    authors with organisations."""
    thread = ThreadFactory(
        community=community, author=_person(community), tags=list(Tag.objects.all()[:3])
    )
    thread.related.set(ThreadFactory.create_batch(2, community=community))
    reactors = [_person(community) for _ in range(4)]
    ReactionFactory(thread=thread, user=member, kind="same_problem")
    ThreadVisit.objects.create(
        user=member, thread=thread, last_seen_at=thread.created_at
    )
    first = _add_replies(thread, 5, reactors)
    Thread.objects.filter(pk=thread.pk).update(solution=first[1])
    client = _client(member if viewer == "member" else None)
    url = thread.get_absolute_url()
    html = _get(client, url, num_queries, django_assert_num_queries)
    assert all(r.author.organisation.name in html for r in first)

    more = _add_replies(thread, 35, reactors)

    html = _get(client, url, num_queries, django_assert_num_queries)
    assert all(r.author.organisation.name in html for r in first + more)
    assert all(f'id="{r.anchor}"' in html for r in more)


def test_facilitator_thread_page_costs_the_same(
    community, facilitator, django_assert_num_queries
):
    """A facilitator's view (moderation controls) costs as a member's."""
    thread = ThreadFactory(community=community, author=_person(community))
    _add_replies(thread, 3, [_person(community)])
    client = _client(facilitator)
    _get(client, thread.get_absolute_url(), THREAD_MEMBER, django_assert_num_queries)

    _add_replies(thread, 12, [_person(community), facilitator])

    _get(client, thread.get_absolute_url(), THREAD_MEMBER, django_assert_num_queries)
    assert Membership.objects.filter(user=facilitator, role="facilitator").exists()


# Moderation pages: session, user, notification count, community, membership,
# then the flags (with threads, replies, authors, reporters and organisations),
# or the log's count and page (with actors, threads and replies).
MODERATION_QUEUE = 6
MODERATION_LOG = 7
# "Who can help me?": session, user, notification count, thread, membership,
# tags, declared expertise, solutions, successes and tips, members among the
# candidates, people listed in the directory, the people with organisations.
HELPERS = 12


def _flag_and_moderate(thread, how_many, facilitator):
    for _ in range(how_many):
        reply = ReplyFactory(thread=thread, author=_person(thread.community))
        services.flag_content(
            reporter=_person(thread.community),
            thread=thread,
            reply=reply,
            reason="spam",
        )
        services.set_thread_locked(actor=facilitator, thread=thread, locked=True)
        services.set_thread_locked(
            actor=facilitator, thread=thread, locked=False, reason="Fausse alerte"
        )


def test_moderation_pages_queries_do_not_grow(
    community, facilitator, django_assert_num_queries
):
    """The flag queue and the log cost the same with 3 or 12 entries."""
    thread = ThreadFactory(community=community, author=_person(community))
    client = _client(facilitator)
    queue = reverse("conversations:moderation_queue", args=[community.slug])
    log = reverse("conversations:moderation_log", args=[community.slug])
    _flag_and_moderate(thread, 3, facilitator)
    _get(client, queue, MODERATION_QUEUE, django_assert_num_queries)
    _get(client, log, MODERATION_LOG, django_assert_num_queries)

    _flag_and_moderate(thread, 9, facilitator)

    html = _get(client, queue, MODERATION_QUEUE, django_assert_num_queries)
    assert html.count("CPE Les Pommettes") >= 24
    _get(client, log, MODERATION_LOG, django_assert_num_queries)


def test_helpers_page_queries_do_not_grow(community, django_assert_num_queries):
    """ "Who can help me?" costs the same with 3 or 12 people suggested."""
    from maillage.accounts import services as account_services
    from maillage.accounts.models import Consent

    author = _person(community)
    tags = list(Tag.objects.filter(slug__in=["budget", "menus"]))
    thread = ThreadFactory(community=community, author=author, tags=tags)

    def suggest(how_many):
        for n in range(how_many):
            person = _person(community if n % 2 else None)
            person.expertise.set(account_services.tags_from_names(["Budget"]))
            account_services.give_consent(
                user=person, purpose=Consent.Purpose.DIRECTORY
            )
            ThreadFactory(community=community, author=person, kind="tip", tags=tags)

    suggest(3)
    client = _client(author)
    url = reverse("conversations:thread_helpers", args=[thread.pk])
    _get(client, url, HELPERS, django_assert_num_queries)

    suggest(9)

    html = _get(client, url, HELPERS, django_assert_num_queries)
    assert html.count('name="people"') == 12
