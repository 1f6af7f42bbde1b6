"""Write the fictional demo data of ``data.py`` into the database.

Each step looks for its row first and only creates what is missing, so running
the seed again adds nothing, and a database seeded by an older version is
completed. A row that exists is left as it is, whatever its state: what people
did while trying the demo (leaving a community, declining an invitation,
withdrawing a consent) is never undone.
"""

from collections import Counter

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings

from maillage.accounts.models import Consent, PrivacyOfficer, User
from maillage.accounts.services import give_consent, set_language, update_profile
from maillage.communities.models import Community, Membership
from maillage.communities.services import (
    accept_invitation,
    approve_request,
    change_role,
    create_community,
    invite_member,
    join_community,
    request_membership,
)
from maillage.core.text import fold
from maillage.organisations.models import Organisation, Sector
from maillage.organisations.services import create_organisation
from maillage.territories.models import Region

from . import data
from .exchanges import seed_exchanges
from .method import seed_method

# Published on purpose: every demo account signs in with it.
DEMO_PASSWORD = "maillage-demo"  # noqa: S105

# The services queue e-mails (invitations, requests, decisions) as tasks. The
# demo addresses are fictional and a production worker would really send them,
# so the seed hands its tasks to the dummy backend, which keeps and runs nothing.
_DISCARD_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

CREATED_KEYS = (
    "organisations",
    "people",
    "communities",
    "memberships",
    "requests",
    "invitations",
    "privacy_officer",
)


def seed_demo() -> dict:
    """Create whatever demo data is missing, in one transaction; no e-mail is sent.

    Returns what this run created, per kind, and the demo logins.
    """
    created = Counter(dict.fromkeys(CREATED_KEYS, 0))
    with override_settings(TASKS=_DISCARD_TASKS), transaction.atomic():
        password_hash = make_password(DEMO_PASSWORD)
        regions = {region.code: region for region in Region.objects.all()}
        staff = _ensure_person(
            data.DEMO_ACCOUNTS[0], None, regions, password_hash, created
        )
        organisations = _ensure_organisations(staff, regions, created)
        people = {staff.email: staff}
        for spec in [*data.DEMO_ACCOUNTS[1:], *data.PEOPLE]:
            person = _ensure_person(
                spec, organisations, regions, password_hash, created
            )
            people[spec["email"]] = person
        communities = _ensure_communities(people, regions, created)
        _ensure_members(communities, people, staff, created)
        _ensure_requests(communities, people, created)
        _ensure_invitations(communities, staff, created)
        _ensure_privacy_officer(created)
        seed_method(communities=communities, created=created)
        seed_exchanges(communities=communities, created=created)
    return {
        "created": dict(created),
        "password": DEMO_PASSWORD,
        "logins": [
            {
                "label": spec["login_label"],
                "email": spec["email"],
                "note": spec["login_note"],
            }
            for spec in data.DEMO_ACCOUNTS
        ],
    }


def _ensure_organisations(actor, regions, created) -> dict[str, Organisation]:
    sectors = {sector.code: sector for sector in Sector.objects.all()}
    organisations = {}
    for spec in data.ORGANISATIONS:
        region = regions[spec["region"]]
        organisation = Organisation.objects.filter(
            normalized_name=fold(spec["name"]), region=region
        ).first()
        if organisation is None:
            organisation = create_organisation(
                actor=actor,
                name=spec["name"],
                sector=sectors[spec["sector"]],
                region=region,
                website=spec["website"],
            )
            created["organisations"] += 1
        organisations[spec["name"]] = organisation
    return organisations


def _ensure_person(spec, organisations, regions, password_hash, created) -> User:
    """The person with the spec's e-mail; a new one gets a profile and consents."""
    user = User.objects.filter(email__iexact=spec["email"]).first()
    if user is None:
        staff = spec.get("staff", False)
        # One hash for every account: hashing each password would take seconds.
        user = User.objects.create(
            email=User.objects.normalize_email(spec["email"]),
            password=password_hash,
            is_staff=staff,
            is_superuser=staff,
        )
        organisation = None
        region = regions.get(spec.get("region"))
        if spec.get("organisation"):
            organisation = organisations[spec["organisation"]]
            region = organisation.region
        update_profile(
            actor=user,
            user=user,
            display_name=spec["display_name"],
            job_title=spec["job_title"],
            organisation=organisation,
            region=region,
            bio=spec["bio"],
            languages=spec["languages"],
            expertise_names=spec["expertise"],
            open_to_contact=spec["open_to_contact"],
        )
        set_language(user=user, language=spec.get("language", User.Language.FRENCH))
        created["people"] += 1
    # allauth lets only people with a verified address sign in.
    EmailAddress.objects.get_or_create(
        user=user,
        email__iexact=user.email,
        defaults={"email": user.email, "verified": True, "primary": True},
    )
    give_consent(user=user, purpose=Consent.Purpose.TERMS)
    for purpose in spec["consents"]:
        # A consent withdrawn during the demo stays withdrawn.
        if not user.consents.filter(purpose=purpose).exists():
            give_consent(user=user, purpose=purpose)
    if spec.get("can_launch_communities") and not user.can_launch_communities:
        # Staff grant this in the admin; there is no service for it.
        user.can_launch_communities = True
        user.save(update_fields=["can_launch_communities"])
    return user


def _ensure_communities(people, regions, created) -> dict[str, Community]:
    sectors = {sector.code: sector for sector in Sector.objects.all()}
    communities = {}
    for spec in data.COMMUNITIES:
        community = Community.objects.filter(slug=spec["slug"]).first()
        if community is None:
            community = create_community(
                actor=people[spec["creator"]],
                name=spec["name"],
                slug=spec["slug"],
                domain=spec["domain"],
                description=spec["description"],
                regions=[regions[code] for code in spec["regions"]],
                sectors=[sectors[code] for code in spec["sectors"]],
                visibility=spec["visibility"],
                join_policy=spec["join_policy"],
            )
            created["communities"] += 1
        communities[spec["slug"]] = community
    return communities


def _facilitator(community, staff) -> User:
    """The community's longest-serving facilitator, who decides for the seed."""
    first = (
        Membership.objects.facilitators()
        .filter(community=community)
        .select_related("user")
        .order_by("joined_at", "pk")
        .first()
    )
    return first.user if first is not None else staff


def _has_membership(community, user) -> bool:
    return Membership.objects.filter(community=community, user=user).exists()


def _ensure_members(communities, people, staff, created) -> None:
    """Bring each member in the way the community's join policy allows."""
    for slug, members in data.MEMBERS.items():
        community = communities[slug]
        # An archived community takes nobody new, not even from the seed.
        if community.is_archived:
            continue
        facilitator = _facilitator(community, staff)
        for email, role in members:
            user = people[email]
            if _has_membership(community, user):
                continue
            if community.join_policy == Community.JoinPolicy.OPEN:
                membership = join_community(user=user, community=community)
            elif community.join_policy == Community.JoinPolicy.REQUEST:
                membership = request_membership(user=user, community=community)
                membership = approve_request(actor=facilitator, membership=membership)
            else:
                invitation, _token = invite_member(
                    actor=facilitator, community=community, email=email, role=role
                )
                membership = accept_invitation(user=user, invitation=invitation)
            if membership.role != role:
                change_role(actor=facilitator, membership=membership, role=role)
            created["memberships"] += 1


def _ensure_requests(communities, people, created) -> None:
    for slug, email, message in data.PENDING_REQUESTS:
        community, user = communities[slug], people[email]
        if community.is_archived or _has_membership(community, user):
            continue
        request_membership(user=user, community=community, message=message)
        created["requests"] += 1


def _ensure_invitations(communities, staff, created) -> None:
    for slug, email, role, message in data.PENDING_INVITATIONS:
        community = communities[slug]
        if community.is_archived:
            continue
        invited_before = community.invitations.filter(email__iexact=email).exists()
        in_community = Membership.objects.filter(
            community=community, user__email__iexact=email
        ).exists()
        if invited_before or in_community:
            continue
        invite_member(
            actor=_facilitator(community, staff),
            community=community,
            email=email,
            role=role,
            message=message,
        )
        created["invitations"] += 1


def _ensure_privacy_officer(created) -> None:
    # A single row is used; one set by staff is kept.
    if not PrivacyOfficer.objects.exists():
        PrivacyOfficer.objects.create(**data.PRIVACY_OFFICER)
        created["privacy_officer"] += 1
