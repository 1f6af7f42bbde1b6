"""A small network seeded with marker strings, and who may see each marker.

Every community kind (public, restricted, private, archived) gets a facilitator,
a member, a pending requester and a pending invitation. Names, descriptions and
messages carry a distinctive marker (``zqprivatemember``...) with an audience:

- ``presentation``: what a community shows to whoever may see the community
  (its name, domain, description, facilitators) — everyone, except for a private
  community, which only its members and staff see;
- ``members``: the active members of that community and staff (member names);
- ``facilitators``: its facilitators and staff (requests, invitations).

The walker looks for markers in every response, case-insensitively. To cover a
new app, add a ``seed_<app>(world)`` function that creates content carrying
markers through ``world.mark(...)`` and call it from ``build_world``.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.organisations.tests.factories import OrganisationFactory

KINDS = ("public", "restricted", "private", "archived")
ROLES = ("anonymous", "outsider", "member", "facilitator", "staff")

SETTINGS = {
    "public": (Community.Visibility.PUBLIC, Community.JoinPolicy.OPEN),
    "restricted": (Community.Visibility.RESTRICTED, Community.JoinPolicy.REQUEST),
    "private": (Community.Visibility.PRIVATE, Community.JoinPolicy.INVITATION),
    # Archived: it would be open to all, so any write that succeeds is the archive
    # failing to hold, not a policy saying no.
    "archived": (Community.Visibility.PUBLIC, Community.JoinPolicy.OPEN),
}


@dataclass(frozen=True)
class Marker:
    text: str
    kind: str
    audience: str  # presentation | members | facilitators
    what: str  # "name", "member"...: what the marker was put into


@dataclass
class World:
    communities: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)  # (kind, role) -> User
    requests: dict = field(default_factory=dict)  # kind -> Membership (requested)
    invitations: dict = field(default_factory=dict)  # kind -> (Invitation, token)
    markers: list = field(default_factory=list)
    outsider: object = None
    staff: object = None
    # Room for other apps' objects: extra[(app, kind)] = whatever they need.
    extra: dict = field(default_factory=dict)

    def mark(self, kind: str, audience: str, what: str) -> str:
        """A marker string for ``what`` in the ``kind`` community, recorded."""
        text = f"zq{kind}{what}"
        self.markers.append(Marker(text, kind, audience, what))
        return text

    def user(self, role: str, kind: str):
        """Who plays ``role`` when walking the ``kind`` community (None: anonymous)."""
        if role == "anonymous":
            return None
        if role in ("outsider", "staff"):
            return getattr(self, role)
        return self.people[kind, role]

    def client(self, role: str, kind: str, **kwargs) -> Client:
        client = Client(**kwargs)
        user = self.user(role, kind)
        if user is not None:
            client.force_login(user)
        return client

    def relation(self, user, kind: str) -> str | None:
        """The user's standing in the ``kind`` community: staff, facilitator..."""
        if user is None:
            return None
        if user.is_staff:
            return "staff"
        for role in ("facilitator", "member"):
            if self.people.get((kind, role)) == user:
                return role
        return None

    def may_see(self, user, marker: Marker) -> bool:
        relation = self.relation(user, marker.kind)
        if relation == "staff":
            return True
        if marker.audience == "presentation":
            return marker.kind != "private" or relation is not None
        if marker.audience == "members":
            return relation in ("member", "facilitator")
        if marker.audience == "facilitators":
            return relation == "facilitator"
        raise ValueError(marker.audience)

    def hidden_from(self, user) -> list[Marker]:
        return [m for m in self.markers if not self.may_see(user, m)]


def seed_communities(world: World) -> None:
    organisation = OrganisationFactory(name="Coopérative du Fleuve")
    for kind in KINDS:
        visibility, join_policy = SETTINGS[kind]
        community = CommunityFactory(
            name=f"Communauté {world.mark(kind, 'presentation', 'name')}",
            slug=f"{kind}-c",
            domain=f"Domaine {world.mark(kind, 'presentation', 'domain')}",
            description=f"Présentation *{world.mark(kind, 'presentation', 'desc')}*",
            visibility=visibility,
            join_policy=join_policy,
        )
        world.communities[kind] = community
        facilitator = UserFactory(
            display_name=f"Fanny {world.mark(kind, 'presentation', 'facil')}"
        )
        member = UserFactory(
            display_name=f"Mathis {world.mark(kind, 'members', 'member')}",
            job_title=f"Cuisinier {world.mark(kind, 'members', 'job')}",
            bio=f"Bio {world.mark(kind, 'members', 'bio')}",
            organisation=organisation,
        )
        requester = UserFactory(
            display_name=f"Rémi {world.mark(kind, 'facilitators', 'requester')}"
        )
        world.people[kind, "facilitator"] = facilitator
        world.people[kind, "member"] = member
        MembershipFactory(
            community=community, user=facilitator, role=Membership.Role.FACILITATOR
        )
        MembershipFactory(community=community, user=member)
        world.requests[kind] = MembershipFactory(
            community=community,
            user=requester,
            state=Membership.State.REQUESTED,
            joined_at=None,
            request_message=f"Demande {world.mark(kind, 'facilitators', 'reqmsg')}",
        )
        email = f"{world.mark(kind, 'facilitators', 'invitee')}@exemple.qc.ca"
        world.invitations[kind] = community_services.invite_member(
            actor=facilitator,
            community=community,
            email=email,
            message=f"Invitation {world.mark(kind, 'facilitators', 'invmsg')}",
        )
    archived = world.communities["archived"]
    archived.archived_at = timezone.now() - timedelta(days=1)
    archived.save(update_fields=["archived_at"])


def build_world() -> World:
    world = World(
        outsider=UserFactory(display_name="Olivier Externe"),
        staff=UserFactory(display_name="Sophie Personnel", is_staff=True),
    )
    seed_communities(world)
    return world


def pending_invitation(world: World, kind: str) -> Invitation:
    return world.invitations[kind][0]
