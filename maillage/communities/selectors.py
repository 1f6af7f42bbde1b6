"""Page-shaped reads: each costs a fixed number of queries whatever the data size."""

from django.db.models import Q

from maillage.accounts.models import User

from .models import Community, Invitation, Membership


def community_list(*, user, region=None, sector=None):
    """Communities ``user`` may see, with regions, sectors and member counts."""
    communities = (
        Community.objects.visible_to(user)
        .with_member_count()
        .prefetch_related("regions", "sectors")
        .order_by("name")
    )
    if region is not None:
        communities = communities.filter(regions=region)
    if sector is not None:
        communities = communities.filter(sectors=sector)
    return list(communities.distinct())


def communities_by_region(communities):
    """Group communities under each of their regions, regions in code order."""
    groups = {}
    for community in communities:
        for region in community.regions.all():
            groups.setdefault(region, []).append(community)
    return sorted(groups.items(), key=lambda item: item[0].code)


def my_memberships(user):
    """The viewer's current and pending memberships, for 'my communities'."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(
            user=user,
            state__in=[
                Membership.State.ACTIVE,
                Membership.State.INVITED,
                Membership.State.REQUESTED,
            ],
        )
        .select_related("community")
        .order_by("community__name")
    )


def facilitators(community):
    return list(
        Membership.objects.facilitators()
        .filter(community=community)
        .select_related("user")
        .order_by("user__display_name")
    )


def member_count(community) -> int:
    return Membership.objects.active().filter(community=community).count()


def member_directory(
    *, community, q="", region=None, sector=None, role="", expertise=""
):
    """Active members with what the directory shows, filtered; a queryset to page."""
    members = (
        Membership.objects.active()
        .filter(community=community)
        .select_related("user__organisation__sector", "user__region")
        .prefetch_related("user__expertise")
        .order_by("user__display_name", "user_id")
    )
    if q:
        members = members.filter(
            Q(user__display_name__icontains=q)
            | Q(user__job_title__icontains=q)
            | Q(user__organisation__name__icontains=q)
        )
    if region is not None:
        members = members.filter(user__region=region)
    if sector is not None:
        members = members.filter(user__organisation__sector=sector)
    if role:
        members = members.filter(role=role)
    if expertise:
        members = members.filter(
            Q(user__expertise__name__icontains=expertise)
            | Q(user__expertise__slug__icontains=expertise)
        ).distinct()
    return members


def pending_requests(community):
    return list(
        Membership.objects.requested()
        .filter(community=community)
        .select_related("user__organisation", "user__region")
        .order_by("updated_at")
    )


def pending_invitations(community):
    return list(
        Invitation.objects.pending()
        .filter(community=community)
        .select_related("invited_by")
        .order_by("-created_at")
    )


def shares_a_community(viewer, person) -> bool:
    """True when both are active members of at least one same community."""
    if not viewer.is_authenticated:
        return False
    return (
        Membership.objects.active()
        .filter(
            user=person,
            community__in=Membership.objects.active()
            .filter(user=viewer)
            .values("community"),
        )
        .exists()
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
    """The communities of ``person`` that ``viewer`` may see, for a profile page."""
    return list(
        Community.objects.visible_to(viewer)
        .filter(memberships__user=person, memberships__state=Membership.State.ACTIVE)
        .distinct()
        .order_by("name")
    )
