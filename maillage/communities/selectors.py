"""Page-shaped reads: each costs a fixed number of queries whatever the data size."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.text import slugify

from maillage.accounts.models import User
from maillage.core.paging import IdsFirst
from maillage.core.text import fold

from . import sections
from .models import Community, Invitation, Membership


@dataclass
class CommunityCards:
    """The home page's communities: the living ones, then the dissolved ones."""

    living: list
    dissolved: list

    def __len__(self):
        return len(self.living) + len(self.dissolved)


def community_cards(*, user, region=None, sector=None) -> CommunityCards:
    """Communities ``user`` may see, each once, as the home page's cards.

    One query for the communities with their stored member count, whether
    ``user`` may read their content (``content_readable``), and every section's
    card columns behind that gate (``sections.annotate_listing``: latest
    exchange, next objective...); two more for regions and sectors. Each
    community gets ``highlights``, its card's lines of what is alive.
    """
    communities = (
        Community.objects.visible_to(user)
        .prefetch_related("regions", "sectors")
        .order_by("name", "pk")
    )
    # One row per community: a community and a region (or sector) make a pair
    # at most once, so these filters never repeat a community.
    if region is not None:
        communities = communities.filter(regions=region)
    if sector is not None:
        communities = communities.filter(sectors=sector)
    cards = CommunityCards(living=[], dissolved=[])
    for community in sections.annotate_listing(communities, user):
        community.highlights = sections.highlights_of(community)
        (cards.dissolved if community.is_archived else cards.living).append(community)
    return cards


def my_memberships(user):
    """The viewer's communities for 'my communities': memberships, pending
    requests, and pending invitations (as unsaved 'invited' memberships)."""
    if not user.is_authenticated:
        return []
    rows = (
        Membership.objects.filter(
            Q(state=Membership.State.ACTIVE)
            | Q(state=Membership.State.REQUESTED)
            & ~Q(community__visibility=Community.Visibility.PRIVATE),
            user=user,
        )
        .select_related("community")
        .order_by("community__name")
    )
    invitations = (
        Invitation.objects.pending()
        .filter(email__iexact=user.email)
        .select_related("community")
    )
    mine = list(rows)
    joined = {m.community_id for m in mine}
    mine += [
        Membership(
            community=i.community,
            user=user,
            role=i.role,
            state=Membership.State.INVITED,
        )
        for i in invitations
        if i.community_id not in joined
    ]
    return sorted(mine, key=lambda m: m.community.name.casefold())


def facilitators(community):
    return list(
        Membership.objects.facilitators()
        .filter(community=community)
        .select_related("user")
        .order_by("user__display_name")
    )


def member_count(community) -> int:
    """Its active members: stored on the community (``Membership.save()``)."""
    return community.member_count


def member_directory(
    *, community, q="", region=None, sector=None, role="", expertise=""
) -> IdsFirst:
    """Active members with what the directory shows, filtered, in the order of
    their names: to page with Django's ``Paginator``. The order is read from
    the ``membership_directory`` index (names are copied to the memberships),
    and a page's rows are joined once its ids are known."""
    members = (
        Membership.objects.active()
        .filter(community=community)
        .order_by(*DIRECTORY_ORDER)
    )
    if q:
        # Looked for in the community's members' rows (a join), not in every
        # person's: at 10x SQLite scanned 100,000 people for a community of
        # 6,600 members (docs/performance.md).
        folded = fold(q)
        members = members.filter(
            Q(user__search_text__contains=folded)
            | Q(user__organisation_search__contains=folded)
        )
    if region is not None:
        members = members.filter(user__region=region)
    if sector is not None:
        members = members.filter(user__organisation__sector=sector)
    if role:
        members = members.shown_as(role)
    if expertise and slugify(expertise):
        experts = User.objects.with_expertise_like(slugify(expertise))
        members = members.filter(user__in=experts.values("pk"))
    return IdsFirst(members, rows=_directory_rows)


DIRECTORY_ORDER = ("member_name", "user_id")


def _directory_rows(ids):
    return (
        Membership.objects.filter(pk__in=ids)
        .select_related("user__organisation__sector", "user__region")
        .prefetch_related("user__expertise")
        .order_by(*DIRECTORY_ORDER)
    )


def pending_requests(community):
    """The community's membership requests, oldest first: to page with
    Django's ``Paginator`` (a large community may have many waiting)."""
    return (
        Membership.objects.requested()
        .filter(community=community)
        .select_related("user__organisation", "user__region")
        .order_by("updated_at", "pk")
    )


def pending_invitations(community):
    return list(
        Invitation.objects.pending()
        .filter(community=community)
        .select_related("invited_by")
        .order_by("-created_at")
    )


def pending_invitation_for(community, user) -> Invitation | None:
    """The pending invitation addressed to ``user``'s e-mail, if any."""
    if not user.is_authenticated:
        return None
    return (
        Invitation.objects.pending()
        .filter(community=community, email__iexact=user.email)
        .select_related("invited_by")
        .first()
    )


def people_sharing_communities(viewer):
    """Ids of people who share an active community with ``viewer``."""
    return User.objects.filter(
        memberships__state=Membership.State.ACTIVE,
        memberships__community__in=Membership.objects.active()
        .filter(user=viewer)
        .values("community"),
    )


def active_communities_of(person, viewer):
    """The communities of ``person`` shown on a profile: public ones and those
    where ``viewer`` is a member too (membership elsewhere is private)."""
    return list(
        Community.objects.content_visible_to(viewer)
        .filter(memberships__user=person, memberships__state=Membership.State.ACTIVE)
        .distinct()
        .order_by("name")
    )
