"""Who may see and do what in the exchanges: every page and action, per viewer and
kind of community.

Each table row gives a page or action, a kind of community, then the expected
outcome for each viewer: anonymous, outsider (signed in, no membership), invitee
(pending invitation), member, author (a member who wrote the thread and a reply),
facilitator, staff. Kinds are public, restricted and private communities, and an
archived public one. Outcomes:

- ``200``, ``204``, ``302``, ``403``, ``404``: the response status;
- ``login``: a redirect to the login page (anonymous visitor);
- ``back``: a redirect to the thread or the exchanges, and nothing changed;
- ``ok``: the action was done (POST only), answered by a redirect.
"""

import copy
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from maillage.accounts import services as account_services
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations import services
from maillage.conversations.models import (
    CommunityFollow,
    Flag,
    Reaction,
    Reply,
    Tag,
    Thread,
    ThreadFollow,
)

VIEWERS = (
    "anonymous",
    "outsider",
    "invitee",
    "member",
    "author",
    "facilitator",
    "staff",
)
COLUMNS = ("anon", "out", "inv", "mem", "auth", "fac", "staff")
KINDS = {
    "public": (Community.Visibility.PUBLIC, False),
    "restricted": (Community.Visibility.RESTRICTED, False),
    "private": (Community.Visibility.PRIVATE, False),
    "archived": (Community.Visibility.PUBLIC, True),
}
# Viewers for whom a private community does not exist.
STRANGERS = {"anonymous", "outsider"}


@dataclass
class World:
    communities: dict
    threads: dict
    replies: dict
    flags: dict
    people: dict
    outsider: object
    staff: object

    def user(self, kind, viewer):
        if viewer == "anonymous":
            return None
        if viewer in ("outsider", "staff"):
            return getattr(self, viewer)
        return self.people[kind, viewer]

    def client_for(self, kind, viewer):
        client = Client()
        user = self.user(kind, viewer)
        if user is not None:
            client.force_login(user)
        return client


def _build_world():
    """Four communities, each with a facilitator, a member, an author and an
    invitee; a tagged challenge by the author, with the author's reply and a
    flag; the member declares the matching expertise."""
    budget = Tag.objects.get(slug="budget")
    staff = UserFactory(display_name="Sophie Personnel", is_staff=True)
    communities, threads, replies, flags, people = {}, {}, {}, {}, {}
    for kind, (visibility, archived) in KINDS.items():
        community = CommunityFactory(
            name=f"Cuisines {kind.capitalize()} Nord",
            slug=kind,
            visibility=visibility,
            join_policy=Community.JoinPolicy.INVITATION,
        )
        communities[kind] = community
        for role in ("facilitator", "member", "author", "invitee", "reporter"):
            people[kind, role] = UserFactory(display_name=f"{role.capitalize()} {kind}")
        MembershipFactory(
            community=community,
            user=people[kind, "facilitator"],
            role=Membership.Role.FACILITATOR,
        )
        MembershipFactory(community=community, user=people[kind, "member"])
        MembershipFactory(community=community, user=people[kind, "author"])
        MembershipFactory(community=community, user=people[kind, "reporter"])
        people[kind, "member"].expertise.set(
            account_services.tags_from_names(["Budget"])
        )
        community_services.invite_member(
            actor=people[kind, "facilitator"],
            community=community,
            email=people[kind, "invitee"].email,
        )
        thread = services.create_thread(
            author=people[kind, "author"],
            community=community,
            kind=Thread.Kind.CHALLENGE,
            title=f"Secret culinaire {kind}",
            sections={"problem": f"Problème confidentiel {kind}"},
            tags=[budget],
        )
        threads[kind] = thread
        replies[kind] = services.create_reply(
            author=people[kind, "author"], thread=thread, body=f"Réponse intime {kind}"
        )
        flags[kind] = services.flag_content(
            reporter=people[kind, "reporter"], thread=thread, reason="spam"
        )
        # Nobody follows yet, so that following is an observable change.
        ThreadFollow.objects.filter(thread=thread).delete()
        if archived:
            Community.objects.filter(pk=community.pk).update(archived_at=timezone.now())
            community.refresh_from_db()
    return World(
        communities=communities,
        threads=threads,
        replies=replies,
        flags=flags,
        people=people,
        outsider=UserFactory(display_name="Olivier Externe"),
        staff=staff,
    )


@pytest.fixture(scope="module")
def _built_world(django_db_setup, django_db_blocker):
    """The world, built once for the module and undone after its last test.

    Each test runs in its own savepoint (``db``), rolled back, so every test
    meets the same rows; it gets its own copy of the Python objects, so that a
    service changing an instance in place cannot mislead the next test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(_built_world, db):
    return copy.deepcopy(_built_world)


def _cases(table):
    header, *rows = (line.split() for line in table.strip().splitlines())
    assert tuple(header[2:]) == COLUMNS
    return [
        pytest.param(name, kind, viewer, outcome, id=f"{name}-{kind}-{viewer}")
        for name, kind, *outcomes in rows
        for viewer, outcome in zip(VIEWERS, outcomes, strict=True)
    ]


def _assert_status(response, outcome):
    if outcome == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == int(outcome), response.content[:500]


def _assert_nothing_leaks(html, world, kind, outcome, viewer):
    """A refused viewer sees neither the thread nor its reply; a private
    community's name stays hidden from strangers."""
    if outcome not in ("200", "302", "204"):
        assert world.threads[kind].title not in html
        assert f"Problème confidentiel {kind}" not in html
        assert f"Réponse intime {kind}" not in html
    if kind == "private" and viewer in STRANGERS:
        assert world.communities[kind].name not in html


# Pages ------------------------------------------------------------------------

PAGES = """
page                kind       anon  out   inv   mem   auth  fac   staff
activity            public     200   200   200   200   200   200   200
activity            restricted login 403   403   200   200   200   200
activity            private    404   404   403   200   200   200   200
activity            archived   200   200   200   200   200   200   200
thread_list         public     200   200   200   200   200   200   200
thread_list         restricted login 403   403   200   200   200   200
thread_list         private    404   404   403   200   200   200   200
thread_list         archived   200   200   200   200   200   200   200
thread_detail       public     200   200   200   200   200   200   200
thread_detail       restricted login 403   403   200   200   200   200
thread_detail       private    login 404   403   200   200   200   200
thread_detail       archived   200   200   200   200   200   200   200
reply_permalink     public     302   302   302   302   302   302   302
reply_permalink     restricted login 403   403   302   302   302   302
reply_permalink     private    login 404   403   302   302   302   302
reply_permalink     archived   302   302   302   302   302   302   302
thread_create       public     login 403   403   200   200   200   200
thread_create       restricted login 403   403   200   200   200   200
thread_create       private    login 404   403   200   200   200   200
thread_create       archived   login 403   403   403   403   403   403
thread_update       public     login 403   403   403   200   200   200
thread_update       restricted login 403   403   403   200   200   200
thread_update       private    login 404   403   403   200   200   200
thread_update       archived   login 403   403   403   403   403   403
reply_update        public     login 403   403   403   200   403   403
reply_update        restricted login 403   403   403   200   403   403
reply_update        private    login 404   403   403   200   403   403
reply_update        archived   login 403   403   403   403   403   403
reply_delete        public     login 403   403   403   200   200   200
reply_delete        restricted login 403   403   403   200   200   200
reply_delete        private    login 404   403   403   200   200   200
reply_delete        archived   login 403   403   403   403   403   403
reply_history       public     login 403   403   403   200   200   200
reply_history       restricted login 403   403   403   200   200   200
reply_history       private    login 404   403   403   200   200   200
reply_history       archived   login 403   403   403   200   200   200
thread_flag         public     login 403   403   200   200   200   200
thread_flag         restricted login 403   403   200   200   200   200
thread_flag         private    login 404   403   200   200   200   200
thread_flag         archived   login 403   403   403   403   403   403
reply_flag          public     login 403   403   200   200   200   200
reply_flag          restricted login 403   403   200   200   200   200
reply_flag          private    login 404   403   200   200   200   200
reply_flag          archived   login 403   403   403   403   403   403
thread_helpers      public     login 403   403   403   200   200   200
thread_helpers      restricted login 403   403   403   200   200   200
thread_helpers      private    login 404   403   403   200   200   200
thread_helpers      archived   login 403   403   403   403   403   403
mention_suggestions public     login 403   403   200   200   200   200
mention_suggestions restricted login 403   403   200   200   200   200
mention_suggestions private    login 404   403   200   200   200   200
mention_suggestions archived   login 403   403   403   403   403   403
moderation_queue    public     login 403   403   403   403   200   200
moderation_queue    restricted login 403   403   403   403   200   200
moderation_queue    private    login 404   403   403   403   200   200
moderation_queue    archived   login 403   403   403   403   200   200
moderation_log      public     login 403   403   403   403   200   200
moderation_log      restricted login 403   403   403   403   200   200
moderation_log      private    login 404   403   403   403   200   200
moderation_log      archived   login 403   403   403   403   200   200
"""

COMMUNITY_PAGES = {
    "activity",
    "thread_list",
    "mention_suggestions",
    "moderation_queue",
    "moderation_log",
}
REPLY_PAGES = {
    "reply_permalink",
    "reply_update",
    "reply_delete",
    "reply_history",
    "reply_flag",
}


def _page_url(page, world, kind):
    if page in COMMUNITY_PAGES:
        url = reverse(f"conversations:{page}", args=[kind])
        return url + ("?q=memb" if page == "mention_suggestions" else "")
    if page == "thread_create":
        return reverse("conversations:thread_create", args=[kind, "defi"])
    if page in REPLY_PAGES:
        return reverse(f"conversations:{page}", args=[world.replies[kind].pk])
    return reverse(f"conversations:{page}", args=[world.threads[kind].pk])


@pytest.mark.parametrize(("page", "kind", "viewer", "outcome"), _cases(PAGES))
def test_page_answers_each_viewer_as_expected_and_leaks_nothing(
    world, page, kind, viewer, outcome
):
    """Each page gives each viewer the expected status and nothing hidden."""
    response = world.client_for(kind, viewer).get(_page_url(page, world, kind))

    _assert_status(response, outcome)
    html = response.content.decode()
    _assert_nothing_leaks(html, world, kind, outcome, viewer)
    if outcome == "200" and page in ("activity", "thread_list", "thread_detail"):
        assert world.threads[kind].title in html
    if outcome == "200" and page == "thread_detail":
        assert f"Réponse intime {kind}" in html


# Actions ----------------------------------------------------------------------

ACTIONS = """
action            kind       anon  out   inv   mem   auth  fac   staff
thread_create     public     login 403   403   ok    ok    ok    ok
thread_create     restricted login 403   403   ok    ok    ok    ok
thread_create     private    login 404   403   ok    ok    ok    ok
thread_create     archived   login 403   403   403   403   403   403
reply_create      public     login 403   403   ok    ok    ok    ok
reply_create      restricted login 403   403   ok    ok    ok    ok
reply_create      private    login 404   403   ok    ok    ok    ok
reply_create      archived   login back  back  back  back  back  back
thread_react      public     login 403   403   ok    403   ok    ok
thread_react      restricted login 403   403   ok    403   ok    ok
thread_react      private    login 404   403   ok    403   ok    ok
thread_react      archived   login back  back  back  back  back  back
reply_react       public     login 403   403   ok    403   ok    ok
reply_react       restricted login 403   403   ok    403   ok    ok
reply_react       private    login 404   403   ok    403   ok    ok
reply_react       archived   login back  back  back  back  back  back
thread_follow     public     login 403   403   ok    ok    ok    ok
thread_follow     restricted login 403   403   ok    ok    ok    ok
thread_follow     private    login 404   403   ok    ok    ok    ok
thread_follow     archived   login back  back  back  back  back  back
community_follow  public     login 403   403   ok    ok    ok    ok
community_follow  restricted login 403   403   ok    ok    ok    ok
community_follow  private    login 404   403   ok    ok    ok    ok
community_follow  archived   login back  back  back  back  back  back
reply_solution    public     login 403   403   403   ok    ok    ok
reply_solution    restricted login 403   403   403   ok    ok    ok
reply_solution    private    login 404   403   403   ok    ok    ok
reply_solution    archived   login back  back  back  back  back  back
thread_flag       public     login 403   403   ok    ok    ok    ok
thread_flag       restricted login 403   403   ok    ok    ok    ok
thread_flag       private    login 404   403   ok    ok    ok    ok
thread_flag       archived   login 403   403   403   403   403   403
reply_flag        public     login 403   403   ok    ok    ok    ok
reply_flag        restricted login 403   403   ok    ok    ok    ok
reply_flag        private    login 404   403   ok    ok    ok    ok
reply_flag        archived   login 403   403   403   403   403   403
thread_moderate   public     login 403   403   403   403   ok    ok
thread_moderate   restricted login 403   403   403   403   ok    ok
thread_moderate   private    login 404   403   403   403   ok    ok
thread_moderate   archived   login back  back  back  back  back  back
reply_moderate    public     login 403   403   403   403   ok    ok
reply_moderate    restricted login 403   403   403   403   ok    ok
reply_moderate    private    login 404   403   403   403   ok    ok
reply_moderate    archived   login back  back  back  back  back  back
reply_update      public     login 403   403   403   ok    403   403
reply_update      restricted login 403   403   403   ok    403   403
reply_update      private    login 404   403   403   ok    403   403
reply_update      archived   login 403   403   403   403   403   403
reply_delete      public     login 403   403   403   ok    ok    ok
reply_delete      restricted login 403   403   403   ok    ok    ok
reply_delete      private    login 404   403   403   ok    ok    ok
reply_delete      archived   login 403   403   403   403   403   403
thread_update     public     login 403   403   403   ok    ok    ok
thread_update     restricted login 403   403   403   ok    ok    ok
thread_update     private    login 404   403   403   ok    ok    ok
thread_update     archived   login 403   403   403   403   403   403
thread_helpers    public     login 403   403   403   ok    ok    ok
thread_helpers    restricted login 403   403   403   ok    ok    ok
thread_helpers    private    login 404   403   403   ok    ok    ok
thread_helpers    archived   login 403   403   403   403   403   403
flag_dismiss      public     login 403   403   403   403   ok    ok
flag_dismiss      restricted login 403   403   403   403   ok    ok
flag_dismiss      private    login 404   403   403   403   ok    ok
flag_dismiss      archived   login 403   403   403   403   back  back
thread_visit      public     login 204   204   204   204   204   204
thread_visit      restricted login 404   404   204   204   204   204
thread_visit      private    login 404   404   204   204   204   204
thread_visit      archived   login 204   204   204   204   204   204
"""


def _action(action, world, kind):
    """URL, form data, and a function telling whether the action took effect."""
    thread, reply = world.threads[kind], world.replies[kind]
    member = world.people[kind, "member"]
    match action:
        case "thread_create":
            url = reverse("conversations:thread_create", args=[kind, "astuce"])
            return (
                url,
                {"title": "Une astuce", "body": "Le truc."},
                lambda: Thread.objects.filter(title="Une astuce").exists(),
            )
        case "reply_create":
            return (
                reverse("conversations:reply_create", args=[thread.pk]),
                {"body": "Nouvelle réponse"},
                lambda: Reply.objects.filter(body="Nouvelle réponse").exists(),
            )
        case "thread_react" | "reply_react":
            target = thread if action == "thread_react" else reply
            url = reverse(f"conversations:{action}", args=[target.pk])
            field = "thread" if action == "thread_react" else "reply"
            return (
                url,
                {"kind": "useful"},
                lambda: Reaction.objects.filter(
                    **{field: target}, kind="useful"
                ).exists(),
            )
        case "thread_follow":
            return (
                reverse("conversations:thread_follow", args=[thread.pk]),
                {"action": "follow"},
                lambda: ThreadFollow.objects.filter(thread=thread).exists(),
            )
        case "community_follow":
            return (
                reverse("conversations:community_follow", args=[kind]),
                {"action": "follow"},
                lambda: CommunityFollow.objects.exists(),
            )
        case "reply_solution":
            return (
                reverse("conversations:reply_solution", args=[reply.pk]),
                {"action": "mark"},
                lambda: Thread.objects.filter(pk=thread.pk, solution=reply).exists(),
            )
        case "thread_flag" | "reply_flag":
            target = thread if action == "thread_flag" else reply
            url = reverse(f"conversations:{action}", args=[target.pk])
            return (
                url,
                {"reason": "off_topic"},
                lambda: Flag.objects.filter(reason="off_topic").exists(),
            )
        case "thread_moderate":
            return (
                reverse("conversations:thread_moderate", args=[thread.pk]),
                {"action": "pin", "reason": "Important"},
                lambda: Thread.objects.filter(pinned_at__isnull=False).exists(),
            )
        case "reply_moderate":
            return (
                reverse("conversations:reply_moderate", args=[reply.pk]),
                {"action": "hide"},
                lambda: Reply.objects.filter(hidden_at__isnull=False).exists(),
            )
        case "reply_update":
            return (
                reverse("conversations:reply_update", args=[reply.pk]),
                {"body": "Texte corrigé"},
                lambda: Reply.objects.filter(body="Texte corrigé").exists(),
            )
        case "reply_delete":
            return (
                reverse("conversations:reply_delete", args=[reply.pk]),
                {},
                lambda: Reply.objects.filter(deleted_at__isnull=False).exists(),
            )
        case "thread_update":
            return (
                reverse("conversations:thread_update", args=[thread.pk]),
                {"title": "Titre revu", "problem": "Mieux dit"},
                lambda: Thread.objects.filter(title="Titre revu").exists(),
            )
        case "thread_helpers":
            return (
                reverse("conversations:thread_helpers", args=[thread.pk]),
                {"people": [member.pk]},
                lambda: member.notifications.filter(kind="help_request").exists(),
            )
        case "flag_dismiss":
            flag = world.flags[kind]
            return (
                reverse("conversations:flag_dismiss", args=[flag.pk]),
                {},
                lambda: Flag.objects.filter(
                    pk=flag.pk, resolution="dismissed"
                ).exists(),
            )
        case "thread_visit":
            return (
                reverse("conversations:thread_visit", args=[thread.pk]),
                {},
                lambda: thread.visits.exists(),
            )
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "kind", "viewer", "outcome"), _cases(ACTIONS))
def test_action_is_allowed_or_refused_as_expected(world, action, kind, viewer, outcome):
    """Each action is done for those allowed and changes nothing for the others."""
    url, data, done = _action(action, world, kind)
    assert not done()

    response = world.client_for(kind, viewer).post(url, data)

    if outcome == "ok":
        assert response.status_code == 302, response.content[:800]
        assert done()
    elif outcome == "back":
        assert response.status_code == 302
        assert response.url.startswith(("/echanges/", f"/c/{kind}/echanges/"))
        assert not done()
    else:
        _assert_status(response, outcome)
        assert done() is (outcome == "204")
    _assert_nothing_leaks(response.content.decode(), world, kind, outcome, viewer)
