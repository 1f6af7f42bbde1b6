"""Who may see, join and run a community: predicates and permission-aware querysets."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import permissions
from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory

Role = Membership.Role
State = Membership.State
Visibility = Community.Visibility
JoinPolicy = Community.JoinPolicy

VISIBILITIES = [Visibility.PUBLIC, Visibility.RESTRICTED, Visibility.PRIVATE]

# persona -> (role, state) of their membership row; None means no row.
MEMBERSHIPS = {
    "anonymous": None,
    "outsider": None,
    "invitee": (Role.MEMBER, State.INVITED),
    "requester": (Role.MEMBER, State.REQUESTED),
    "member": (Role.MEMBER, State.ACTIVE),
    "facilitator": (Role.FACILITATOR, State.ACTIVE),
    "staff": None,
    "former": (Role.MEMBER, State.LEFT),
    "removed": (Role.MEMBER, State.REMOVED),
}


def persona(name, community):
    """The user for a persona and their membership row as pages load it."""
    if name == "anonymous":
        user = AnonymousUser()
    else:
        user = UserFactory(is_staff=(name == "staff"))
    if MEMBERSHIPS[name] is not None:
        role, state = MEMBERSHIPS[name]
        MembershipFactory(community=community, user=user, role=role, state=state)
    if name == "invitee":
        _invitation(community, user.email)
    return user, permissions.membership_of(user, community)


def _invitation(community, email, *, days=14, previous_state=""):
    """An invitation to ``email`` expiring in ``days`` (negative: already expired)."""
    return Invitation.objects.create(
        community=community,
        email=email,
        token_hash=f"hash-{email}-{days}",
        expires_at=timezone.now() + timedelta(days=days),
        previous_state=previous_state,
    )


def table(expected):
    """Expand {persona: (public, restricted, private)} into pytest params."""
    return [
        pytest.param(name, visibility, allowed, id=f"{name}-{visibility}")
        for name, row in expected.items()
        for visibility, allowed in zip(VISIBILITIES, row, strict=True)
    ]


Y, N = True, False

VIEW_COMMUNITY = {
    "anonymous": (Y, Y, N),
    "outsider": (Y, Y, N),
    "invitee": (Y, Y, Y),
    "requester": (Y, Y, N),
    "member": (Y, Y, Y),
    "facilitator": (Y, Y, Y),
    "staff": (Y, Y, Y),
    "former": (Y, Y, N),
    "removed": (Y, Y, N),
}
VIEW_CONTENT = {
    "anonymous": (Y, N, N),
    "outsider": (Y, N, N),
    "invitee": (Y, N, N),
    "requester": (Y, N, N),
    "member": (Y, Y, Y),
    "facilitator": (Y, Y, Y),
    "staff": (Y, Y, Y),
    "former": (Y, N, N),
    "removed": (Y, N, N),
}
VIEW_MEMBERS = {
    "anonymous": (N, N, N),
    "outsider": (N, N, N),
    "invitee": (N, N, N),
    "requester": (N, N, N),
    "member": (Y, Y, Y),
    "facilitator": (Y, Y, Y),
    "staff": (Y, Y, Y),
    "former": (N, N, N),
    "removed": (N, N, N),
}
MANAGE = {
    "anonymous": (N, N, N),
    "outsider": (N, N, N),
    "invitee": (N, N, N),
    "requester": (N, N, N),
    "member": (N, N, N),
    "facilitator": (Y, Y, Y),
    "staff": (Y, Y, Y),
    "former": (N, N, N),
    "removed": (N, N, N),
}
# In an open community.
JOIN = {
    "anonymous": (N, N, N),
    "outsider": (Y, Y, N),
    "invitee": (N, N, N),
    "requester": (Y, Y, N),
    "member": (N, N, N),
    "facilitator": (N, N, N),
    "staff": (Y, Y, Y),
    "former": (Y, Y, N),
    "removed": (N, N, N),
}
# In a community that reviews requests.
REQUEST = {
    "anonymous": (N, N, N),
    "outsider": (Y, Y, N),
    "invitee": (N, N, N),
    "requester": (N, N, N),
    "member": (N, N, N),
    "facilitator": (N, N, N),
    "staff": (Y, Y, Y),
    "former": (Y, Y, N),
    "removed": (N, N, N),
}
LEAVE = {
    "anonymous": (N, N, N),
    "outsider": (N, N, N),
    "invitee": (N, N, N),
    "requester": (N, N, N),
    "member": (Y, Y, Y),
    "facilitator": (Y, Y, Y),
    "staff": (N, N, N),
    "former": (N, N, N),
    "removed": (N, N, N),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "visibility", "allowed"), table(VIEW_COMMUNITY))
def test_can_view_community(name, visibility, allowed):
    """The presentation is listed for all, except private ones kept for insiders."""
    community = CommunityFactory(visibility=visibility)
    user, membership = persona(name, community)

    assert permissions.can_view_community(user, community, membership) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "visibility", "allowed"), table(VIEW_CONTENT))
def test_can_view_content(name, visibility, allowed):
    """Content is for everyone in public communities, else for active members."""
    community = CommunityFactory(visibility=visibility)
    user, membership = persona(name, community)

    assert permissions.can_view_content(user, community, membership) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "visibility", "allowed"), table(VIEW_MEMBERS))
def test_can_view_members(name, visibility, allowed):
    """The member directory is for active members and staff, whatever the visibility."""
    community = CommunityFactory(visibility=visibility)
    user, membership = persona(name, community)

    assert permissions.can_view_members(user, community, membership) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "visibility", "allowed"), table(MANAGE))
def test_can_manage(name, visibility, allowed):
    """Only active facilitators and staff manage a community."""
    community = CommunityFactory(visibility=visibility)
    user, membership = persona(name, community)

    assert permissions.can_manage(user, community, membership) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "visibility", "allowed"), table(JOIN))
def test_can_join_open_community(name, visibility, allowed):
    """One click joins an open community one can see, unless already in or removed."""
    community = CommunityFactory(visibility=visibility, join_policy=JoinPolicy.OPEN)
    user, membership = persona(name, community)

    assert permissions.can_join(user, community, membership) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("policy", [JoinPolicy.REQUEST, JoinPolicy.INVITATION])
@pytest.mark.parametrize("name", ["outsider", "former", "staff"])
def test_nobody_joins_in_one_click_unless_open(name, policy):
    """Communities on request or invitation cannot be joined in one click."""
    community = CommunityFactory(visibility=Visibility.PUBLIC, join_policy=policy)
    user, membership = persona(name, community)

    assert permissions.can_join(user, community, membership) is False


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "visibility", "allowed"), table(REQUEST))
def test_can_request_reviewed_community(name, visibility, allowed):
    """People who see a reviewed community and have no pending place may ask."""
    community = CommunityFactory(visibility=visibility, join_policy=JoinPolicy.REQUEST)
    user, membership = persona(name, community)

    assert permissions.can_request(user, community, membership) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("policy", [JoinPolicy.OPEN, JoinPolicy.INVITATION])
@pytest.mark.parametrize("name", ["outsider", "former", "staff"])
def test_nobody_requests_unless_community_reviews(name, policy):
    """Requests exist only for communities whose policy is 'on request'."""
    community = CommunityFactory(visibility=Visibility.PUBLIC, join_policy=policy)
    user, membership = persona(name, community)

    assert permissions.can_request(user, community, membership) is False


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "visibility", "allowed"), table(LEAVE))
def test_can_leave(name, visibility, allowed):
    """Only active members (facilitators included) can leave."""
    community = CommunityFactory(visibility=visibility)
    _user, membership = persona(name, community)

    assert permissions.can_leave(membership) is allowed


def test_membership_of_anonymous_is_none_without_query(
    community, django_assert_num_queries
):
    """An anonymous visitor has no membership, and asking costs no query."""
    with django_assert_num_queries(0):
        assert permissions.membership_of(AnonymousUser(), community) is None


def test_membership_of_returns_row_whatever_its_state(community):
    """The viewer's row is returned even when they left."""
    former = MembershipFactory(community=community, state=State.LEFT)

    assert permissions.membership_of(former.user, community) == former


@pytest.mark.parametrize(
    ("is_staff", "allowed_flag", "allowed"),
    [(False, False, False), (False, True, True), (True, False, True)],
)
def test_can_launch_community(db, is_staff, allowed_flag, allowed):
    """Staff and people whom staff allowed may launch communities."""
    user = UserFactory(is_staff=is_staff, can_launch_communities=allowed_flag)

    assert permissions.can_launch_community(user) is allowed


def test_anonymous_cannot_launch_community():
    """An anonymous visitor cannot launch a community."""
    assert permissions.can_launch_community(AnonymousUser()) is False


# Community.objects.visible_to / content_visible_to


@pytest.fixture
def three(db):
    """One public, one restricted and one private community."""
    return {
        v: CommunityFactory(name=f"Communauté {v}", visibility=v) for v in VISIBILITIES
    }


def _listed(queryset):
    return {c.visibility for c in queryset}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("anonymous", {Visibility.PUBLIC, Visibility.RESTRICTED}),
        ("outsider", {Visibility.PUBLIC, Visibility.RESTRICTED}),
        ("requester", {Visibility.PUBLIC, Visibility.RESTRICTED}),
        ("former", {Visibility.PUBLIC, Visibility.RESTRICTED}),
        ("removed", {Visibility.PUBLIC, Visibility.RESTRICTED}),
        ("invitee", set(VISIBILITIES)),
        ("member", set(VISIBILITIES)),
        ("facilitator", set(VISIBILITIES)),
        ("staff", set(VISIBILITIES)),
    ],
)
def test_visible_to_lists_private_community_for_insiders_only(three, name, expected):
    """A private community is listed for its members, invitees and staff only."""
    user, _membership = persona(name, three[Visibility.PRIVATE])

    assert _listed(Community.objects.visible_to(user)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("anonymous", {Visibility.PUBLIC}),
        ("outsider", {Visibility.PUBLIC}),
        ("invitee", {Visibility.PUBLIC}),
        ("requester", {Visibility.PUBLIC}),
        ("former", {Visibility.PUBLIC}),
        ("member", {Visibility.PUBLIC, Visibility.PRIVATE}),
        ("facilitator", {Visibility.PUBLIC, Visibility.PRIVATE}),
        ("staff", set(VISIBILITIES)),
    ],
)
def test_content_visible_to_opens_content_to_active_members(three, name, expected):
    """Beyond public ones, content is readable only where one is an active member."""
    user, _membership = persona(name, three[Visibility.PRIVATE])

    assert _listed(Community.objects.content_visible_to(user)) == expected


def test_member_of_restricted_community_reads_its_content(three):
    """An active member of a restricted community reads its content."""
    user, _membership = persona("member", three[Visibility.RESTRICTED])

    assert _listed(Community.objects.content_visible_to(user)) == {
        Visibility.PUBLIC,
        Visibility.RESTRICTED,
    }


def test_visible_to_lists_each_community_once(three):
    """A community with many members is not repeated in the list."""
    private = three[Visibility.PRIVATE]
    user, _membership = persona("member", private)
    MembershipFactory.create_batch(3, community=private)
    MembershipFactory.create_batch(3, community=three[Visibility.PUBLIC])

    visible = list(Community.objects.visible_to(user))
    readable = list(Community.objects.content_visible_to(user))

    assert len(visible) == 3
    assert len(readable) == 2


@pytest.mark.django_db
def test_lapsed_invitation_gives_no_access_to_a_private_community():
    """Once its invitation expired, an 'invited' row opens nothing."""
    private = CommunityFactory(visibility=Visibility.PRIVATE)
    user = UserFactory()
    MembershipFactory(community=private, user=user, state=State.INVITED)
    _invitation(private, user.email, days=-1)

    own = permissions.membership_of(user, private)

    assert own is None
    assert not permissions.can_view_community(user, private, own)
    assert private not in Community.objects.visible_to(user)


@pytest.mark.django_db
def test_lapsed_invitation_falls_back_to_the_earlier_state():
    """A removed person re-invited whose invitation lapsed is 'removed' again."""
    community = CommunityFactory(join_policy=JoinPolicy.OPEN)
    user = UserFactory()
    MembershipFactory(community=community, user=user, state=State.INVITED)
    _invitation(community, user.email, days=-1, previous_state=State.REMOVED)

    own = permissions.membership_of(user, community)

    assert own.state == State.REMOVED
    assert not permissions.can_join(user, community, own)
