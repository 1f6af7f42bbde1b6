"""Closing a community: dissolve, reorient, reopen; archived communities refuse every
write through every page and service, of the communities app and of the method."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone
from django.utils.html import escape

from maillage.accounts import services as account_services
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import permissions, privacy, services
from maillage.communities import urls as community_urls
from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.method import services as method_services
from maillage.method import urls as method_urls
from maillage.method.models import (
    Charter,
    CharterRevision,
    CommunitySetupStep,
    Dissolution,
    Objective,
    ObjectiveProgress,
    Reorientation,
    StageChange,
)
from maillage.method.tests.factories import ObjectiveFactory
from maillage.territories.models import Region

Role = Membership.Role
State = Membership.State


def _dissolve(community, actor):
    return method_services.dissolve_community(
        actor=actor,
        community=community,
        achieved="Douze écoles livrées.",
        learned="Commencer petit.",
    )


# Dissolve ---------------------------------------------------------------------------


def test_dissolving_archives_with_its_summary_and_keeps_members(
    community, facilitator, member
):
    """The summary is kept, the community archived, its memberships as they were."""
    dissolution = _dissolve(community, facilitator)

    community.refresh_from_db()
    assert community.is_archived
    assert community.archived_at == dissolution.created_at
    assert dissolution.achieved == "Douze écoles livrées."
    assert dissolution.dissolved_by == facilitator
    assert set(
        Membership.objects.active()
        .filter(community=community)
        .values_list("user", flat=True)
    ) == {facilitator.pk, member.pk}


def test_dissolving_withdraws_invitations_and_closes_requests(community, facilitator):
    """Nobody can join an archived community: what was pending is closed."""
    community.join_policy = Community.JoinPolicy.REQUEST
    community.save()
    requester = MembershipFactory(
        community=community, state=State.REQUESTED, joined_at=None
    )
    invitee = UserFactory()
    services.invite_member(actor=facilitator, community=community, email=invitee.email)

    _dissolve(community, facilitator)

    assert not community.invitations.pending().exists()
    assert not Membership.objects.filter(community=community, user=invitee).exists()
    requester.refresh_from_db()
    assert requester.state == State.LEFT


@pytest.mark.parametrize(("achieved", "learned"), [("", "Oui."), ("Oui.", "  ")])
def test_dissolving_needs_both_parts_of_the_summary(
    community, facilitator, achieved, learned
):
    """Without what was achieved and what was learned, nothing happens."""
    with pytest.raises(ValidationError):
        method_services.dissolve_community(
            actor=facilitator, community=community, achieved=achieved, learned=learned
        )

    community.refresh_from_db()
    assert not community.is_archived
    assert not Dissolution.objects.exists()


def test_member_cannot_dissolve(community, member):
    """Only facilitators and staff dissolve a community."""
    with pytest.raises(PermissionDenied):
        _dissolve(community, member)


# Reorient ---------------------------------------------------------------------------


def test_reorienting_keeps_the_history(community, facilitator):
    """A new domain is recorded with the old one; objectives and charter revisions
    stay; a new stage is a stage change with the same reason."""
    ObjectiveFactory(community=community, status=Objective.Status.REACHED)
    method_services.save_charter(
        actor=facilitator, community=community, mandate="M.", domain="D."
    )
    old_domain = community.domain

    reorientation = method_services.reorient_community(
        actor=facilitator,
        community=community,
        domain="Réduire le gaspillage",
        reason="Nos objectifs d'achat sont atteints.",
        stage=Community.Stage.COALESCING,
    )

    community.refresh_from_db()
    assert community.domain == "Réduire le gaspillage"
    assert reorientation.previous_domain == old_domain
    assert community.stage == Community.Stage.COALESCING
    assert StageChange.objects.get().reason == "Nos objectifs d'achat sont atteints."
    assert Objective.objects.filter(community=community).count() == 1
    assert CharterRevision.objects.filter(community=community).count() == 1
    assert not community.is_archived


def test_reorienting_needs_a_reason(community, facilitator):
    """A reorientation without a reason is refused; the domain stays."""
    with pytest.raises(ValidationError) as error:
        method_services.reorient_community(
            actor=facilitator, community=community, domain="Autre", reason=""
        )

    assert "reason" in error.value.message_dict
    assert not Reorientation.objects.exists()


# Reopen -----------------------------------------------------------------------------


def test_staff_reopen_an_archive_and_the_summary_stays(community, facilitator, staff):
    """Reopening undoes the archive; the dissolution row records it."""
    _dissolve(community, facilitator)

    method_services.reopen_community(
        actor=staff, community=community, reason="Nouveau financement."
    )

    community.refresh_from_db()
    assert not community.is_archived
    dissolution = Dissolution.objects.get()
    assert dissolution.reopened_by == staff
    assert dissolution.reopen_reason == "Nouveau financement."
    assert dissolution.achieved == "Douze écoles livrées."
    services.join_community(user=UserFactory(), community=community)


def test_facilitator_cannot_reopen(community, facilitator):
    """Only staff undo an archive."""
    _dissolve(community, facilitator)

    with pytest.raises(PermissionDenied):
        method_services.reopen_community(
            actor=facilitator, community=community, reason="S'il vous plaît."
        )


def test_reopening_a_live_community_is_refused(community, staff):
    """There is nothing to reopen in a live community."""
    with pytest.raises(ValidationError):
        method_services.reopen_community(actor=staff, community=community, reason="?")


def test_reopening_an_admin_archive_records_it(community, staff):
    """A community archived in the admin, without a summary, is reopened all the
    same, and the timeline shows the reopening."""
    Community.objects.filter(pk=community.pk).update(archived_at=timezone.now())
    community.refresh_from_db()

    method_services.reopen_community(actor=staff, community=community, reason="Erreur.")

    assert Dissolution.objects.get().reopen_reason == "Erreur."


# Archived communities refuse every write -------------------------------------------


@dataclass
class Archive:
    """Two communities (open and on request), with people in every place, archived
    the way staff can in the admin: everything pending is still pending, so that
    only the archive stops the writes."""

    open: Community
    reviewed: Community
    people: dict
    staff: object
    outsider: object
    tokens: dict

    def user(self, role, kind="open"):
        if role in ("staff", "outsider"):
            return getattr(self, role)
        return self.people[kind, role]

    def membership(self, role, kind="open"):
        return Membership.objects.get(
            community=getattr(self, kind), user=self.user(role, kind)
        )


def _populate(community, kind, people, tokens, staff):
    for role in ("facilitator", "member", "requester", "invitee", "extra"):
        people[kind, role] = UserFactory(display_name=f"{role} {kind}")
    MembershipFactory(
        community=community, user=people[kind, "facilitator"], role=Role.FACILITATOR
    )
    MembershipFactory(community=community, user=people[kind, "member"])
    MembershipFactory(
        community=community, user=people[kind, "extra"], role=Role.FACILITATOR
    )
    MembershipFactory(
        community=community,
        user=people[kind, "requester"],
        state=State.REQUESTED,
        joined_at=None,
    )
    _invitation, tokens[kind] = services.invite_member(
        actor=people[kind, "facilitator"],
        community=community,
        email=people[kind, "invitee"].email,
    )
    method_services.copy_setup_path(community)
    ObjectiveFactory(community=community)
    method_services.save_charter(
        actor=staff, community=community, mandate="Mandat.", domain="Domaine."
    )


@pytest.fixture
def archive(db):
    staff = UserFactory(is_staff=True)
    people, tokens = {}, {}
    communities = {
        "open": CommunityFactory(slug="ouverte", join_policy="open"),
        "reviewed": CommunityFactory(slug="sur-demande", join_policy="request"),
    }
    for kind, community in communities.items():
        _populate(community, kind, people, tokens, staff)
    return Archive(
        open=communities["open"],
        reviewed=communities["reviewed"],
        people=people,
        staff=staff,
        outsider=UserFactory(),
        tokens=tokens,
    )


def _archive_all():
    Community.objects.update(archived_at=timezone.now())


def _everything():
    """Every row a community write could touch, to compare before and after."""
    models = [
        Community,
        Membership,
        Invitation,
        CommunitySetupStep,
        Charter,
        CharterRevision,
        Objective,
        ObjectiveProgress,
        StageChange,
        Reorientation,
        Dissolution,
    ]
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in models}


# Each service with an actor allowed to call it on a live community.
SERVICES = {
    "update_community": lambda a: services.update_community(
        actor=a.user("facilitator"),
        community=a.open,
        name="Nouveau nom",
        domain="Domaine",
        description="",
        regions=[Region.objects.get(code="05")],
        sectors=[],
        visibility="public",
        join_policy="open",
    ),
    "join_community": lambda a: services.join_community(
        user=a.outsider, community=a.open
    ),
    "request_membership": lambda a: services.request_membership(
        user=a.outsider, community=a.reviewed, message="Bonjour"
    ),
    "approve_request": lambda a: services.approve_request(
        actor=a.user("facilitator"), membership=a.membership("requester")
    ),
    "decline_request": lambda a: services.decline_request(
        actor=a.user("facilitator"), membership=a.membership("requester")
    ),
    "invite_member": lambda a: services.invite_member(
        actor=a.user("facilitator"), community=a.open, email="neuf@exemple.qc.ca"
    ),
    "accept_invitation": lambda a: services.accept_invitation(
        user=a.user("invitee"), invitation=a.open.invitations.get()
    ),
    "decline_invitation": lambda a: services.decline_invitation(
        user=a.user("invitee"), invitation=a.open.invitations.get()
    ),
    "revoke_invitation": lambda a: services.revoke_invitation(
        actor=a.user("facilitator"), invitation=a.open.invitations.get()
    ),
    "leave_community": lambda a: services.leave_community(
        user=a.user("member"), community=a.open
    ),
    "remove_member": lambda a: services.remove_member(
        actor=a.user("facilitator"), membership=a.membership("member")
    ),
    "change_role": lambda a: services.change_role(
        actor=a.staff, membership=a.membership("member"), role=Role.SPONSOR
    ),
    "update_setup_step": lambda a: method_services.update_setup_step(
        actor=a.user("facilitator"), step=a.open.setup_steps.first(), status="done"
    ),
    "save_charter": lambda a: method_services.save_charter(
        actor=a.user("facilitator"), community=a.open, mandate="Autre.", domain="D."
    ),
    "create_objective": lambda a: method_services.create_objective(
        actor=a.user("facilitator"), community=a.open, title="Nouveau"
    ),
    "update_objective": lambda a: method_services.update_objective(
        actor=a.staff,
        objective=a.open.objectives.get(),
        title="Renommé",
        status="reached",
    ),
    "record_progress": lambda a: method_services.record_progress(
        actor=a.user("facilitator"),
        objective=a.open.objectives.get(),
        value=Decimal("30"),
        measured_on=timezone.localdate(),
    ),
    "change_stage": lambda a: method_services.change_stage(
        actor=a.user("facilitator"), community=a.open, stage="maturing", reason="Oui."
    ),
    "dissolve_community": lambda a: _dissolve(a.open, a.staff),
    "reorient_community": lambda a: method_services.reorient_community(
        actor=a.user("facilitator"), community=a.open, domain="Autre", reason="Oui."
    ),
}


@pytest.mark.parametrize("name", SERVICES)
def test_service_works_on_a_live_community(archive, name):
    """Control: each call of the table succeeds while the community is live."""
    before = _everything()

    SERVICES[name](archive)

    assert _everything() != before


@pytest.mark.parametrize("name", SERVICES)
def test_archived_community_refuses_every_service(archive, name):
    """Each write service refuses an archived community and changes nothing."""
    _archive_all()
    before = _everything()

    with pytest.raises(ValidationError) as error:
        SERVICES[name](archive)

    assert error.value.code == "archived"
    assert _everything() == before


def test_every_write_service_is_in_the_table():
    """A new write service of the app must join the archived-community table."""
    public = {
        name
        for module in (services, method_services)
        for name in dir(module)
        if not name.startswith("_") and callable(getattr(module, name))
    }
    # Not community writes, or writes of a community not yet existing or archived;
    # ``lock_live`` is the check itself; ``withdraw_invitations_and_requests``
    # runs in ``dissolve_community``'s transaction, after its check.
    others = {
        "create_community",
        "start_community",
        "community_started",
        "copy_setup_path",
        "lock_live",
        "withdraw_invitations_and_requests",
        "propose_community",
        "accept_proposal",
        "decline_proposal",
        "reopen_community",
        "hash_token",
        "invitation_for_token",
        "state_before_invitation",
        "send_templated_mail_on_commit",
        "absolute_url",
        "submitted_once",
        "reverse",
        "transaction",
    }
    imported = {
        "can_steer",
        "is_staff",
        "membership_of",
        "User",
        "Community",
        "Invitation",
        "Membership",
        "CommunitySetupStep",
        "SetupStepTemplate",
        "Charter",
        "CharterRevision",
        "CommunityProposal",
        "Dissolution",
        "Objective",
        "ObjectiveProgress",
        "Reorientation",
        "StageChange",
        "PermissionDenied",
        "ValidationError",
        "Decimal",
        "date",
        "timedelta",
        "Role",
        "State",
        "Step",
    }
    assert public - others - imported == set(SERVICES)


# Pages: every URL of the communities app and of the method, posted to on an
# archived community.

# Pages that only read: a POST is refused with 405 whatever the community.
READ_ONLY = {
    "home",
    "community_detail",
    "member_list",
    "request_list",
    "profile_detail",
    "guide",
    "proposal_list",
    "proposal_detail",
    "proposal_accept",
    "proposal_decline",
    "community_create",
    "setup_path",
    "charter_detail",
    "charter_history",
    "objective_list",
    "objective_detail",
    "dashboard",
    "closing",
    "community_export",
}


def _post_case(name, a):
    """Who posts, to which arguments, with which valid data."""
    slug = a.open.slug
    step = a.open.setup_steps.first()
    objective = a.open.objectives.get()
    today = timezone.localdate().isoformat()
    cases = {
        "community_update": (
            "facilitator",
            [slug],
            {
                "name": "Nouveau nom",
                "domain": "Domaine",
                "regions": [Region.objects.get(code="05").pk],
                "visibility": "public",
                "join_policy": "open",
            },
        ),
        "community_join": ("outsider", [slug], {}),
        "membership_request": ("outsider", [a.reviewed.slug], {"message": "Salut"}),
        "community_leave": ("member", [slug], {}),
        "request_decide": (
            "facilitator",
            [slug, a.membership("requester").pk],
            {"decision": "approve"},
        ),
        "invitation_list": (
            "facilitator",
            [slug],
            {"email": "neuf@exemple.qc.ca", "role": "member", "message": ""},
        ),
        "invitation_revoke": (
            "facilitator",
            [slug, a.open.invitations.get().pk],
            {},
        ),
        "membership_role": (
            "staff",
            [slug, a.membership("member").pk],
            {"role": "sponsor"},
        ),
        "membership_remove": ("facilitator", [slug, a.membership("member").pk], {}),
        "invitation_respond": ("invitee", [slug], {"action": "accept"}),
        "invitation_detail": ("invitee", [a.tokens["open"]], {"action": "accept"}),
        "setup_step_update": (
            "facilitator",
            [slug, step.pk],
            {f"step-{step.pk}-status": "done", f"step-{step.pk}-notes": "Fait."},
        ),
        "charter_update": (
            "facilitator",
            [slug],
            {"mandate": "Nouveau mandat.", "domain": "Domaine."},
        ),
        "objective_create": (
            "facilitator",
            [slug],
            {"title": "Nouveau", "status": "planned"},
        ),
        "objective_update": (
            "staff",
            [slug, objective.pk],
            {"title": "Renommé", "status": "reached"},
        ),
        "objective_progress": (
            "facilitator",
            [slug, objective.pk],
            {"value": "30", "measured_on": today},
        ),
        "stage_timeline": (
            "facilitator",
            [slug],
            {"stage": "maturing", "reason": "Oui."},
        ),
        "community_dissolve": (
            "facilitator",
            [slug],
            {"achieved": "Beaucoup.", "learned": "Plus encore."},
        ),
        "community_reorient": (
            "facilitator",
            [slug],
            {"domain": "Autre", "reason": "Oui.", "stage": "coalescing"},
        ),
    }
    return cases[name]


# Each page's namespace, by its name (the two apps' names do not overlap).
NAMESPACES = {
    pattern.name: module.app_name
    for module in (community_urls, method_urls)
    for pattern in module.urlpatterns
    if isinstance(pattern, URLPattern)
}


def _pattern_names():
    return list(NAMESPACES)


def _url(name, args):
    return reverse(f"{NAMESPACES[name]}:{name}", args=args)


WRITE_PAGES = [
    name
    for name in _pattern_names()
    if name not in READ_ONLY and name != "community_reopen"
]


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_page_writes_on_a_live_community(archive, name):
    """Control: each POST of the table changes data while the community is live."""
    role, args, data = _post_case(name, archive)
    before = _everything()

    response = _client(archive.user(role)).post(_url(name, args), data)

    assert response.status_code == 302
    assert _everything() != before


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_archived_community_refuses_every_page_write(archive, name):
    """Each POST to an archived community changes nothing and sends the person back
    to the community with a message, never an error page."""
    _archive_all()
    role, args, data = _post_case(name, archive)
    before = _everything()

    response = _client(archive.user(role)).post(_url(name, args), data, follow=True)

    assert response.status_code == 200
    assert _everything() == before
    archive.open.refresh_from_db()
    with pytest.raises(ValidationError) as refusal:
        permissions.ensure_not_archived(archive.open)
    assert escape(refusal.value.messages[0]) in response.content.decode()
    if name != "invitation_detail":  # That page shows the refusal in place.
        assert response.redirect_chain[-1][0] in (
            archive.open.get_absolute_url(),
            archive.reviewed.get_absolute_url(),
        )


@pytest.mark.parametrize("name", sorted(READ_ONLY - {"home", "guide"}))
def test_read_only_pages_refuse_posts(archive, name):
    """Pages that only read answer a POST with 405 (or a redirect to log in)."""
    _archive_all()
    args = {
        "community_detail": [archive.open.slug],
        "profile_detail": [archive.user("member").pk],
        "proposal_detail": [1],
        "proposal_accept": [1],
        "proposal_decline": [1],
        "community_create": [],
        "proposal_list": [],
        "objective_detail": [archive.open.slug, archive.open.objectives.get().pk],
    }.get(name, [archive.open.slug])
    before = _everything()

    response = _client(archive.user("facilitator")).post(_url(name, args), {})

    assert response.status_code in (302, 403, 404, 405)
    assert _everything() == before


def test_every_page_of_the_two_apps_is_classified():
    """A new page must say whether it writes (and join the archive table) or reads."""
    assert set(_pattern_names()) == READ_ONLY | set(WRITE_PAGES) | {"community_reopen"}


def test_archived_pages_hide_every_write_action(archive):
    """The facilitator of an archived community sees no form that would change it."""
    _archive_all()
    client = _client(archive.user("facilitator"))
    slug = archive.open.slug
    objective = archive.open.objectives.get()

    for url in [
        archive.open.get_absolute_url(),
        reverse("method:setup_path", args=[slug]),
        reverse("method:charter_detail", args=[slug]),
        reverse("method:objective_list", args=[slug]),
        reverse("method:objective_detail", args=[slug, objective.pk]),
        reverse("method:stage_timeline", args=[slug]),
        reverse("method:dashboard", args=[slug]),
        reverse("communities:member_list", args=[slug]),
        reverse("communities:request_list", args=[slug]),
        reverse("communities:invitation_list", args=[slug]),
    ]:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        forms = html.count('method="post"')
        # Only the site header's log-out and language forms remain.
        assert forms == 2, url
        assert reverse("method:charter_update", args=[slug]) not in html
        assert reverse("method:closing", args=[slug]) not in html


def test_former_members_keep_reading_an_archived_private_community(db):
    """Alumni: people active at archive time still read it; strangers still do not."""
    private = CommunityFactory(visibility=Community.Visibility.PRIVATE)
    host = MembershipFactory(community=private, role=Role.FACILITATOR).user
    alumnus = MembershipFactory(community=private).user
    ObjectiveFactory(community=private, title="Objectif des anciens")
    _dissolve(private, host)

    inside = _client(alumnus)
    outside = _client(UserFactory())
    for name in ("community_detail", "objective_list", "charter_detail"):
        url = _url(name, [private.slug])
        assert inside.get(url).status_code == 200
        assert outside.get(url).status_code == 404
    html = inside.get(reverse("method:objective_list", args=[private.slug]))
    assert "Objectif des anciens" in html.content.decode()


def test_staff_reopen_through_the_confirmation_page(community, facilitator, staff):
    """The reopen page asks for a reason, then the community is live again."""
    _dissolve(community, facilitator)
    client = _client(staff)
    url = reverse("method:community_reopen", args=[community.slug])

    page = client.get(url)
    refused = client.post(url, {"reason": ""})
    community.refresh_from_db()
    assert community.is_archived
    response = client.post(url, {"reason": "Nouvelle subvention."})

    assert page.status_code == 200
    assert "Douze écoles livrées." in page.content.decode()
    assert refused.status_code == 200
    assert response.status_code == 302
    community.refresh_from_db()
    assert not community.is_archived


def test_facilitator_cannot_reopen_through_the_page(community, facilitator):
    """The reopen page is for staff only."""
    _dissolve(community, facilitator)

    response = _client(facilitator).post(
        reverse("method:community_reopen", args=[community.slug]),
        {"reason": "S'il vous plaît."},
    )

    assert response.status_code == 403
    community.refresh_from_db()
    assert community.is_archived


def test_archived_community_blocks_no_account_deletion(community, facilitator):
    """Being the last facilitator of an archived community does not block deleting
    one's account, since nobody can take over any more."""
    assert privacy.deletion_blockers(facilitator)
    _dissolve(community, facilitator)

    assert privacy.deletion_blockers(facilitator) == []
    account_services.delete_account(user=facilitator)


def test_dissolution_date_moves_with_the_archive(community, facilitator):
    """The archive date is the dissolution's date (timeline and banner agree)."""
    before = timezone.now() - timedelta(seconds=1)

    dissolution = _dissolve(community, facilitator)

    community.refresh_from_db()
    assert community.archived_at == dissolution.created_at >= before
