"""The pages that the accessibility checks visit, and the people who see them.

To check a new page, add a ``Page`` to ``PAGES``: a name, its path (built from
the ``Site`` below), who looks at it, and optionally what to do first (submit
an empty form to show its errors). ``Site`` holds a small, realistic network;
add to ``build_site`` what new pages need.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from maillage.accounts.models import Consent
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region

VIEWERS = ("anonymous", "outsider", "member", "facilitator", "staff")


@dataclass
class Site:
    """A small network: three communities, people in each role, pending work."""

    public: Community
    restricted: Community
    private: Community
    people: dict
    invitation_token: str
    extra: dict = field(default_factory=dict)


def build_site() -> Site:
    region = Region.objects.get(code="16")
    organisation = OrganisationFactory(name="CPE Les Petits Pois", region=region)
    public = CommunityFactory(
        name="Montérégie mange local",
        slug="monteregie",
        domain="Approvisionnement local des CPE",
        description="Nos **bons coups** et nos défis.\n\n- Menus\n- Achats groupés",
    )
    restricted = CommunityFactory(
        name="Cercle des cuisines scolaires",
        slug="cuisines-scolaires",
        visibility=Community.Visibility.RESTRICTED,
        join_policy=Community.JoinPolicy.REQUEST,
    )
    private = CommunityFactory(
        name="Comité achats hospitaliers",
        slug="achats-hospitaliers",
        visibility=Community.Visibility.PRIVATE,
        join_policy=Community.JoinPolicy.INVITATION,
    )
    facilitator = UserFactory(
        display_name="Françoise Animatrice",
        job_title="Conseillère en alimentation",
        organisation=organisation,
        region=region,
        bio="J'accompagne les CPE vers l'achat local.",
    )
    member = UserFactory(
        display_name="Marc Membre",
        job_title="Cuisinier",
        organisation=organisation,
        region=region,
        languages=["fr", "en"],
    )
    for community in (public, restricted, private):
        MembershipFactory(
            community=community, user=facilitator, role=Membership.Role.FACILITATOR
        )
        MembershipFactory(community=community, user=member)
    requester = UserFactory(display_name="Rémi Demandeur")
    MembershipFactory(
        community=restricted,
        user=requester,
        state=Membership.State.REQUESTED,
        request_message="Je coordonne les achats d'une école.",
    )
    outsider = UserFactory(display_name="Olivier Externe")
    Consent.objects.create(
        user=member, purpose=Consent.Purpose.DIRECTORY, given_at=member.date_joined
    )
    _invitation, token = community_services.invite_member(
        actor=facilitator,
        community=private,
        email="ines@exemple.qc.ca",
        message="Bienvenue parmi nous !",
    )
    return Site(
        public=public,
        restricted=restricted,
        private=private,
        people={
            "outsider": outsider,
            "member": member,
            "facilitator": facilitator,
            "requester": requester,
            "staff": UserFactory(is_staff=True, display_name="Sophie Personnel"),
        },
        invitation_token=token,
    )


def submit_empty(page):
    """Submit the page's main form as it is, to show its error messages."""
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()


def clear_and_submit(selector: str) -> Callable:
    def prepare(page):
        page.fill(selector, "")
        submit_empty(page)

    return prepare


@dataclass(frozen=True)
class Page:
    name: str
    path: Callable[[Site], str]
    viewer: str = "anonymous"
    prepare: Callable | None = None
    status: int = 200

    def __str__(self):
        return self.name


PAGES = [
    Page("home", lambda s: "/"),
    Page("home-signed-in", lambda s: "/", viewer="member"),
    Page("community-public", lambda s: f"/c/{s.public.slug}/"),
    Page(
        "community-restricted-outsider",
        lambda s: f"/c/{s.restricted.slug}/",
        viewer="outsider",
    ),
    Page("community-member", lambda s: f"/c/{s.public.slug}/", viewer="member"),
    Page(
        "community-facilitator",
        lambda s: f"/c/{s.restricted.slug}/",
        viewer="facilitator",
    ),
    Page(
        "member-directory",
        lambda s: f"/c/{s.public.slug}/membres/",
        viewer="facilitator",
    ),
    Page(
        "membership-request",
        lambda s: f"/c/{s.restricted.slug}/demande/",
        viewer="outsider",
    ),
    Page(
        "request-list",
        lambda s: f"/c/{s.restricted.slug}/demandes/",
        viewer="facilitator",
    ),
    Page(
        "invitation-list",
        lambda s: f"/c/{s.private.slug}/invitations/",
        viewer="facilitator",
    ),
    Page(
        "invitation-list-errors",
        lambda s: f"/c/{s.private.slug}/invitations/",
        viewer="facilitator",
        prepare=submit_empty,
    ),
    Page("invitation", lambda s: f"/invitations/{s.invitation_token}/"),
    Page(
        "community-edit",
        lambda s: f"/c/{s.public.slug}/modifier/",
        viewer="facilitator",
    ),
    Page(
        "community-leave",
        lambda s: f"/c/{s.public.slug}/quitter/",
        viewer="member",
    ),
    Page("community-create", lambda s: "/communautes/nouvelle/", viewer="staff"),
    Page(
        "profile",
        lambda s: f"/membres/{s.people['facilitator'].pk}/",
        viewer="member",
    ),
    Page("account-settings", lambda s: "/compte/reglages/", viewer="member"),
    Page("profile-form", lambda s: "/compte/profil/", viewer="member"),
    Page(
        "profile-form-errors",
        lambda s: "/compte/profil/",
        viewer="member",
        prepare=clear_and_submit("input[name=display_name]"),
    ),
    Page("organisation-form", lambda s: "/organisations/nouvelle/", viewer="member"),
    Page("consents", lambda s: "/compte/confidentialite/", viewer="member"),
    Page("export", lambda s: "/compte/mes-donnees/", viewer="member"),
    Page("delete", lambda s: "/compte/suppression/", viewer="member"),
    Page(
        "delete-errors",
        lambda s: "/compte/suppression/",
        viewer="member",
        prepare=submit_empty,
    ),
    Page("directory", lambda s: "/repertoire/", viewer="outsider"),
    Page("privacy-policy", lambda s: "/confidentialite/"),
    Page("login", lambda s: "/compte/login/"),
    Page("login-errors", lambda s: "/compte/login/", prepare=submit_empty),
    Page("signup", lambda s: "/compte/signup/"),
    Page("signup-errors", lambda s: "/compte/signup/", prepare=submit_empty),
    Page("password-reset", lambda s: "/compte/password/reset/"),
    Page("not-found", lambda s: "/c/cette-communaute-n-existe-pas/", status=404),
]
