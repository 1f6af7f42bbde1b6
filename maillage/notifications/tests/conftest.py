import pytest

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory


@pytest.fixture
def private_community(db):
    return CommunityFactory(
        name="Cuisines de l'Estrie",
        slug="cuisines-estrie",
        visibility=Community.Visibility.PRIVATE,
        join_policy=Community.JoinPolicy.INVITATION,
    )


@pytest.fixture
def private_member(private_community):
    return MembershipFactory(
        community=private_community, user__display_name="Paule Privée"
    ).user


@pytest.fixture
def actor(community):
    return MembershipFactory(
        community=community, user__display_name="Alice Autrice"
    ).user


@pytest.fixture
def make_member():
    def make(community, **user_kwargs):
        return MembershipFactory(
            community=community, user=UserFactory(**user_kwargs)
        ).user

    return make
