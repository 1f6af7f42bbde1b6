"""A large network for the benchmark, written with bulk_create.

One function per app, each taking the ``Network`` built so far and adding its
rows; ``GENERATORS`` lists them in order. To benchmark a new app (threads and
replies, resources, meetings), add its ``generate_<app>`` function there and its
pages to ``bench/pages.py``.

At scale 1: 30 communities, 10,000 people, 1,500 organisations, about 20,000
memberships; ``scale`` multiplies the people, organisations and memberships (the
communities stay 30, so each member directory grows with the scale).
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import Consent, User
from maillage.communities.models import Community, Invitation, Membership
from maillage.core.text import fold
from maillage.organisations.models import Organisation, Sector
from maillage.territories.models import Region

BATCH = 2000
COMMUNITIES = 30
PEOPLE = 10_000
ORGANISATIONS = 1_500
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

    def count(self, base: int) -> int:
        return max(1, int(base * self.scale))


def generate_reference(network: Network) -> None:
    """Regions and sectors come from data migrations."""
    network.regions = list(Region.objects.all())
    network.sectors = list(Sector.objects.all())


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


def generate_people(network: Network) -> None:
    rng, rows = network.rng, []
    password = make_password(PASSWORD)
    now = timezone.now()
    for number in range(network.count(PEOPLE)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        job = rng.choice(JOBS)
        rows.append(
            User(
                email=f"personne{number}@bench.maillage.ca",
                password=password,
                display_name=name,
                job_title=job,
                search_text=fold(f"{name} {job}"),
                organisation=rng.choice(network.organisations),
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


# In order; each adds to the network. Later apps append theirs here.
GENERATORS = [
    generate_reference,
    generate_organisations,
    generate_people,
    generate_communities,
    generate_memberships,
]


@transaction.atomic
def generate(scale: float, seed: int = 5) -> Network:
    network = Network(scale=scale, rng=random.Random(seed))  # noqa: S311 - reproducible data, no secret
    for generator in GENERATORS:
        generator(network)
    return network
