"""Fixtures shared by every app's tests: people in each role, and communities."""

import pytest

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory


@pytest.fixture(autouse=True)
def _french_and_isolated(settings, tmp_path):
    settings.LANGUAGE_CODE = "fr"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, display_name="Sophie Personnel")


@pytest.fixture
def community(db):
    return CommunityFactory(
        name="Montérégie mange local",
        slug="monteregie",
        visibility=Community.Visibility.PUBLIC,
        join_policy=Community.JoinPolicy.OPEN,
    )


@pytest.fixture
def facilitator(community):
    return MembershipFactory(
        community=community,
        role=Membership.Role.FACILITATOR,
        user__display_name="Françoise Animatrice",
    ).user


@pytest.fixture
def member(community):
    return MembershipFactory(community=community, user__display_name="Marc Membre").user


@pytest.fixture
def outsider(db):
    return UserFactory(display_name="Olivier Externe")
