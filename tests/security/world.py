"""A small network seeded with marker strings, and who may see each marker.

Every community kind (public, restricted, private, archived) gets a facilitator,
a member, a sponsor, a pending requester and a pending invitation, then the method's
content (``seed_method``), exchanges (``seed_conversations``) and a notification
(``seed_notifications``); the archived community is archived last, since
services refuse to write into an archive. Names, descriptions and messages
carry a distinctive marker (``zqprivatemember``...) with an audience:

- ``presentation``: what a community shows to whoever may see the community
  (its name, domain, description, facilitators) — everyone, except for a private
  community, which only its members and staff see;
- ``content``: what ``can_view_content`` opens (threads, replies, charter,
  objectives, stage changes) — everyone in a public community (archived ones
  included), only its active members and staff otherwise;
- ``members``: the active members of that community and staff (what profiles
  and the member directory show, the setup path's notes, even when public);
- ``facilitators``: its facilitators and staff (requests, invitations, flags,
  hidden content, the moderation log);
- ``staff``: staff alone (community proposals);
- ``self``: nobody but the marker's owner, not even staff (notifications).

A marker may have an ``owner``, the person it belongs to (its author, the
recipient of a notification, a proposer), who may always see it — in their own
data export for instance — whatever its audience says.

The walker looks for markers in every response, case-insensitively; no marker's
text starts another's. To cover a new app, add a ``seed_<app>(world)`` function
that creates content carrying markers through ``world.mark(...)`` and call it
from ``build_world``.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from maillage.accounts import services as account_services
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations import services as conversation_services
from maillage.conversations.models import Flag, Thread
from maillage.method import services as method_services
from maillage.method.models import CommunitySetupStep
from maillage.notifications import emails as notification_emails
from maillage.notifications import services as notification_services
from maillage.notifications.models import Category, Notification
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region

KINDS = ("public", "restricted", "private", "archived")
ROLES = ("anonymous", "outsider", "member", "sponsor", "facilitator", "staff")

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
    # presentation | content | members | facilitators | staff | self
    audience: str
    what: str  # "name", "member"...: what the marker was put into
    owner: int | None = None  # the pk of the person it belongs to, if any


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

    def mark(self, kind: str, audience: str, what: str, owner=None) -> str:
        """A marker string for ``what`` in the ``kind`` community, recorded.

        ``owner``: the person it belongs to, who may always see it.
        """
        text = f"zq{kind}{what}"
        owner_pk = owner.pk if owner is not None else None
        self.markers.append(Marker(text, kind, audience, what, owner_pk))
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
        for role in ("facilitator", "member", "sponsor"):
            if self.people.get((kind, role)) == user:
                return role
        return None

    def may_see(self, user, marker: Marker) -> bool:
        if user is not None and marker.owner is not None and user.pk == marker.owner:
            return True
        if marker.audience == "self":
            return False
        relation = self.relation(user, marker.kind)
        if relation == "staff":
            return True
        if marker.audience == "presentation":
            return marker.kind != "private" or relation is not None
        if marker.audience == "content":
            visibility = SETTINGS[marker.kind][0]
            return visibility == Community.Visibility.PUBLIC or relation is not None
        if marker.audience == "members":
            # A sponsor is an active member: the dashboard it reads shows no
            # more than the members' pages (no requests, no invitations).
            return relation in ("member", "sponsor", "facilitator")
        if marker.audience == "facilitators":
            return relation == "facilitator"
        if marker.audience == "staff":
            return False
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
            # The member answers in the community's exchanges (seed_conversations)
            # and a contribution shows its author's name (and organisation) to
            # whoever reads it; the profile and the member directory show the
            # job title and bio too, which stay for fellow members.
            display_name=f"Mathis {world.mark(kind, 'content', 'member')}",
            job_title=f"Cuisinier {world.mark(kind, 'members', 'job')}",
            bio=f"Bio {world.mark(kind, 'members', 'bio')}",
            organisation=organisation,
        )
        requester = UserFactory(
            display_name=f"Rémi {world.mark(kind, 'facilitators', 'requester')}"
        )
        world.people[kind, "facilitator"] = facilitator
        world.people[kind, "member"] = member
        world.people[kind, "sponsor"] = UserFactory(display_name="Paule Marraine")
        MembershipFactory(
            community=community, user=facilitator, role=Membership.Role.FACILITATOR
        )
        MembershipFactory(community=community, user=member)
        MembershipFactory(
            community=community,
            user=world.people[kind, "sponsor"],
            role=Membership.Role.SPONSOR,
        )
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


def seed_method(world: World) -> None:
    """The facilitator's setup path, charter, objective and stage change; a
    community proposal by the outsider.

    ``extra["method", kind]``: ``step``, ``objective`` and ``proposal``.
    """
    today = timezone.localdate()
    region = Region.objects.order_by("pk").first()
    for kind in KINDS:
        community = world.communities[kind]
        facilitator = world.people[kind, "facilitator"]
        mark = world.mark
        method_services.copy_setup_path(community)
        step = method_services.update_setup_step(
            actor=facilitator,
            step=community.setup_steps.order_by("position", "pk").first(),
            status=CommunitySetupStep.Status.IN_PROGRESS,
            # The setup path is the members' working document, even when public.
            notes=f"Note {mark(kind, 'members', 'stepnote')}",
        )
        method_services.save_charter(
            actor=facilitator,
            community=community,
            mandate=f"Mandat {mark(kind, 'content', 'mandate')}",
            domain="Achats locaux des établissements",
            note=f"Première version {mark(kind, 'content', 'revnote')}",
        )
        objective = method_services.create_objective(
            actor=facilitator,
            community=community,
            title=f"Objectif {mark(kind, 'content', 'objective')}",
            indicator="Part des achats en aliments du Québec",
            baseline=Decimal("20"),
            target=Decimal("40"),
            unit="%",
            due_date=today + timedelta(days=20),
        )
        method_services.record_progress(
            actor=facilitator,
            objective=objective,
            value=Decimal("25"),
            measured_on=today,
            comment=f"Relevé {mark(kind, 'content', 'progress')}",
        )
        method_services.change_stage(
            actor=facilitator,
            community=community,
            stage=Community.Stage.COALESCING,
            reason=f"Lancement {mark(kind, 'content', 'stagewhy')}",
        )
        # Proposals belong to no community: one per kind, so that each walk
        # has its own; staff review them, and their author sees them too.
        proposal = method_services.propose_community(
            proposer=world.outsider,
            role="Responsable de l'alimentation",
            organisation="CPE Les Petits Pois",
            name=f"Proposition {mark(kind, 'staff', 'proposal', world.outsider)}",
            domain="Menus de CPE",
            regions=[region],
            needs=f"Besoins {mark(kind, 'staff', 'needs', world.outsider)}",
        )
        world.extra["method", kind] = {
            "step": step,
            "objective": objective,
            "proposal": proposal,
        }


def seed_conversations(world: World) -> None:
    """Threads of a few kinds, replies, a flag, and content hidden after people
    were told of it.

    In each community the member follows the community (so new threads reach
    them) and declares the expertise "Budget". The facilitator asks a challenge
    tagged "Budget" that the member answers, then edits (the first draft stays
    in the reply's history); the facilitator then answers off topic (the
    member, who follows the thread since replying, is told) and staff hide that
    reply. The facilitator shares a tip that the member flags, and starts a
    discussion that staff hide. The member follows nothing afterwards, and
    nobody the challenge, so that following writes.

    ``extra["conversations", kind]``: ``challenge``, ``reply`` (the member's,
    published) and ``flag``.
    """
    for kind in KINDS:
        community = world.communities[kind]
        facilitator = world.people[kind, "facilitator"]
        member = world.people[kind, "member"]
        mark = world.mark
        member.expertise.set(account_services.tags_from_names(["Budget"]))
        conversation_services.follow_community(user=member, community=community)
        challenge = conversation_services.create_thread(
            author=facilitator,
            community=community,
            kind=Thread.Kind.CHALLENGE,
            title=f"Défi {mark(kind, 'content', 'challenge')}",
            sections={"problem": f"Problème {mark(kind, 'content', 'problem')}"},
            new_tags=["Budget"],
        )
        reply = conversation_services.create_reply(
            author=member,
            thread=challenge,
            # Earlier versions stay between the author and the moderators.
            body=f"Brouillon {mark(kind, 'facilitators', 'draft', member)}",
        )
        reply = conversation_services.edit_reply(
            actor=member, reply=reply, body=f"Réponse {mark(kind, 'content', 'answer')}"
        )
        aside = conversation_services.create_reply(
            author=facilitator,
            thread=challenge,
            body=f"Aparté {mark(kind, 'facilitators', 'offtopic')}",
        )
        conversation_services.set_reply_hidden(
            actor=world.staff,
            reply=aside,
            hidden=True,
            reason=f"Hors sujet {mark(kind, 'facilitators', 'muted')}",
        )
        tip = conversation_services.create_thread(
            author=facilitator,
            community=community,
            kind=Thread.Kind.TIP,
            title=f"Astuce {mark(kind, 'content', 'astuce')}",
            sections={"body": f"Truc {mark(kind, 'content', 'truc')}"},
        )
        flag = conversation_services.flag_content(
            reporter=member,
            thread=tip,
            reason=Flag.Reason.OTHER,
            details=f"Signalement {mark(kind, 'facilitators', 'signal', member)}",
        )
        discussion = conversation_services.create_thread(
            author=facilitator,
            community=community,
            kind=Thread.Kind.DISCUSSION,
            title=f"Discussion {mark(kind, 'facilitators', 'secret')}",
            sections={"body": f"Aveu {mark(kind, 'facilitators', 'aveu')}"},
        )
        conversation_services.set_thread_hidden(
            actor=world.staff,
            thread=discussion,
            hidden=True,
            reason=f"Masqué {mark(kind, 'facilitators', 'hidewhy')}",
        )
        conversation_services.unfollow_community(user=member, community=community)
        for person in (facilitator, member):
            conversation_services.unfollow_thread(user=person, thread=challenge)
        world.extra["conversations", kind] = {
            "challenge": challenge,
            "reply": reply,
            "flag": flag,
        }


def seed_notifications(world: World) -> None:
    """A notification for the member alone, and the member's unsubscribe token.

    Both hold others from ``seed_conversations``: the member was told of the
    facilitator's threads and reply, the facilitator of the member's reply and
    flag.

    ``extra["notifications", kind]``: ``notification`` and ``token``.
    """
    for kind in KINDS:
        member = world.people[kind, "member"]
        challenge = world.extra["conversations", kind]["challenge"]
        subject = f"Mention {world.mark(kind, 'self', 'notice', member)}"
        notification_services.notify(
            recipients=[member],
            community=world.communities[kind],
            kind="mention",
            actor=world.people[kind, "facilitator"],
            subject=subject,
            url=challenge.get_absolute_url(),
            target_key=f"walker:{kind}",
        )
        world.extra["notifications", kind] = {
            "notification": Notification.objects.get(
                recipient=member, target_key=f"walker:{kind}"
            ),
            "token": notification_emails.unsubscribe_token(
                member.pk, [Category.ABOUT_ME]
            ),
        }


def archive(world: World) -> None:
    """Archive the archived community, last: services refuse writes to it."""
    archived = world.communities["archived"]
    archived.archived_at = timezone.now() - timedelta(days=1)
    archived.save(update_fields=["archived_at"])


def build_world() -> World:
    world = World(
        outsider=UserFactory(display_name="Olivier Externe"),
        staff=UserFactory(display_name="Sophie Personnel", is_staff=True),
    )
    seed_communities(world)
    seed_method(world)
    seed_conversations(world)
    seed_notifications(world)
    archive(world)
    return world


def pending_invitation(world: World, kind: str) -> Invitation:
    return world.invitations[kind][0]
