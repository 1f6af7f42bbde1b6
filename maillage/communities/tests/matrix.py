"""The people and communities of the permission matrices (``test_permission_matrix``
here and in the method's tests), and how their tables are read and checked.

A table row gives a page or action, a kind of community, then the expected
outcome for each viewer (see ``test_permission_matrix``'s docstring).
"""

import copy
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory

VIEWERS = (
    "anonymous",
    "outsider",
    "invitee",
    "requester",
    "member",
    "sponsor",
    "facilitator",
    "staff",
)
# Table headers name the viewers in short, in the same order.
COLUMNS = ("anon", "out", "inv", "req", "mem", "spon", "fac", "staff")
# The people who may see who belongs to a community.
INSIDERS = {"member", "sponsor", "facilitator", "staff"}
# The people from whom a private community hides, even its name.
STRANGERS = {"anonymous", "outsider", "requester"}

KINDS = {
    "public": (
        "Cantines Publiques Estrie",
        Community.Visibility.PUBLIC,
        Community.JoinPolicy.OPEN,
        "Tremblay",
    ),
    "restricted": (
        "Cercle Restreint Laurentides",
        Community.Visibility.RESTRICTED,
        Community.JoinPolicy.REQUEST,
        "Gagnon",
    ),
    "private": (
        "Atelier Confidentiel Gaspésie",
        Community.Visibility.PRIVATE,
        Community.JoinPolicy.INVITATION,
        "Bouchard",
    ),
}
FIRST_NAMES = {
    "facilitator": "Fanny",
    "member": "Mathis",
    "invitee": "Inès",
    "requester": "Rémi",
    "sponsor": "Paule",
}
NEW_EMAIL = "nouvelle.personne@exemple.qc.ca"


@dataclass
class World:
    communities: dict[str, Community]
    people: dict[tuple[str, str], object]
    outsider: object
    staff: object

    def user(self, kind, viewer):
        """Who plays ``viewer`` in the ``kind`` community; None when anonymous."""
        if viewer == "anonymous":
            return None
        if viewer in ("outsider", "staff"):
            return getattr(self, viewer)
        return self.people[kind, viewer]

    def membership(self, kind, role):
        return Membership.objects.get(
            community=self.communities[kind], user=self.people[kind, role]
        )

    def state_of(self, kind, viewer):
        """The viewer's (state, role) in the ``kind`` community, or None."""
        return (
            Membership.objects.filter(
                community=self.communities[kind], user=self.user(kind, viewer)
            )
            .values_list("state", "role")
            .first()
        )

    def client_for(self, kind, viewer):
        client = Client()
        user = self.user(kind, viewer)
        if user is not None:
            client.force_login(user)
        return client


def build_world():
    """Three communities, each with a facilitator, a member, a sponsor, an invitee
    and a requester."""
    communities, people = {}, {}
    for kind, (name, visibility, join_policy, surname) in KINDS.items():
        community = CommunityFactory(
            name=name, slug=kind, visibility=visibility, join_policy=join_policy
        )
        communities[kind] = community
        for role, first_name in FIRST_NAMES.items():
            people[kind, role] = UserFactory(display_name=f"{first_name} {surname}")
        MembershipFactory(
            community=community,
            user=people[kind, "facilitator"],
            role=Membership.Role.FACILITATOR,
        )
        MembershipFactory(community=community, user=people[kind, "member"])
        MembershipFactory(
            community=community,
            user=people[kind, "sponsor"],
            role=Membership.Role.SPONSOR,
        )
        MembershipFactory(
            community=community,
            user=people[kind, "requester"],
            state=Membership.State.REQUESTED,
            joined_at=None,
            request_message="Je voudrais me joindre à vous.",
        )
        services.invite_member(
            actor=people[kind, "facilitator"],
            community=community,
            email=people[kind, "invitee"].email,
        )
    return World(
        communities=communities,
        people=people,
        outsider=UserFactory(display_name="Olivier Externe"),
        staff=UserFactory(display_name="Sophie Personnel", is_staff=True),
    )


# Fixtures, imported by the matrices' modules (their names are those of the
# fixtures, so that a test's ``world`` argument never shadows an import).
@pytest.fixture(scope="module", name="built_world")
def built_world_fixture(django_db_setup, django_db_blocker):
    """The world, built once for the module and undone after its last test.

    Each test runs in its own savepoint (``db``), rolled back, so every test
    meets the same rows; it gets its own copy of the Python objects, so that a
    service changing an instance in place cannot mislead the next test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(name="world")
def world_fixture(built_world, db):
    return copy.deepcopy(built_world)


def cases(table):
    """Turn a text table (a name, a kind, an outcome per viewer) into test cases."""
    header, *rows = (line.split() for line in table.strip().splitlines())
    assert tuple(header[2:]) == COLUMNS
    return [
        pytest.param(name, kind, viewer, outcome, id=f"{name}-{kind}-{viewer}")
        for name, kind, *outcomes in rows
        for viewer, outcome in zip(VIEWERS, outcomes, strict=True)
    ]


def assert_outcome(response, outcome, community):
    if outcome == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    elif outcome == "back":
        assert response.status_code == 302
        assert response.url == community.get_absolute_url()
    else:
        assert response.status_code == int(outcome)


def assert_nothing_leaks(html, world, kind, viewer):
    """Members stay hidden from non-insiders; a private community from strangers."""
    if viewer not in INSIDERS:
        for role in ("member", "invitee", "requester"):
            if role != viewer:
                assert world.people[kind, role].display_name not in html
    if kind == "private" and viewer in STRANGERS:
        assert world.communities[kind].name not in html
        assert world.people[kind, "facilitator"].display_name not in html
