"""The pages that the accessibility checks visit, and the people who see them.

To check a new page, add a ``Page`` to ``PAGES``: a name, its path (built from
the ``Site`` below), who looks at it, and optionally what to do first (submit
an empty form to show its errors). ``Site`` holds a small, realistic network;
add to ``build_site`` what new pages need.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from maillage.accounts.models import Consent
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations import services as conversation_services
from maillage.conversations.models import Flag, Tag
from maillage.method import services as method_services
from maillage.method.models import CommunitySetupStep
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
    site = Site(
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
    _add_method(site, region)
    _add_exchanges(site)
    return site


def _add_method(site: Site, region: Region) -> None:
    """A pending proposal, and the public community well on its way: setup steps
    moved, a charter with two revisions, an objective with a measure, a stage."""
    facilitator = site.people["facilitator"]
    community = site.public
    site.extra["proposal"] = method_services.propose_community(
        proposer=site.people["outsider"],
        role="Nutritionniste",
        organisation="CISSS de la Montérégie-Centre",
        name="Montérégie cuisine durable",
        domain="Gaspillage alimentaire dans les hôpitaux",
        regions=[region],
        needs="Réduire les pertes en cuisine.\nPartager nos outils de mesure.",
    )
    steps = method_services.copy_setup_path(community)
    for step, status, notes, reason in [
        (steps[0], CommunitySetupStep.Status.DONE, "Portrait remis.", ""),
        (steps[1], CommunitySetupStep.Status.SKIPPED, "", "Mandat déjà donné."),
        (steps[2], CommunitySetupStep.Status.IN_PROGRESS, "Douze CPE joints.", ""),
    ]:
        method_services.update_setup_step(
            actor=facilitator, step=step, status=status, notes=notes, skip_reason=reason
        )
    charter = {
        "mandate": "Faire connaître l'offre des producteurs.",
        "domain": "Achats locaux des CPE.",
        "rhythm": "Une rencontre par saison.",
    }
    method_services.save_charter(actor=facilitator, community=community, **charter)
    charter["mandate"] = "Faire connaître l'offre des maraîchers."
    method_services.save_charter(
        actor=facilitator, community=community, note="Plus précis", **charter
    )
    objective = method_services.create_objective(
        actor=facilitator,
        community=community,
        title="Dix CPE achètent local",
        indicator="CPE clients d'un producteur d'ici",
        baseline=Decimal(0),
        target=Decimal(10),
        unit="CPE",
        due_date=timezone.localdate() + timedelta(days=20),
        status="in_progress",
    )
    method_services.record_progress(
        actor=facilitator,
        objective=objective,
        value=Decimal(4),
        measured_on=timezone.localdate(),
        comment="Quatre CPE de Longueuil.",
    )
    site.extra["objective"] = objective
    method_services.change_stage(
        actor=facilitator,
        community=community,
        stage=Community.Stage.COALESCING,
        reason="Les premiers membres se rencontrent.",
    )


def _add_exchanges(site: Site) -> None:
    """A solved challenge, a flag waiting for the facilitators, a moderation
    entry, and notifications for the member."""
    facilitator, member = site.people["facilitator"], site.people["member"]
    thread = conversation_services.create_thread(
        author=member,
        community=site.public,
        kind="challenge",
        title="Légumes d'hiver aux collations",
        sections={
            "problem": "Tout vient de loin en **février**.",
            "tried": "Des carottes, sans succès.",
        },
        tags=[Tag.objects.get(slug="collations")],
    )
    reply = conversation_services.create_reply(
        author=facilitator,
        thread=thread,
        body=f"@[{member.public_name}]({member.pk}) essayez les courges de garde.",
    )
    conversation_services.mark_solution(actor=member, reply=reply)
    tip = conversation_services.create_thread(
        author=facilitator,
        community=site.public,
        kind="tip",
        title="Acheter en groupe",
        sections={"body": "Regroupez les commandes de trois CPE."},
    )
    conversation_services.set_thread_pinned(
        actor=facilitator, thread=tip, pinned=True, reason="Utile à tous"
    )
    conversation_services.flag_content(
        reporter=member,
        thread=tip,
        reason=Flag.Reason.SPAM,
        details="Ressemble à une publicité.",
    )
    site.extra["thread"] = thread


def submit_empty(page):
    """Submit the page's main form as it is, to show its error messages."""
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()


def submit_empty_form(form_selector: str) -> Callable:
    """Submit one form of the page as it is, when it is not the page's last."""

    def prepare(page):
        with page.expect_navigation():
            page.locator(form_selector).locator("button[type=submit]").click()

    return prepare


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
        # The last form of the page withdraws the pending invitation.
        prepare=submit_empty_form("main form.form"),
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
    Page("welcome", lambda s: "/compte/bienvenue/", viewer="member"),
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
    # allauth's pages in our words (maillage/templates/account/).
    Page("password-reset-sent", lambda s: "/compte/password/reset/done/"),
    Page("verification-sent", lambda s: "/compte/confirm-email/"),
    Page("email-addresses", lambda s: "/compte/email/", viewer="member"),
    Page("password-change", lambda s: "/compte/password/change/", viewer="member"),
    Page("logout", lambda s: "/compte/logout/", viewer="member"),
    Page("not-found", lambda s: "/c/cette-communaute-n-existe-pas/", status=404),
    # The method.
    Page("guide", lambda s: "/lancer-une-communaute/"),
    Page("guide-signed-in", lambda s: "/lancer-une-communaute/", viewer="member"),
    Page(
        "proposal-form-errors",
        lambda s: "/lancer-une-communaute/",
        viewer="member",
        prepare=submit_empty,
    ),
    Page(
        "proposal-list",
        lambda s: "/lancer-une-communaute/propositions/",
        viewer="staff",
    ),
    Page(
        "proposal-detail",
        lambda s: f"/lancer-une-communaute/propositions/{s.extra['proposal'].pk}/",
        viewer="staff",
    ),
    Page(
        "setup-path",
        lambda s: f"/c/{s.public.slug}/demarrage/",
        viewer="facilitator",
    ),
    Page("charter", lambda s: f"/c/{s.public.slug}/charte/"),
    Page(
        "charter-form",
        lambda s: f"/c/{s.public.slug}/charte/modifier/",
        viewer="facilitator",
    ),
    Page(
        "charter-history",
        lambda s: f"/c/{s.public.slug}/charte/historique/",
        viewer="member",
    ),
    Page("objective-list", lambda s: f"/c/{s.public.slug}/objectifs/", viewer="member"),
    Page(
        "objective-form",
        lambda s: f"/c/{s.public.slug}/objectifs/nouveau/",
        viewer="facilitator",
    ),
    Page(
        "objective-form-errors",
        lambda s: f"/c/{s.public.slug}/objectifs/nouveau/",
        viewer="facilitator",
        prepare=submit_empty,
    ),
    Page(
        "objective-detail",
        lambda s: f"/c/{s.public.slug}/objectifs/{s.extra['objective'].pk}/",
        viewer="facilitator",
    ),
    Page("stage-timeline", lambda s: f"/c/{s.public.slug}/etapes/"),
    Page(
        "stage-timeline-facilitator",
        lambda s: f"/c/{s.public.slug}/etapes/",
        viewer="facilitator",
    ),
    Page(
        "dashboard",
        lambda s: f"/c/{s.public.slug}/tableau-de-bord/",
        viewer="facilitator",
    ),
    Page("closing", lambda s: f"/c/{s.public.slug}/fermer/", viewer="facilitator"),
    # Exchanges.
    Page("exchanges", lambda s: f"/c/{s.public.slug}/echanges/", viewer="member"),
    Page("thread-list", lambda s: f"/c/{s.public.slug}/echanges/fils/"),
    Page("thread", lambda s: s.extra["thread"].get_absolute_url()),
    Page(
        "thread-member",
        lambda s: s.extra["thread"].get_absolute_url(),
        viewer="member",
    ),
    Page(
        "thread-form-errors",
        lambda s: f"/c/{s.public.slug}/echanges/nouveau/defi/",
        viewer="member",
        prepare=submit_empty,
    ),
    Page(
        "moderation-queue",
        lambda s: f"/c/{s.public.slug}/echanges/moderation/",
        viewer="facilitator",
    ),
    Page(
        "moderation-log",
        lambda s: f"/c/{s.public.slug}/echanges/journal/",
        viewer="facilitator",
    ),
    # Notifications.
    Page("notifications", lambda s: "/notifications/", viewer="member"),
    Page(
        "notification-preferences",
        lambda s: "/compte/notifications/",
        viewer="member",
    ),
    # Bad input (core.middleware.BadInputMiddleware): a query that is not UTF-8.
    Page(
        "bad-request",
        lambda s: f"/c/{s.public.slug}/echanges/fils/?tag=%FF",
        viewer="member",
        status=400,
    ),
]
