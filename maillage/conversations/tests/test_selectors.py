"""Reads: the visibility gate, what is new, the activity feed, "who can help me?"."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import permissions as community_permissions
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations import selectors, services
from maillage.conversations.models import Reply, Tag, Thread, ThreadVisit
from maillage.conversations.tests.factories import ReplyFactory, ThreadFactory

# The visibility gate ----------------------------------------------------------


@pytest.fixture
def three(db):
    """A thread in a public, a restricted and a private community."""
    made = {}
    for visibility in Community.Visibility.values:
        community = CommunityFactory(visibility=visibility)
        made[visibility] = ThreadFactory(community=community, title=visibility)
    return made


def _visible(user):
    return set(Thread.objects.visible_to(user).values_list("title", flat=True))


def test_anonymous_and_outsiders_read_public_threads_only(three):
    """Only public communities' threads are listed to non-members."""
    assert _visible(AnonymousUser()) == {"public"}
    assert _visible(UserFactory()) == {"public"}


def test_members_read_their_communities_threads(three):
    """Members add their own restricted and private communities."""
    member = UserFactory()
    MembershipFactory(community=three["private"].community, user=member)

    assert _visible(member) == {"public", "private"}


@pytest.mark.parametrize(
    "state", [Membership.State.INVITED, Membership.State.REQUESTED, "left", "removed"]
)
def test_non_active_memberships_read_nothing_more(three, state):
    """Invitees, requesters and former members do not read private threads."""
    person = UserFactory()
    MembershipFactory(community=three["private"].community, user=person, state=state)

    assert _visible(person) == {"public"}


def test_staff_read_everything(three):
    """Staff read every community's threads."""
    assert _visible(UserFactory(is_staff=True)) == {"public", "restricted", "private"}


def test_hidden_threads_show_to_moderators_only(community, member, facilitator):
    """A hidden thread leaves every list but its community's facilitators'."""
    ThreadFactory(community=community, title="caché", hidden_at=timezone.now())
    other_facilitator = MembershipFactory(role="facilitator").user

    assert _visible(member) == set()
    assert _visible(AnonymousUser()) == set()
    assert _visible(other_facilitator) == set()
    assert _visible(facilitator) == {"caché"}


def test_the_gate_within_one_community_is_the_gate(three):
    """``visible_in(community, viewer, membership)`` lists what
    ``visible_to(viewer)`` lists in that community, for every kind of viewer
    and community, hidden threads included."""
    people = {"anonymous": AnonymousUser(), "outsider": UserFactory()}
    people["staff"] = UserFactory(is_staff=True)
    for visibility, thread in three.items():
        ThreadFactory(
            community=thread.community,
            title=f"{visibility} caché",
            hidden_at=timezone.now(),
        )
        for role in ["member", "facilitator"]:
            person = MembershipFactory(community=thread.community, role=role).user
            people[f"{role} of {visibility}"] = person
        left = MembershipFactory(community=thread.community, state="left").user
        people[f"former member of {visibility}"] = left

    for name, person in people.items():
        for thread in three.values():
            community = thread.community
            expected = Thread.objects.visible_to(person).filter(community=community)
            within = _within(community, person)
            assert set(within) == set(expected), (name, community.visibility)
    # The cases are not all alike: the test would see a gate that lets too much
    # or too little through.
    facilitator = people["facilitator of private"]
    private = three["private"].community
    assert _within(private, facilitator).count() == 2
    assert _within(private, people["member of private"]).count() == 1
    assert not _within(private, people["outsider"]).exists()
    assert _within(private, people["staff"]).count() == 2
    assert not _within(private, people["former member of private"]).exists()


def _membership(person, community):
    return community_permissions.membership_of(person, community)


def _within(community, person):
    return selectors.visible_in(community, person, _membership(person, community))


# What is new ------------------------------------------------------------------


def test_new_replies_count_since_the_last_visit(community, member):
    """Replies by others after the visit are new; the reader's own are not."""
    thread = ThreadFactory(community=community)
    ReplyFactory(thread=thread)
    ThreadVisit.objects.create(user=member, thread=thread, last_seen_at=timezone.now())
    later = timezone.now() + timedelta(seconds=1)
    for author in [UserFactory(), UserFactory(), member]:
        reply = ReplyFactory(thread=thread, author=author)
        reply.created_at = later
        reply.save()
    ReplyFactory(thread=thread, deleted_at=later)

    row = Thread.objects.with_news_for(member).with_reply_counts().get()

    assert row.new_reply_count == 2
    assert row.reply_count == 4
    assert row.last_seen_at is not None


def test_unvisited_thread_has_no_last_visit(community, member):
    """A thread never opened has no last visit (shown as new)."""
    ThreadFactory(community=community)

    row = Thread.objects.with_news_for(member).get()

    assert row.last_seen_at is None


# The activity feed ------------------------------------------------------------


def test_activity_feed_mixes_threads_and_replies_latest_first(community, member):
    """New threads and replies come in one list, latest first, hidden ones left out."""
    old = ThreadFactory(community=community, title="Ancien")
    Thread.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    reply = ReplyFactory(thread=old, body="Réponse récente")
    ReplyFactory(thread=old, hidden_at=timezone.now())
    new = ThreadFactory(community=community, title="Nouveau")
    ThreadFactory(community=community, hidden_at=timezone.now())
    ThreadFactory(title="Ailleurs")

    feed = selectors.activity_feed(
        community=community, viewer=member, membership=_membership(member, community)
    )
    items = selectors.activity_items(feed.rows)

    assert [(i.thread.title, i.reply) for i in items] == [
        ("Nouveau", None),
        ("Ancien", reply),
        ("Ancien", None),
    ]
    assert items[0].thread == new
    assert feed.older is None


def test_replies_in_a_hidden_thread_are_only_in_the_moderators_feed(
    community, member, facilitator
):
    """A hidden thread takes its replies out of the members' feed; its
    facilitators still see them. Replies carry their thread's community."""
    hidden = ThreadFactory(community=community, hidden_at=timezone.now())
    reply = ReplyFactory(thread=hidden)
    elsewhere = ReplyFactory(thread=ThreadFactory())

    assert reply.community == community
    assert elsewhere.community != community

    def replies_seen_by(person):
        feed = selectors.activity_feed(
            community=community,
            viewer=person,
            membership=_membership(person, community),
        )
        return [ref for item, ref, _when in feed.rows if item == "reply"]

    assert replies_seen_by(member) == []
    assert replies_seen_by(facilitator) == [reply.pk]


def test_activity_feed_pages_go_older_without_gaps_or_repeats(community, member):
    """Following the "older" cursor page after page yields every thread and
    reply once, latest first — ties on the same instant included."""
    same_instant = timezone.now() - timedelta(hours=1)
    threads = ThreadFactory.create_batch(4, community=community)
    expected = set()
    for number, thread in enumerate(threads):
        replies = ReplyFactory.create_batch(number, thread=thread)
        expected.add(("thread", thread.pk))
        expected.update(("reply", r.pk) for r in replies)
    # Half of everything happened at the very same microsecond.
    Thread.objects.filter(pk__in=[t.pk for t in threads[:2]]).update(
        created_at=same_instant
    )
    Reply.objects.filter(thread__in=threads[:3]).update(created_at=same_instant)

    seen, before, pages = [], None, 0
    while True:
        feed = selectors.activity_feed(
            community=community,
            viewer=member,
            membership=_membership(member, community),
            before=before,
            size=3,
        )
        seen += [(item, ref) for item, ref, _when in feed.rows]
        times = [when for _item, _ref, when in feed.rows]
        assert times == sorted(times, reverse=True)
        pages += 1
        before = selectors.FeedCursor.parse(feed.older.token) if feed.older else None
        if before is None:
            break

    assert len(seen) == len(expected) == 10
    assert set(seen) == expected
    assert pages == 4


@pytest.mark.parametrize(
    "token", ["", "abc", "12.x5", "-1.t3", "1234567890123456789012.t1", "1.t1.r2", None]
)
def test_a_token_that_is_not_a_cursor_reads_as_none(token):
    """Hand-edited or stale URLs fall back to the latest activity."""
    assert selectors.FeedCursor.parse(token) is None


def test_a_cursor_survives_its_token():
    when = timezone.now()
    cursor = selectors.FeedCursor(when, "reply", 42)

    assert selectors.FeedCursor.parse(cursor.token) == cursor


# "Who can help me?" -----------------------------------------------------------


def _tag(slug):
    return Tag.objects.get(slug=slug)


def _expert(community=None, expertise=(), directory=False, **kwargs):
    person = UserFactory(**kwargs)
    if expertise:
        person.expertise.set(account_services.tags_from_names(expertise))
    if community is not None:
        MembershipFactory(community=community, user=person)
    if directory:
        account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    return person


def _solved(community, author, tags, helper):
    thread = ThreadFactory(community=community, author=author, tags=tags)
    reply = ReplyFactory(thread=thread, author=helper)
    Thread.objects.filter(pk=thread.pk).update(solution=reply)
    return thread


@pytest.fixture(autouse=True)
def _english():
    """Reasons are asserted in the msgid language, whatever the catalogue holds."""
    with translation.override("en"):
        yield


def _reasons(suggestions):
    return {str(s.person.display_name): s.reasons for s in suggestions}


def test_helpers_are_found_by_expertise_and_contributions(community, member):
    """Declared expertise, solutions given, successes and tips told all count,
    each with the reason in words."""
    tags = [_tag("appels-doffres"), _tag("menus")]
    challenge = ThreadFactory(community=community, author=member, tags=tags)
    _expert(community, ["Menus de CPE"], display_name="Chantal Experte")
    solver = _expert(community, display_name="Simon Solutions")
    for _ in range(2):
        _solved(community, member, [tags[0]], solver)
    teller = _expert(community, display_name="Théa Témoin")
    ThreadFactory(community=community, author=teller, kind="success", tags=[tags[1]])
    ThreadFactory(community=community, author=teller, kind="tip", tags=[tags[1]])
    _expert(community, ["Menus végétariens"], display_name="Hors Sujet")
    _expert(community, ["Menuiserie"], display_name="Pas Menuisier")

    suggestions = selectors.helpers_for(thread=challenge, viewer=member)

    reasons = _reasons(suggestions)
    assert reasons["Simon Solutions"] == ["gave 2 solutions on “Appels d'offres”"]
    assert reasons["Chantal Experte"] == ["expertise: Menus de CPE"]
    assert sorted(reasons["Théa Témoin"]) == [
        "shared 1 tip on “Menus”",
        "told 1 success on “Menus”",
    ]
    assert "Pas Menuisier" not in reasons
    assert suggestions[0].person == solver
    assert all(s.in_community for s in suggestions)


def test_helpers_leave_out_the_author_and_the_viewer(community, member, facilitator):
    """Nobody is suggested to help themselves."""
    challenge = ThreadFactory(community=community, author=member, tags=[_tag("budget")])
    for person in (member, facilitator):
        person.expertise.set(account_services.tags_from_names(["Budget"]))

    assert selectors.helpers_for(thread=challenge, viewer=facilitator) == []


def test_no_tags_no_suggestions(community, member):
    """Without tags there is nothing to match."""
    challenge = ThreadFactory(community=community, author=member)
    _expert(community, ["Budget"])

    assert selectors.helpers_for(thread=challenge, viewer=member) == []


def test_people_elsewhere_only_with_directory_consent_for_public_threads(
    community, member
):
    """A public challenge may be put to people of other communities listed in the
    directory (after the community's own), never to unlisted ones."""
    challenge = ThreadFactory(community=community, author=member, tags=[_tag("budget")])
    inside = _expert(community, ["Budget"], display_name="Interne")
    listed = _expert(None, ["Budget"], directory=True, display_name="Annuaire")
    _expert(None, ["Budget"], display_name="Discret")

    suggestions = selectors.helpers_for(thread=challenge, viewer=member)

    assert [(s.person, s.in_community) for s in suggestions] == [
        (inside, True),
        (listed, False),
    ]


@pytest.mark.parametrize("visibility", ["restricted", "private"])
def test_non_public_thread_is_never_put_to_outsiders(member, visibility):
    """A restricted or private challenge is suggested to its members only, even
    to people listed in the directory."""
    closed = CommunityFactory(visibility=visibility)
    MembershipFactory(community=closed, user=member)
    challenge = ThreadFactory(community=closed, author=member, tags=[_tag("budget")])
    _expert(None, ["Budget"], directory=True)

    assert selectors.helpers_for(thread=challenge, viewer=member) == []


def test_reasons_never_tell_of_a_private_communitys_content(community, member):
    """Solutions given in a private community the viewer is not in are not
    counted, so the reason reveals nothing of it."""
    secret = CommunityFactory(visibility=Community.Visibility.PRIVATE)
    helper = _expert(community, ["Budget"], display_name="Hélène Aide")
    MembershipFactory(community=secret, user=helper)
    _solved(secret, UserFactory(), [_tag("budget")], helper)
    challenge = ThreadFactory(community=community, author=member, tags=[_tag("budget")])

    reasons = _reasons(selectors.helpers_for(thread=challenge, viewer=member))

    assert reasons == {"Hélène Aide": ["expertise: Budget"]}


def test_inactive_people_are_not_suggested(community, member):
    """Deactivated or deleted accounts are never suggested."""
    challenge = ThreadFactory(community=community, author=member, tags=[_tag("budget")])
    _expert(community, ["Budget"], is_active=False)
    _expert(community, ["Budget"], deleted_at=timezone.now())

    assert selectors.helpers_for(thread=challenge, viewer=member) == []


def test_mention_candidates_are_active_members_matching_the_name(community, member):
    """Suggestions while typing: members of this community, accents ignored."""
    hit = MembershipFactory(community=community, user__display_name="Élodie Roy").user
    MembershipFactory(
        community=community,
        user__display_name="Élodie Partie",
        state=Membership.State.LEFT,
    )
    UserFactory(display_name="Élodie Ailleurs")

    people = selectors.mention_candidates(
        community=community, query="elodie", viewer=member
    )

    assert people == [hit]
    assert (
        selectors.mention_candidates(community=community, query=" ", viewer=member)
        == []
    )


def test_services_and_selectors_agree_on_solutions(community, member, facilitator):
    """A solution marked through the service is counted for its author."""
    challenge = services.create_thread(
        author=member,
        community=community,
        kind="challenge",
        title="Appel d'offres pour le pain",
        sections={"problem": "Comment inclure les boulangeries locales?"},
        tags=[_tag("appels-doffres")],
    )
    reply = services.create_reply(author=facilitator, thread=challenge, body="Lots!")
    services.mark_solution(actor=member, reply=reply)
    other = ThreadFactory(
        community=community, author=member, tags=[_tag("appels-doffres")]
    )

    reasons = _reasons(selectors.helpers_for(thread=other, viewer=member))

    assert reasons == {
        facilitator.display_name: ["gave 1 solution on “Appels d'offres”"]
    }


def test_community_tags_are_those_of_its_published_threads_once_each(community):
    """The tag filter offers the tags of the community's published threads, each
    once, by name: not a hidden thread's, not another community's."""
    local, bio, secret, elsewhere = (
        Tag.objects.create(name=name, slug=name.lower())
        for name in ["Local", "Bio", "Secret", "Ailleurs"]
    )
    for tags in ([local, bio], [local]):
        ThreadFactory(community=community).tags.set(tags)
    ThreadFactory(community=community, hidden_at=timezone.now()).tags.set([secret])
    ThreadFactory(community=CommunityFactory()).tags.set([elsewhere])

    assert [t.name for t in selectors.community_tags(community)] == ["Bio", "Local"]
