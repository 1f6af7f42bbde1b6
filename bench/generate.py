"""A large network for the benchmark, written with bulk_create.

One function per app, each taking the ``Network`` built so far and adding its
rows; ``GENERATORS`` lists them in order. To benchmark a new app (resources,
meetings), add its ``generate_<app>`` function there and its pages to
``bench/pages.py``.

At scale 1: 30 communities, 10,000 people, 1,500 organisations, about 20,000
memberships, 50,000 threads and 250,000 replies (with their reactions, tags,
follows, visits, solutions and moderation), and about 50,000 notifications;
``scale`` multiplies everything but the communities (they stay 30, so each
member directory and each community's exchanges grow with the scale).

Each generator commits its own work; the exchanges and the notifications commit
in chunks, so that memory (Python's and PostgreSQL's queue of deferred foreign
key checks) stays flat at scale 10. Rows are written as the services would
write them (``maillage/conversations/services.py``): stored Markdown with
mentions in their stored form, ``last_activity_at`` at the latest reply,
``updated_at`` at the latest save, the author and every replier following the
thread, a moderation log entry for each hidden, locked or pinned item.
"""

import random
from collections import defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify

from maillage.accounts.models import Consent, User
from maillage.communities.models import Community, Invitation, Membership
from maillage.conversations import notifying
from maillage.conversations.models import (
    KIND_SECTIONS,
    REQUIRED_SECTIONS,
    SECTION_FIELDS,
    CommunityFollow,
    Flag,
    ModerationLog,
    Reaction,
    Reply,
    ReplyRevision,
    Tag,
    Thread,
    ThreadFollow,
    ThreadVisit,
    excerpt_of,
)
from maillage.core.text import fold
from maillage.notifications.models import Notification
from maillage.organisations.models import Organisation, Sector
from maillage.territories.models import Region

BATCH = 2000
COMMUNITIES = 30
PEOPLE = 10_000
ORGANISATIONS = 1_500
THREADS = 50_000
REPLIES = 250_000
# Threads written per transaction, with their replies and everything around them.
THREAD_CHUNK = 1_000
# The thread of the "thread with 100 replies" page, in communaute-0.
HUNDRED_REPLIES = 100
HUNDRED_REPLIES_TITLE = "Banc d'essai : cent réponses sur les menus d'hiver"
HISTORY = timedelta(days=730)  # threads were started over the last two years
REPLY_WINDOW = timedelta(days=60)  # and get their replies within two months
VIEWER_NOTIFICATIONS = 300
NOTIFICATIONS_PER_PERSON = 5  # on average, 0 to 10 each
NOTIFICATION_WINDOW = timedelta(days=120)
PASSWORD = "bench-password"  # noqa: S105 - benchmark accounts on a local database


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Marie Jean Louise Marc Sophie Pierre Julie Luc Isabelle François Nathalie "
    "Éric Catherine Martin Chantal Yves Geneviève Alain Mélanie Denis Amélie "
    "Karim Fatima Olivier Léa Samuel Chloé Mathis Inès Rémi"
)
LAST = _words(
    "Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné "
    "Ouellet Pelletier Bélanger Lévesque Bergeron Leblanc Paquette Girard "
    "Simard Boucher Caron Beaulieu Cloutier Dubé Poirier Fournier Lapointe"
)
JOBS = (
    "Cuisinière",
    "Responsable des achats",
    "Nutritionniste",
    "Directeur de CPE",
    "Conseillère en alimentation",
    "Producteur maraîcher",
    "Gestionnaire de services alimentaires",
)
THEMES = (
    "mange local",
    "cuisines scolaires",
    "achats hospitaliers",
    "circuits courts",
    "menus durables",
    "approvisionnement des CPE",
)


@dataclass
class Network:
    scale: float
    rng: random.Random
    regions: list = field(default_factory=list)
    sectors: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    people: list = field(default_factory=list)
    communities: list = field(default_factory=list)
    # Filled by generate_conversations, for the notifications.
    viewer_id: int | None = None  # the bench's "member" (see bench.pages)
    members: dict = field(default_factory=dict)  # community id -> active user ids
    facilitators: dict = field(default_factory=dict)  # community id -> user ids
    samples: dict = field(default_factory=dict)  # community id -> [_Sample]

    def count(self, base: int) -> int:
        return max(1, int(base * self.scale))


def generate_reference(network: Network) -> None:
    """Regions and sectors come from data migrations."""
    network.regions = list(Region.objects.all())
    network.sectors = list(Sector.objects.all())


@transaction.atomic
def generate_organisations(network: Network) -> None:
    rng, rows = network.rng, []
    kinds = ("CPE", "École", "Hôpital", "CHSLD", "Ferme", "Coopérative")
    for number in range(network.count(ORGANISATIONS)):
        name = f"{rng.choice(kinds)} {rng.choice(LAST)} {number}"
        rows.append(
            Organisation(
                name=name,
                normalized_name=fold(name),
                sector=rng.choice(network.sectors),
                region=rng.choice(network.regions),
            )
        )
    network.organisations = Organisation.objects.bulk_create(rows, batch_size=BATCH)


@transaction.atomic
def generate_people(network: Network) -> None:
    rng, rows = network.rng, []
    password = make_password(PASSWORD)
    now = timezone.now()
    for number in range(network.count(PEOPLE)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        job = rng.choice(JOBS)
        organisation = rng.choice(network.organisations)
        rows.append(
            User(
                email=f"personne{number}@bench.maillage.ca",
                password=password,
                display_name=name,
                job_title=job,
                search_text=fold(f"{name} {job}"),
                organisation=organisation,
                organisation_search=organisation.normalized_name,
                region=rng.choice(network.regions),
                bio="Je travaille à rapprocher les producteurs et les cuisines.",
                date_joined=now,
            )
        )
    network.people = User.objects.bulk_create(rows, batch_size=BATCH)
    consents = [
        Consent(user=person, purpose=Consent.Purpose.DIRECTORY, given_at=now)
        for person in network.people
        if rng.random() < 0.3
    ]
    Consent.objects.bulk_create(consents, batch_size=BATCH)
    User.objects.filter(pk__in=[c.user_id for c in consents]).update(listed=True)


@transaction.atomic
def generate_communities(network: Network) -> None:
    rng, now = network.rng, timezone.now()
    policies = [
        (Community.Visibility.PUBLIC, Community.JoinPolicy.OPEN),
        (Community.Visibility.RESTRICTED, Community.JoinPolicy.REQUEST),
        (Community.Visibility.PRIVATE, Community.JoinPolicy.INVITATION),
    ]
    rows = []
    for number in range(COMMUNITIES):
        visibility, policy = policies[number % 3]
        region = network.regions[number % len(network.regions)]
        rows.append(
            Community(
                name=f"{region.name_fr} — {THEMES[number % len(THEMES)]} {number}",
                slug=f"communaute-{number}",
                domain="Approvisionnement alimentaire durable des établissements",
                description="Nos **bons coups**, nos défis et nos outils.",
                visibility=visibility,
                join_policy=policy,
                created_at=now,
                updated_at=now,
            )
        )
    network.communities = Community.objects.bulk_create(rows)
    through_regions = Community.regions.through
    through_sectors = Community.sectors.through
    through_regions.objects.bulk_create(
        through_regions(community=c, region=network.regions[i % len(network.regions)])
        for i, c in enumerate(network.communities)
    )
    through_sectors.objects.bulk_create(
        through_sectors(community=c, sector=rng.choice(network.sectors))
        for c in network.communities
    )


@transaction.atomic
def generate_memberships(network: Network) -> None:
    """Each person belongs to one to three communities; two facilitators each;
    a few pending requests and invitations."""
    rng, now = network.rng, timezone.now()
    rows, seen = [], set()
    for index, person in enumerate(network.people):
        for community in rng.sample(network.communities, rng.choice((1, 2, 2, 3))):
            if (community.pk, person.pk) in seen:
                continue
            seen.add((community.pk, person.pk))
            state = (
                Membership.State.REQUESTED
                if index % 97 == 0
                else Membership.State.ACTIVE
            )
            rows.append(
                Membership(
                    community=community,
                    user=person,
                    member_name=person.display_name,
                    role=Membership.Role.MEMBER,
                    state=state,
                    joined_at=now if state == Membership.State.ACTIVE else None,
                    request_message="Je voudrais me joindre à vous.",
                    created_at=now,
                    updated_at=now,
                )
            )
    memberships = Membership.objects.bulk_create(rows, batch_size=BATCH)
    facilitators = {}
    for membership in memberships:
        if membership.state != Membership.State.ACTIVE:
            continue
        chosen = facilitators.setdefault(membership.community_id, [])
        if len(chosen) < 2:
            membership.role = Membership.Role.FACILITATOR
            chosen.append(membership)
    Membership.objects.bulk_update(
        [m for pair in facilitators.values() for m in pair], ["role"]
    )
    # bulk_create bypasses Membership.save(), which keeps the stored count.
    Community.objects.recount_members()
    Invitation.objects.bulk_create(
        Invitation(
            community=community,
            email=f"invitee{index}@bench.maillage.ca",
            token_hash=f"{index:064x}",
            invited_by=facilitators[community.pk][0].user,
            expires_at=now + timedelta(days=14),
        )
        for index, community in enumerate(network.communities * 5)
    )


# Exchanges --------------------------------------------------------------------

KIND_SHARES = {
    Thread.Kind.CHALLENGE: 30,
    Thread.Kind.SUCCESS: 20,
    Thread.Kind.TIP: 15,
    Thread.Kind.LESSONS: 10,
    Thread.Kind.DISCUSSION: 25,
}
KINDS, KIND_WEIGHTS = list(KIND_SHARES), list(KIND_SHARES.values())
REACTION_KINDS = list(Reaction.Kind.values)
FOODS = _words(
    "carottes pommes légumineuses fromages courges poissons betteraves œufs "
    "bleuets panais choux poireaux"
)
PLACES = ("CPE", "dîner scolaire", "CHSLD", "service alimentaire", "café étudiant")
TITLES = (
    "Des {food} du Québec au menu du {place} : par où commencer?",
    "Notre approvisionnement en {food} pour le {place}",
    "Appel d'offres pour les {food} : quels critères?",
    "Réduire le gaspillage des {food} au {place}",
    "Des {food} toute l'année : transformer en saison",
    "Livraison des {food} : regrouper nos commandes?",
    "Retour sur notre essai de {food} d'ici au {place}",
    "Budget serré : des {food} d'ici sans dépasser",
)
SENTENCES = (
    "Nous servons environ {n} repas par jour au {place}.",
    "Le fournisseur actuel livre une fois par semaine, ce qui limite les produits "
    "frais.",
    "Les **prix** des {food} ont augmenté de près de 15 % depuis l'automne.",
    "L'équipe de cuisine est prête à essayer, mais le temps de préparation inquiète.",
    "Nous avons contacté deux fermes de la région pour des {food}.",
    "La direction appuie le projet tant que le budget reste le même.",
    "Les enfants ont bien aimé la nouvelle recette, surtout avec une sauce maison.",
    "Le plus difficile a été de trouver des volumes constants d'une semaine à l'autre.",
    "Nous avons revu le *menu cyclique* pour suivre les saisons.",
    "Une entente avec une coopérative a réglé la question de la livraison.",
    "Il faut prévoir de l'espace de congélation pour acheter les {food} en saison.",
    "La formation du personnel a fait toute la différence.",
    "Nous mesurons les restes dans les assiettes chaque vendredi.",
    "Voir aussi le [guide d'achat local](https://example.org/guide) pour les "
    "établissements.",
)
REPLY_SENTENCES = (
    "Merci pour le partage, c'est très utile.",
    "Chez nous, on a réglé ça en achetant les {food} en saison et en congelant.",
    "As-tu essayé de passer par une coopérative? Ça simplifie la livraison.",
    "Même problème ici, surtout l'hiver.",
    "On a fait un essai semblable au {place} l'an dernier : **ça vaut la peine**.",
    "Je peux t'envoyer notre grille de prix si ça t'aide.",
    "Le secret, c'est de parler au producteur avant de fixer le menu.",
    "Attention aux normes d'étiquetage quand on transforme soi-même.",
    "Bonne idée! Je vais en parler à notre nutritionniste.",
    "Nous avons le même fournisseur, on pourrait regrouper nos commandes.",
)
FREE_TAGS = (
    "Légumineuses",
    "Cuisine froide",
    "Poissons d'ici",
    "Courges",
    "Congélation",
    "Compost",
    "Pain maison",
    "Produits laitiers",
    "Jardin pédagogique",
    "Sirop d'érable",
    "Petits fruits",
    "Textures adaptées",
)
SAMPLES_PER_COMMUNITY = 200


@dataclass(frozen=True)
class _Sample:
    """A published thread, and its latest published reply, for the notifications."""

    community_id: int
    thread_id: int
    title: str
    excerpt: str
    author_id: int
    reply_id: int | None
    reply_excerpt: str
    reply_author_id: int | None


@contextmanager
def own_timestamps(*models):
    """Let ``bulk_create`` keep the generated dates: ``auto_now`` and
    ``auto_now_add`` fields would otherwise all take the time of the insert."""
    saved = []
    for model in models:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                saved.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def viewer_memberships(community):
    """Active plain members of ``community``, in a fixed order: the first is the
    benchmark's "member" viewer (``bench.pages.find_picks`` reads the same)."""
    return Membership.objects.filter(
        community=community,
        state=Membership.State.ACTIVE,
        role=Membership.Role.MEMBER,
    ).order_by("pk")


def _reply_counts(rng, threads: int, replies: int, designated: int) -> list[int]:
    """Replies per thread: mostly 0 to 10, a few longer threads, exactly
    ``replies`` in all and ``HUNDRED_REPLIES`` for the designated thread."""
    counts = [
        rng.randint(0, 9) if rng.random() < 0.96 else rng.randint(10, 25)
        for _ in range(threads)
    ]
    counts[designated] = HUNDRED_REPLIES
    if threads == 1:
        return counts
    gap = replies - sum(counts)
    while gap:
        index = rng.randrange(threads)
        if index == designated:
            continue
        if gap > 0 and counts[index] < 10:
            counts[index] += 1
            gap -= 1
        elif gap < 0 and 0 < counts[index] <= 10:
            counts[index] -= 1
            gap += 1
    return counts


class _Exchanges:
    """Builds the rows of a chunk of threads, then writes them in one transaction."""

    def __init__(self, network: Network, now, first_reply_id: int):
        self.network, self.rng, self.now = network, network.rng, now
        self.names = {p.pk: p.display_name for p in network.people}
        self.member_sets = {c: set(m) for c, m in network.members.items()}
        tags = list(Tag.objects.order_by("pk"))
        self.shared_tags = [t.pk for t in tags if t.is_shared]
        self.free_tags = [t.pk for t in tags if not t.is_shared]
        self.recent = defaultdict(lambda: deque(maxlen=40))  # for related threads
        self.seen = defaultdict(int)  # threads offered to each reservoir so far
        self.next_reply = first_reply_id
        self._reset()

    def _reset(self):
        self.threads, self.replies, self.revisions = [], [], []
        self.reactions, self.follows, self.visits = [], [], []
        self.thread_tags, self.related, self.flags, self.logs = [], [], [], []

    def flush(self):
        # Threads point at their solution before the replies exist: foreign keys
        # are checked at commit (DEFERRABLE INITIALLY DEFERRED on both engines).
        with transaction.atomic():
            for model, rows in (
                (Thread, self.threads),
                (Reply, self.replies),
                (ReplyRevision, self.revisions),
                (Thread.tags.through, self.thread_tags),
                (Thread.related.through, self.related),
                (Reaction, self.reactions),
                (ThreadFollow, self.follows),
                (ThreadVisit, self.visits),
                (Flag, self.flags),
                (ModerationLog, self.logs),
            ):
                model.objects.bulk_create(rows, batch_size=BATCH)
        self._reset()

    # Text ---------------------------------------------------------------------

    def _fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            food=rng.choice(FOODS), place=rng.choice(PLACES), n=rng.randrange(40, 900)
        )

    def _mention(self, members) -> str:
        person = self.rng.choice(members)
        return f"@[{self.names[person]}]({person})"

    def _paragraph(self, members, mention=False) -> str:
        rng = self.rng
        text = " ".join(
            self._fill(rng.choice(SENTENCES)) for _ in range(rng.randint(2, 4))
        )
        if mention:
            text = f"{self._mention(members)} {text}"
        if rng.random() < 0.25:
            items = rng.sample(FOODS, 3)
            text += "\n\n" + "\n".join(f"- {item} en vrac" for item in items)
        return text

    def _reply_text(self, members, mention=False) -> str:
        rng = self.rng
        text = " ".join(
            self._fill(rng.choice(REPLY_SENTENCES)) for _ in range(rng.randint(1, 3))
        )
        return f"{self._mention(members)} {text}" if mention else text

    def _sections(self, kind, members) -> dict[str, str]:
        """Every section field, empty unless the kind uses it (as the service)."""
        rng = self.rng
        sections = dict.fromkeys(SECTION_FIELDS, "")
        mention = rng.random() < 0.03
        for name, _label in KIND_SECTIONS[kind]:
            if name in REQUIRED_SECTIONS[kind] or rng.random() < 0.7:
                sections[name] = self._paragraph(members, mention)
                mention = False
        return sections

    def _later(self, moment, at_most: timedelta):
        """A moment after ``moment``, within ``at_most``, never in the future."""
        return min(self.now, moment + at_most * self.rng.random())

    # Rows ----------------------------------------------------------------------

    def add_thread(
        self, thread_id, created, community_id, n_replies, *, designated, pinned
    ):
        rng, now = self.rng, self.now
        network = self.network
        members = network.members[community_id]
        facilitators = network.facilitators[community_id]
        viewer = network.viewer_id
        if designated:
            kind = Thread.Kind.CHALLENGE
            author = rng.choice([m for m in members if m != viewer])
            title = HUNDRED_REPLIES_TITLE
        else:
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            author = rng.choice(members)
            title = self._fill(rng.choice(TITLES))
        sections = self._sections(kind, members)
        thread = Thread(
            id=thread_id,
            community_id=community_id,
            kind=kind,
            title=title,
            author_id=author,
            created_at=created,
            **sections,
        )

        # Replies, in time order; each replier then follows the thread.
        window = max(timedelta(0), min(REPLY_WINDOW, now - created))
        times = sorted(
            min(now, created + timedelta(seconds=30) + window * rng.random() ** 2)
            for _ in range(n_replies)
        )
        first_post, last_post = {author: created}, {author: created}
        quotable, solvable, last_published = [], [], None
        designated_solution = None
        viewer_turns = {10, 40, 60} if designated else set()
        for position, when in enumerate(times):
            reply_id = self.next_reply
            self.next_reply += 1
            if position in viewer_turns:
                who = viewer
            elif designated and position == 19:  # the solution, not the author's
                who = rng.choice([m for m in members if m not in (author, viewer)])
            elif rng.random() < 0.15:
                who = author
            else:
                who = rng.choice(members)
            mention = rng.random() < 0.03
            text = self._reply_text(members, mention)
            body, quoted = text, None
            if quotable and rng.random() < (0.1 if designated else 0.08):
                quoted, quoted_body = rng.choice(quotable[-10:])
                lines = quoted_body.splitlines()
                quote = "\n".join(f"> {line}" if line else ">" for line in lines)
                body = f"{quote}\n\n{text}"
            reply = Reply(
                id=reply_id,
                thread_id=thread_id,
                community_id=community_id,
                author_id=who,
                body=body,
                quoted_id=quoted,
                created_at=when,
                updated_at=when,
            )
            deleted = position == 30 if designated else rng.random() < 0.01
            hidden = not deleted and (
                position == 45 if designated else rng.random() < 0.005
            )
            edited = (
                not deleted
                and not hidden
                and (position in (12, 40) if designated else rng.random() < 0.03)
            )
            if edited:
                # The earlier text is kept as a revision (services.edit_reply).
                reply.edited_at = self._later(when, timedelta(hours=2))
                reply.updated_at = reply.edited_at
                earlier = body.rsplit(" ", 3)[0] if " " in text else f"{body} …"
                self.revisions.append(
                    ReplyRevision(
                        reply_id=reply_id,
                        body=earlier,
                        edited_by_id=who,
                        created_at=reply.edited_at,
                    )
                )
            if deleted:  # by its author: no moderation log
                reply.deleted_at = self._later(when, timedelta(days=2))
                reply.deleted_by_id = who
                reply.updated_at = reply.deleted_at
            if hidden:
                reply.hidden_at = self._later(when, timedelta(days=3))
                reply.updated_at = reply.hidden_at
                self._moderate(
                    ModerationLog.Action.HIDE_REPLY,
                    community_id,
                    facilitators,
                    members,
                    thread_id,
                    reply_id,
                    when,
                    reply.hidden_at,
                    who,
                )
            self.replies.append(reply)
            first_post.setdefault(who, when)
            last_post[who] = when
            if reply.deleted_at is None and reply.hidden_at is None:
                last_published = (reply_id, body, who)
                if not mention:  # quoted text would be re-resolved otherwise
                    quotable.append((reply_id, body))
                if who != author:
                    solvable.append((reply_id, when))
                if designated and position == 19:
                    designated_solution = (reply_id, when)
                self._react(members, who, when, reply_id=reply_id, busy=designated)
                if not designated and rng.random() < 0.001:
                    self._open_flag(community_id, members, thread_id, reply_id, who)
        self._react(members, author, created, thread_id=thread_id, busy=designated)

        thread.last_activity_at = times[-1] if times else created
        events = [created]
        if kind == Thread.Kind.CHALLENGE and solvable:
            if designated:
                chosen = designated_solution
            elif rng.random() < 0.45:
                chosen = rng.choice(solvable)
            else:
                chosen = None
            if chosen is not None:
                thread.solution_id = chosen[0]
                thread.solved_at = self._later(chosen[1], timedelta(days=5))
                thread.solved_by_id = (
                    author if rng.random() < 0.85 else rng.choice(facilitators)
                )
                events.append(thread.solved_at)
        if not designated and rng.random() < 0.02:
            thread.edited_at = self._later(created, timedelta(days=2))
            events.append(thread.edited_at)
        if pinned:
            thread.pinned_at = self._later(created, timedelta(days=1))
            events.append(thread.pinned_at)
            self._log(
                ModerationLog.Action.PIN,
                community_id,
                facilitators,
                thread_id,
                thread.pinned_at,
            )
        if not designated and rng.random() < 0.005:
            thread.locked_at = self._later(thread.last_activity_at, timedelta(days=1))
            events.append(thread.locked_at)
            self._log(
                ModerationLog.Action.LOCK,
                community_id,
                facilitators,
                thread_id,
                thread.locked_at,
            )
        if (
            not designated
            and not pinned
            and thread.solution_id is None
            and rng.random() < 0.003
        ):
            thread.hidden_at = self._later(thread.last_activity_at, timedelta(hours=4))
            events.append(thread.hidden_at)
            self._moderate(
                ModerationLog.Action.HIDE_THREAD,
                community_id,
                facilitators,
                members,
                thread_id,
                None,
                created,
                thread.hidden_at,
                author,
            )
        thread.updated_at = max(events)
        self.threads.append(thread)

        # Tags and related threads (published threads of the same community).
        if designated or rng.random() < 0.6:
            count = 3 if designated else rng.choice((1, 1, 2, 3))
            pool = self.shared_tags if designated or rng.random() < 0.8 else None
            chosen_tags = rng.sample(pool or self.free_tags + self.shared_tags, count)
            self.thread_tags.extend(
                Thread.tags.through(thread_id=thread_id, tag_id=tag)
                for tag in chosen_tags
            )
        recent = self.recent[community_id]
        if recent and (designated or rng.random() < 0.05):
            count = min(len(recent), 2 if designated else rng.randint(1, 2))
            self.related.extend(
                Thread.related.through(from_thread_id=thread_id, to_thread_id=other)
                for other in rng.sample(list(recent), count)
            )

        # Follows (author and repliers) and visits (when they last posted, plus
        # the viewer's reading of half the threads of their communities).
        self.follows.extend(
            ThreadFollow(user_id=user, thread_id=thread_id, created_at=when)
            for user, when in first_post.items()
        )
        seen = {
            user: min(now, when + timedelta(seconds=5))
            for user, when in last_post.items()
        }
        if (
            viewer not in seen
            and viewer in self.member_sets[community_id]
            and rng.random() < 0.5
        ):
            seen[viewer] = created + (now - created) * rng.random()
        self.visits.extend(
            ThreadVisit(user_id=user, thread_id=thread_id, last_seen_at=when)
            for user, when in seen.items()
        )

        if thread.hidden_at is None:
            recent.append(thread_id)
            self._sample(thread, last_published)

    def _react(self, members, owner, when, *, thread_id=None, reply_id=None, busy):
        """A few reactions by other members (never on one's own contribution)."""
        rng = self.rng
        if reply_id is not None and not busy and rng.random() >= 0.25:
            return
        if reply_id is not None:
            count = rng.choice((1, 1, 2, 3))
        else:
            count = rng.choice((0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 5))
        if busy:
            count += 2
        people = rng.sample(members, min(len(members), count + 1))
        people = [p for p in people if p != owner][:count]
        viewer = self.network.viewer_id
        if busy and viewer != owner and viewer not in people and rng.random() < 0.2:
            people.append(viewer)
        self.reactions.extend(
            Reaction(
                user_id=person,
                thread_id=thread_id,
                reply_id=reply_id,
                kind=rng.choice(REACTION_KINDS),
                created_at=self._later(when, timedelta(days=3)),
            )
            for person in people
        )

    def _log(self, action, community_id, facilitators, thread_id, moment):
        self.logs.append(
            ModerationLog(
                community_id=community_id,
                actor_id=self.rng.choice(facilitators),
                action=action,
                thread_id=thread_id,
                created_at=moment,
            )
        )

    def _reporter(self, members, author):
        """A member other than ``author`` (who does not flag their own words)."""
        while True:
            person = self.rng.choice(members)
            if person != author or len(members) == 1:
                return person

    def _open_flag(self, community_id, members, thread_id, reply_id, author):
        """A flag still waiting in the moderation queue."""
        self.flags.append(
            Flag(
                community_id=community_id,
                thread_id=thread_id,
                reply_id=reply_id,
                reporter_id=self._reporter(members, author),
                reason=Flag.Reason.SPAM,
                created_at=self._later(self.now - timedelta(days=3), timedelta(days=3)),
            )
        )

    def _sample(self, thread, last_published):
        """Keep up to SAMPLES_PER_COMMUNITY threads per community (a reservoir)."""
        community_id = thread.community_id
        self.seen[community_id] += 1
        samples = self.network.samples.setdefault(community_id, [])
        slot = len(samples)
        if slot >= SAMPLES_PER_COMMUNITY:
            slot = self.rng.randrange(self.seen[community_id])
            if slot >= SAMPLES_PER_COMMUNITY:
                return
        reply_id, reply_text, reply_author = last_published or (None, "", None)
        sample = _Sample(
            community_id=community_id,
            thread_id=thread.pk,
            title=thread.title,
            excerpt=thread.excerpt(),
            author_id=thread.author_id,
            reply_id=reply_id,
            reply_excerpt=excerpt_of(reply_text),
            reply_author_id=reply_author,
        )
        if slot == len(samples):
            samples.append(sample)
        else:
            samples[slot] = sample

    def _moderate(
        self,
        action,
        community_id,
        facilitators,
        members,
        thread_id,
        reply_id,
        posted,
        hidden_at,
        author,
    ):
        """A member's flag, then a facilitator hides the item (services)."""
        facilitator = self.rng.choice(facilitators)
        self.flags.append(
            Flag(
                community_id=community_id,
                thread_id=thread_id,
                reply_id=reply_id,
                reporter_id=self._reporter(members, author),
                reason=Flag.Reason.OFF_TOPIC,
                created_at=max(posted, hidden_at - timedelta(hours=1)),
                resolved_at=hidden_at,
                resolved_by_id=facilitator,
                resolution=Flag.Resolution.HIDDEN,
            )
        )
        self.logs.append(
            ModerationLog(
                community_id=community_id,
                actor_id=facilitator,
                action=action,
                thread_id=thread_id,
                reply_id=reply_id,
                reason="Hors sujet",
                created_at=hidden_at,
            )
        )


def _load_members(network: Network) -> None:
    """Active members and facilitators of each community, and the viewer."""
    members, facilitators = defaultdict(list), defaultdict(list)
    rows = Membership.objects.filter(state=Membership.State.ACTIVE).order_by("pk")
    for community_id, user_id, role in rows.values_list(
        "community_id", "user_id", "role"
    ):
        members[community_id].append(user_id)
        if role == Membership.Role.FACILITATOR:
            facilitators[community_id].append(user_id)
    network.members, network.facilitators = dict(members), dict(facilitators)
    first = network.communities[0]
    network.viewer_id = viewer_memberships(first).values_list("user_id", flat=True)[0]


def _reset_sequences(*models) -> None:
    """Rows were written with their ids: move PostgreSQL's sequences past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def generate_conversations(network: Network) -> None:
    """Threads of the five kinds, replies, reactions, tags, follows, visits,
    solutions and moderation; one thread of communaute-0 has exactly 100 replies.

    Threads are spread over the communities in proportion to their members and
    written ``THREAD_CHUNK`` at a time, each chunk in its own transaction, with
    ids chosen here (threads can then point at their solution).
    """
    rng, now = network.rng, timezone.now()
    _load_members(network)
    with transaction.atomic():
        Tag.objects.bulk_create(
            Tag(name=name, slug=slugify(name)[:50]) for name in FREE_TAGS
        )
        with own_timestamps(CommunityFollow):
            follows = [
                CommunityFollow(
                    user_id=user,
                    community_id=community,
                    created_at=now - HISTORY * rng.random(),
                )
                for community, users in network.members.items()
                for user in users
                if rng.random() < 0.1
                or (
                    user == network.viewer_id and community == network.communities[0].pk
                )
            ]
            CommunityFollow.objects.bulk_create(follows, batch_size=BATCH)

    communities = [c.pk for c in network.communities if network.members.get(c.pk)]
    n_threads = network.count(THREADS)
    n_replies = max(network.count(REPLIES), HUNDRED_REPLIES)
    designated = n_threads - 1  # the last one, in communaute-0
    community_of = rng.choices(
        communities, [len(network.members[c]) for c in communities], k=n_threads
    )
    community_of[designated] = network.communities[0].pk
    counts = _reply_counts(rng, n_threads, n_replies, designated)
    by_community = defaultdict(list)
    for index, community in enumerate(community_of):
        if index != designated:
            by_community[community].append(index)
    pinned = {
        index
        for indexes in by_community.values()
        for index in rng.sample(indexes, min(2, len(indexes)))
    }
    del by_community

    first_thread = (Thread.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    first_reply = (Reply.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    exchanges = _Exchanges(network, now, first_reply)
    # Threads start over HISTORY, in id order, the latest an hour ago.
    begin, span = now - HISTORY, HISTORY - timedelta(hours=1)
    with own_timestamps(
        Thread, Reply, ReplyRevision, Reaction, ThreadFollow, Flag, ModerationLog
    ):
        for start in range(0, n_threads, THREAD_CHUNK):
            for index in range(start, min(start + THREAD_CHUNK, n_threads)):
                if index == designated:
                    created = now - timedelta(days=12)
                else:
                    created = begin + span * ((index + rng.random()) / n_threads)
                exchanges.add_thread(
                    first_thread + index,
                    created,
                    community_of[index],
                    counts[index],
                    designated=index == designated,
                    pinned=index in pinned,
                )
            exchanges.flush()
    _reset_sequences(Thread, Reply)


# Notifications -----------------------------------------------------------------

NOTIFICATION_KINDS = [
    (notifying.NEW_REPLY.key, 35),
    (notifying.REPLY.key, 20),
    (notifying.NEW_THREAD.key, 15),
    (notifying.MENTION.key, 10),
    (notifying.SOLUTION.key, 8),
    (notifying.HELP_REQUEST.key, 5),
    (notifying.FLAG.key, 7),  # facilitators only; others get a new reply
]
REPLY_KINDS = {
    notifying.NEW_REPLY.key,
    notifying.REPLY.key,
    notifying.SOLUTION.key,
}


def _notification(kind, sample: _Sample, slug: str, on_reply: bool, actor=None):
    """What ``notify`` stores for ``kind`` about ``sample`` (see the services):
    (actor, excerpt, url, target key, about key)."""
    thread_url = reverse("conversations:thread_detail", args=[sample.thread_id])
    reply_url = f"{thread_url}#reponse-{sample.reply_id}"
    if kind == notifying.FLAG.key:
        url = reverse("conversations:moderation_queue", args=[slug])
        return actor, "", url, f"community:{sample.community_id}:flags", ""
    about_thread = notifying.about_thread(sample.thread_id)
    about_reply = notifying.about_reply(sample.thread_id, sample.reply_id)
    if kind == notifying.MENTION.key and on_reply:
        key = f"reply:{sample.reply_id}:mention"
        return sample.reply_author_id, sample.reply_excerpt, reply_url, key, about_reply
    if kind in REPLY_KINDS:
        actor = (
            sample.author_id
            if kind == notifying.SOLUTION.key
            else sample.reply_author_id
        )
        return (
            actor,
            sample.reply_excerpt,
            reply_url,
            f"thread:{sample.thread_id}:{kind}",
            about_reply,
        )
    suffix = {
        notifying.MENTION.key: "mention",
        notifying.NEW_THREAD.key: "new",
        notifying.HELP_REQUEST.key: "help",
    }
    key = f"thread:{sample.thread_id}:{suffix[kind]}"
    return sample.author_id, sample.excerpt, thread_url, key, about_thread


def generate_notifications(network: Network) -> None:
    """About five notifications per person (0 to 10), ``VIEWER_NOTIFICATIONS`` for
    the viewer, over the last 120 days, about the sampled threads of their
    communities; older ones mostly read.

    As ``notify`` does: never about one's own act, never a second unread one
    with the same target key; no e-mail consent is generated, so none is
    marked e-mailed.
    """
    rng, now = network.rng, timezone.now()
    communities_of = defaultdict(list)
    for community, users in network.members.items():
        for user in users:
            communities_of[user].append(community)
    facilitating = {
        (community, user)
        for community, users in network.facilitators.items()
        for user in users
    }
    slugs = {c.pk: c.slug for c in network.communities}
    kinds, weights = zip(*NOTIFICATION_KINDS, strict=True)
    rows = []

    def flush():
        with transaction.atomic():
            Notification.objects.bulk_create(rows, batch_size=BATCH)
        rows.clear()

    with own_timestamps(Notification):
        for person in network.people:
            mine = communities_of.get(person.pk)
            if not mine:
                continue
            if person.pk == network.viewer_id:
                count = VIEWER_NOTIFICATIONS
            else:
                count = rng.randint(0, 2 * NOTIFICATIONS_PER_PERSON)
            moments = sorted(
                now - NOTIFICATION_WINDOW * rng.random() for _ in range(count)
            )
            read_until = {}  # target key -> when its latest one was read (None: unread)
            for created in moments:
                community = rng.choice(mine)
                samples = network.samples.get(community)
                if not samples:
                    continue
                sample = rng.choice(samples)
                kind = rng.choices(kinds, weights)[0]
                if (
                    kind == notifying.FLAG.key
                    and (community, person.pk) not in facilitating
                ):
                    kind = notifying.NEW_REPLY.key
                if sample.reply_id is None and kind in REPLY_KINDS:
                    kind = notifying.NEW_THREAD.key
                on_reply = sample.reply_id is not None and rng.random() < 0.7
                others = network.members[community]
                actor, excerpt, url, key, about = _notification(
                    kind, sample, slugs[community], on_reply, rng.choice(others)
                )
                if actor == person.pk or actor is None:
                    continue
                if key in read_until and (
                    read_until[key] is None or read_until[key] > created
                ):
                    continue  # notify() skips it: an unread one is already there
                age = now - created
                unread = rng.random() < (0.6 if age < timedelta(days=14) else 0.05)
                read_at = None
                if not unread:
                    read_at = min(
                        now, created + timedelta(hours=rng.expovariate(1 / 20))
                    )
                read_until[key] = read_at
                rows.append(
                    Notification(
                        recipient_id=person.pk,
                        community_id=community,
                        kind=kind,
                        actor_id=actor,
                        subject=Truncator(sample.title).chars(255),
                        excerpt=Truncator(excerpt).chars(300),
                        url=url,
                        target_key=key[:120],
                        about_key=about,
                        created_at=created,
                        read_at=read_at,
                    )
                )
            if len(rows) >= 20 * BATCH:
                flush()
        flush()


# In order; each adds to the network. Later apps append theirs here.
GENERATORS = [
    generate_reference,
    generate_organisations,
    generate_people,
    generate_communities,
    generate_memberships,
    generate_conversations,
    generate_notifications,
]


def generate(scale: float, seed: int = 5) -> Network:
    """Build the network; each generator commits its own rows (see above)."""
    network = Network(scale=scale, rng=random.Random(seed))  # noqa: S311 - reproducible data, no secret
    for generator in GENERATORS:
        generator(network)
    return network
