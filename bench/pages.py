"""The key pages the benchmark times, and who looks at each.

Add a page with ``Page(name, path, viewer)``: ``path`` gets the ``Picks`` (a
community, a member, a thread...) found in the generated data; ``viewer`` is
one of the picks' people, or None for an anonymous visitor. A search of the
exchanges has no page yet: the searches timed are the member directory's and
the people directory's.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from maillage.communities.models import Community, Membership
from maillage.conversations.models import STATE_UNSOLVED, Thread

from .generate import HUNDRED_REPLIES_TITLE, viewer_memberships


@dataclass(frozen=True)
class Picks:
    community: Community
    member: object
    other_member: object
    facilitator: object
    last_page: int
    thread: Thread  # communaute-0's thread with 100 replies
    thread_of_20: Thread  # its first published thread with 20 published replies


def find_picks() -> Picks:
    """Deterministic choices in the generated network (the first community)."""
    community = Community.objects.get(slug="communaute-0")
    active = Membership.objects.filter(
        community=community, state=Membership.State.ACTIVE
    ).select_related("user")
    members = list(viewer_memberships(community).select_related("user")[:2])
    facilitator = active.filter(role=Membership.Role.FACILITATOR).order_by("pk")[0]
    per_page = 20  # communities.views.MEMBERS_PER_PAGE
    return Picks(
        last_page=max(1, -(-active.count() // per_page)),
        community=community,
        member=members[0].user,
        other_member=members[1].user,
        facilitator=facilitator.user,
        thread=Thread.objects.get(community=community, title=HUNDRED_REPLIES_TITLE),
        thread_of_20=Thread.objects.published()
        .filter(community=community)
        .with_reply_counts()
        .filter(reply_count=20)
        .order_by("pk")
        .first(),
    )


@dataclass(frozen=True)
class Page:
    name: str
    path: Callable[[Picks], str]
    viewer: str | None = None  # "member", "facilitator" or None (anonymous)


def _url(name: str, *args) -> str:
    return reverse(name, args=args)


PAGES = [
    Page("home (anonymous)", lambda p: "/"),
    Page("home (member)", lambda p: "/", "member"),
    Page("community page", lambda p: f"/c/{p.community.slug}/", "member"),
    Page("member directory", lambda p: f"/c/{p.community.slug}/membres/", "member"),
    Page(
        "member directory, last page",
        lambda p: f"/c/{p.community.slug}/membres/?page={p.last_page}",
        "member",
    ),
    Page(
        "member directory search",
        lambda p: f"/c/{p.community.slug}/membres/?q=tremblay",
        "member",
    ),
    Page(
        "requests (facilitator)",
        lambda p: f"/c/{p.community.slug}/demandes/",
        "facilitator",
    ),
    Page("people directory", lambda p: "/repertoire/?q=gagnon", "member"),
    Page("profile", lambda p: f"/membres/{p.other_member.pk}/", "member"),
    Page(
        "activity page",
        lambda p: _url("conversations:activity", p.community.slug),
        "member",
    ),
    Page(
        "thread list",
        lambda p: _url("conversations:thread_list", p.community.slug),
        "member",
    ),
    Page(
        "thread list, unsolved challenges",
        lambda p: (
            _url("conversations:thread_list", p.community.slug)
            + f"?etat={STATE_UNSOLVED}"
        ),
        "member",
    ),
    Page(
        "thread with 20 replies",
        lambda p: _url("conversations:thread_detail", p.thread_of_20.pk),
        "member",
    ),
    Page(
        "thread with 100 replies",
        lambda p: _url("conversations:thread_detail", p.thread.pk),
        "member",
    ),
    Page(
        "notifications",
        lambda p: _url("notifications:notification_list"),
        "member",
    ),
]
