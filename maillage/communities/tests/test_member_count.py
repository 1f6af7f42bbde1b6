"""The stored ``Community.member_count`` stays equal to the active memberships,
whatever changed them: each service, the admin's saves, bulk writes, deletion."""

import pytest

from maillage.accounts import services as account_services
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory

pytestmark = pytest.mark.django_db
State = Membership.State


def _stored(community) -> int:
    return Community.objects.get(pk=community.pk).member_count


def _actual(community) -> int:
    return Membership.objects.active().filter(community=community).count()


def _assert_true(*communities):
    for community in communities:
        assert _stored(community) == _actual(community), community


def test_only_active_members_are_counted(community, facilitator, member):
    for state in [State.INVITED, State.REQUESTED, State.LEFT, State.REMOVED]:
        MembershipFactory(community=community, state=state)
    empty = CommunityFactory()

    assert _stored(community) == 2
    assert _stored(empty) == 0


def test_join_leave_and_remove(community, facilitator, outsider):
    services.join_community(user=outsider, community=community)
    assert _stored(community) == 2

    services.leave_community(user=outsider, community=community)
    assert _stored(community) == 1

    services.join_community(user=outsider, community=community)
    membership = community.memberships.get(user=outsider)
    services.remove_member(actor=facilitator, membership=membership)
    assert _stored(community) == 1
    _assert_true(community)


def test_request_approved_and_declined(facilitator, community):
    community.join_policy = Community.JoinPolicy.REQUEST
    community.save()
    asking, refused = UserFactory(), UserFactory()
    first = services.request_membership(user=asking, community=community, message="")
    second = services.request_membership(user=refused, community=community, message="")
    assert _stored(community) == 1

    services.approve_request(actor=facilitator, membership=first)
    services.decline_request(actor=facilitator, membership=second)

    assert _stored(community) == 2
    _assert_true(community)


def test_invitation_accepted_and_withdrawn(facilitator, community):
    invitee = UserFactory(email="invitee@cpe.qc.ca")
    invitation, _token = services.invite_member(
        actor=facilitator, community=community, email=invitee.email
    )
    assert _stored(community) == 1

    services.accept_invitation(user=invitee, invitation=invitation)
    assert _stored(community) == 2

    other, _token = services.invite_member(
        actor=facilitator, community=community, email="autre@cpe.qc.ca"
    )
    services.revoke_invitation(actor=facilitator, invitation=other)
    _assert_true(community)


def test_role_change_keeps_the_count(community, facilitator, member):
    membership = community.memberships.get(user=member)
    services.change_role(actor=facilitator, membership=membership, role="sponsor")
    assert _stored(community) == 2


def test_moving_a_membership_recounts_both_communities(community, member):
    """The admin may move a row to another community: both counts follow."""
    other = CommunityFactory()
    membership = Membership.objects.get(community=community, user=member)

    membership.community = other
    membership.save()

    assert (_stored(community), _stored(other)) == (0, 1)


def test_deleting_a_membership_row(community, member):
    Membership.objects.get(community=community, user=member).delete()
    assert _stored(community) == 0


def test_deleting_a_person_outright_recounts_through_the_cascade(community, member):
    """The admin may delete a person: the cascade removes the rows without
    calling ``Membership.delete()``, and the count still follows."""
    member.delete()
    assert _stored(community) == 0


def test_deleted_account_leaves_every_community(community, member):
    other = CommunityFactory()
    MembershipFactory(community=other, user=member)

    account_services.delete_account(user=member)

    assert (_stored(community), _stored(other)) == (0, 0)


def test_recount_repairs_counts_after_bulk_writes(community):
    people = UserFactory.create_batch(3)
    Membership.objects.bulk_create(
        Membership(community=community, user=person, state=State.ACTIVE)
        for person in people
    )
    assert _stored(community) == 0  # bulk_create bypasses save()

    Community.objects.recount_members()

    assert _stored(community) == 3


def test_saving_a_community_read_earlier_keeps_the_count(community):
    """A community read before members joined, then saved, does not write its
    older count back."""
    earlier = Community.objects.get(pk=community.pk)
    MembershipFactory.create_batch(2, community=community)

    earlier.name = "Montérégie mange local et bio"
    earlier.save()

    assert _stored(community) == 2
    assert Community.objects.get(pk=community.pk).name.endswith("bio")


def test_rows_read_with_only_some_fields_load_nothing_more_and_still_recount(
    community, member, django_assert_num_queries
):
    """A membership read with ``only()`` costs no query per row, and saving it
    with a new state still recounts."""
    with django_assert_num_queries(1):
        rows = list(Membership.objects.filter(community=community).only("role"))
    row = next(r for r in rows if r.user_id == member.pk)

    row.state = State.LEFT
    row.save()

    assert _stored(community) == 0
