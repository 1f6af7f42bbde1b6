"""The key pages the benchmark times, and who looks at each.

Add a page with ``Page(name, path, viewer)``: ``path`` gets the ``Picks`` (a
community, a member...) found in the generated data; ``viewer`` is one of the
picks' people, or None for an anonymous visitor. Later pages (activity, thread
list, a thread with 100 replies, notifications, search) come with their apps.
"""

from collections.abc import Callable
from dataclasses import dataclass

from maillage.communities.models import Community, Membership


@dataclass(frozen=True)
class Picks:
    community: Community
    member: object
    other_member: object
    facilitator: object
    last_page: int


def find_picks() -> Picks:
    """Deterministic choices in the generated network (the first community)."""
    community = Community.objects.get(slug="communaute-0")
    active = Membership.objects.filter(
        community=community, state=Membership.State.ACTIVE
    ).select_related("user")
    members = list(active.filter(role=Membership.Role.MEMBER).order_by("pk")[:2])
    facilitator = active.filter(role=Membership.Role.FACILITATOR).order_by("pk")[0]
    per_page = 50  # communities.views.MEMBERS_PER_PAGE
    return Picks(
        last_page=max(1, -(-active.count() // per_page)),
        community=community,
        member=members[0].user,
        other_member=members[1].user,
        facilitator=facilitator.user,
    )


@dataclass(frozen=True)
class Page:
    name: str
    path: Callable[[Picks], str]
    viewer: str | None = None  # "member", "facilitator" or None (anonymous)


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
]
