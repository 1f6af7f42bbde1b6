"""Who may see and do what: every page and action, per viewer and kind of community.

Each table row gives a page or action, a kind of community, then the expected
outcome for each viewer: anonymous, outsider (signed in, no membership), invitee,
requester, member, sponsor (a member who also reads the dashboard, and changes
nothing more than a member), facilitator, staff. Outcomes:

- ``200``, ``403``, ``404``: the response status;
- ``login``: a redirect to the login page (anonymous visitor);
- ``back``: a redirect to the community's page, and nothing changed;
- ``ok``: the action was done (POST only), with a redirect to its usual page.

Every viewer other than ``anonymous``, ``outsider`` and ``staff`` is a different
person in each community, so that a role in one never helps in another.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.communities.tests.matrix import (
    KINDS,
    NEW_EMAIL,
    STRANGERS,
    assert_nothing_leaks,
    assert_outcome,
    built_world_fixture,  # noqa: F401 (a fixture)
    cases,
    world_fixture,  # noqa: F401 (a fixture)
)
from maillage.organisations.models import Organisation
from maillage.territories.models import Region


def _database_state():
    """What the actions may change: memberships, invitations, presentations."""
    return (
        sorted(
            Membership.objects.values_list("community_id", "user_id", "state", "role")
        ),
        sorted(Invitation.objects.values_list("id", "email", "role", "revoked_at")),
        sorted(
            Community.objects.values_list("id", "name", "visibility", "join_policy")
        ),
    )


# Pages ------------------------------------------------------------------------

# The profile page is that of the community's ordinary member.
PAGES = """
page               kind       anon  out   inv   req   mem   spon  fac   staff
community_detail   public     200   200   200   200   200   200   200   200
community_detail   restricted 200   200   200   200   200   200   200   200
community_detail   private    404   404   200   404   200   200   200   200
member_list        public     login 403   403   403   200   200   200   200
member_list        restricted login 403   403   403   200   200   200   200
member_list        private    404   404   403   404   200   200   200   200
request_list       public     login 403   403   403   403   403   200   200
request_list       restricted login 403   403   403   403   403   200   200
request_list       private    login 404   403   404   403   403   200   200
invitation_list    public     login 403   403   403   403   403   200   200
invitation_list    restricted login 403   403   403   403   403   200   200
invitation_list    private    login 404   403   404   403   403   200   200
community_update   public     login 403   403   403   403   403   200   200
community_update   restricted login 403   403   403   403   403   200   200
community_update   private    login 404   403   404   403   403   200   200
community_leave    public     login back  back  back  200   200   200   back
community_leave    restricted login back  back  back  200   200   200   back
community_leave    private    login 404   back  404   200   200   200   back
membership_request public     login back  back  back  back  back  back  back
membership_request restricted login 200   back  back  back  back  back  200
membership_request private    login 404   back  404   back  back  back  back
membership_remove  public     login 403   403   403   403   403   200   200
membership_remove  restricted login 403   403   403   403   403   200   200
membership_remove  private    login 404   403   404   403   403   200   200
profile_detail     public     login 404   404   404   200   200   200   200
profile_detail     restricted login 404   404   404   200   200   200   200
profile_detail     private    login 404   404   404   200   200   200   200
"""


def _page_url(page, world, kind):
    community = world.communities[kind]
    if page == "profile_detail":
        return reverse(
            "communities:profile_detail", args=[world.people[kind, "member"].pk]
        )
    if page == "membership_remove":
        target = world.membership(kind, "member")
        return reverse(f"communities:{page}", args=[community.slug, target.pk])
    return reverse(f"communities:{page}", args=[community.slug])


@pytest.mark.parametrize(("page", "kind", "viewer", "outcome"), cases(PAGES))
def test_page_answers_each_viewer_as_expected_and_leaks_nothing(
    world, page, kind, viewer, outcome
):
    """Each page gives each viewer the expected status and no hidden name."""
    community = world.communities[kind]

    response = world.client_for(kind, viewer).get(_page_url(page, world, kind))

    assert_outcome(response, outcome, community)
    html = response.content.decode()
    assert_nothing_leaks(html, world, kind, viewer)
    if outcome == "200" and page != "profile_detail":
        assert community.name in html
    if outcome == "200" and page in ("member_list", "profile_detail"):
        assert world.people[kind, "member"].display_name in html


@pytest.mark.parametrize(
    ("kind", "viewer"),
    [
        (kind, viewer)
        for kind in KINDS
        for viewer in ("anonymous", "outsider", "invitee", "requester")
        # The private community's page is a 404 for strangers (tested above).
        if not (kind == "private" and viewer in STRANGERS)
    ],
)
def test_presentation_names_facilitators_but_not_members(world, kind, viewer):
    """The presentation names the facilitators (public-facing) and no other member."""
    response = world.client_for(kind, viewer).get(
        world.communities[kind].get_absolute_url()
    )

    html = response.content.decode()
    assert world.people[kind, "facilitator"].display_name in html
    assert world.people[kind, "member"].display_name not in html


@pytest.mark.parametrize(
    ("viewer", "sees_private"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("invitee", True),
        ("requester", False),
        ("member", True),
        ("facilitator", True),
        ("staff", True),
    ],
)
def test_home_lists_private_community_only_to_insiders(world, viewer, sees_private):
    """Public and restricted communities are listed to all, the private one not."""
    response = world.client_for("private", viewer).get(reverse("communities:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert world.communities["public"].name in html
    assert world.communities["restricted"].name in html
    assert (world.communities["private"].name in html) is sees_private


@pytest.mark.parametrize(
    ("viewer", "sees_private"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("invitee", True),
        ("requester", False),
        ("member", True),
        ("facilitator", True),
        ("staff", True),
    ],
)
def test_browse_results_list_private_community_only_to_insiders(
    world, viewer, sees_private
):
    """The browsing results (htmx fragment, without 'My communities') obey the rule."""
    response = world.client_for("private", viewer).get(
        reverse("communities:home"), headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert world.communities["public"].name in html
    assert world.communities["restricted"].name in html
    assert (world.communities["private"].name in html) is sees_private


@pytest.mark.parametrize("state", [Membership.State.LEFT, Membership.State.REMOVED])
def test_home_hides_private_community_from_former_members(world, state):
    """Someone who left or was removed no longer sees the private community listed."""
    former = MembershipFactory(community=world.communities["private"], state=state).user
    client = Client()
    client.force_login(former)

    response = client.get(reverse("communities:home"))

    assert world.communities["private"].name not in response.content.decode()


def test_lapsed_invitation_hides_the_private_community_again(world):
    """Once the invitation expires, the invitee no longer sees the private community."""
    community = world.communities["private"]
    invitee = world.people["private", "invitee"]
    community.invitations.filter(email=invitee.email).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client = world.client_for("private", "invitee")

    detail = client.get(community.get_absolute_url())
    home = client.get(reverse("communities:home"))

    assert detail.status_code == 404
    assert community.name not in detail.content.decode()
    assert community.name not in home.content.decode()


# Actions ----------------------------------------------------------------------

# "invitation_list" is the POST that invites someone; "invitation_respond"
# accepts one's invitation from the community page. The facilitator is the
# community's last one, so may not leave it.
ACTIONS = """
action             kind       anon  out   inv   req   mem   spon  fac   staff
community_join     public     login ok    back  ok    back  back  back  ok
community_join     restricted login back  back  back  back  back  back  back
community_join     private    login 404   back  404   back  back  back  back
membership_request public     login back  back  back  back  back  back  back
membership_request restricted login ok    back  back  back  back  back  ok
membership_request private    login 404   back  404   back  back  back  back
community_leave    public     login back  back  back  ok    ok    back  back
community_leave    restricted login back  back  back  ok    ok    back  back
community_leave    private    login 404   back  404   ok    ok    back  back
invitation_respond public     login back  ok    back  back  back  back  back
invitation_respond restricted login back  ok    back  back  back  back  back
invitation_respond private    login 404   ok    404   back  back  back  back
request_decide     public     login 403   403   403   403   403   ok    ok
request_decide     restricted login 403   403   403   403   403   ok    ok
request_decide     private    login 404   403   404   403   403   ok    ok
invitation_list    public     login 403   403   403   403   403   ok    ok
invitation_list    restricted login 403   403   403   403   403   ok    ok
invitation_list    private    login 404   403   404   403   403   ok    ok
invitation_revoke  public     login 403   403   403   403   403   ok    ok
invitation_revoke  restricted login 403   403   403   403   403   ok    ok
invitation_revoke  private    login 404   403   404   403   403   ok    ok
membership_role    public     login 403   403   403   403   403   ok    ok
membership_role    restricted login 403   403   403   403   403   ok    ok
membership_role    private    login 404   403   404   403   403   ok    ok
membership_remove  public     login 403   403   403   403   403   ok    ok
membership_remove  restricted login 403   403   403   403   403   ok    ok
membership_remove  private    login 404   403   404   403   403   ok    ok
community_update   public     login 403   403   403   403   403   ok    ok
community_update   restricted login 403   403   403   403   403   ok    ok
community_update   private    login 404   403   404   403   403   ok    ok
"""


def _action_request(action, world, kind):
    """The URL and form data of ``action``, and where it redirects when done."""
    community = world.communities[kind]
    slug = community.slug
    match action:
        case "community_join" | "community_leave":
            data, done_url = {}, community.get_absolute_url()
            args = [slug]
        case "membership_request":
            data, done_url = {"message": "Bonjour!"}, community.get_absolute_url()
            args = [slug]
        case "invitation_respond":
            data, done_url = {"action": "accept"}, community.get_absolute_url()
            args = [slug]
        case "request_decide":
            data = {"decision": "approve"}
            done_url = reverse("communities:request_list", args=[slug])
            args = [slug, world.membership(kind, "requester").pk]
        case "invitation_list":
            data = {"email": NEW_EMAIL, "role": "member", "message": ""}
            done_url = reverse("communities:invitation_list", args=[slug])
            args = [slug]
        case "invitation_revoke":
            data = {}
            done_url = reverse("communities:invitation_list", args=[slug])
            invitation = community.invitations.get(
                email=world.people[kind, "invitee"].email
            )
            args = [slug, invitation.pk]
        case "membership_role":
            data = {"role": Membership.Role.FACILITATOR}
            done_url = reverse("communities:member_list", args=[slug])
            args = [slug, world.membership(kind, "member").pk]
        case "membership_remove":
            data = {}
            done_url = reverse("communities:member_list", args=[slug])
            args = [slug, world.membership(kind, "member").pk]
        case "community_update":
            data = {
                "name": "Nouveau nom",
                "domain": community.domain,
                "description": community.description,
                "regions": [Region.objects.get(code="05").pk],
                "visibility": community.visibility,
                "join_policy": community.join_policy,
            }
            done_url = community.get_absolute_url()
            args = [slug]
    return reverse(f"communities:{action}", args=args), data, done_url


def _assert_done(action, world, kind, viewer):
    """The change that ``action`` makes when it is allowed."""
    community = world.communities[kind]
    match action:
        case "community_join":
            assert world.state_of(kind, viewer) == ("active", "member")
        case "membership_request":
            assert world.state_of(kind, viewer) == ("requested", "member")
        case "community_leave":
            assert world.state_of(kind, viewer)[0] == "left"
        case "invitation_respond":
            assert world.state_of(kind, viewer) == ("active", "member")
            assert not community.invitations.pending().exists()
        case "request_decide":
            assert world.state_of(kind, "requester") == ("active", "member")
        case "invitation_list":
            assert community.invitations.pending().filter(email=NEW_EMAIL).exists()
        case "invitation_revoke":
            invitee = world.people[kind, "invitee"]
            assert not community.invitations.pending().filter(email=invitee.email)
            assert world.state_of(kind, "invitee") is None
        case "membership_role":
            assert world.state_of(kind, "member") == ("active", "facilitator")
        case "membership_remove":
            assert world.state_of(kind, "member") == ("removed", "member")
        case "community_update":
            community.refresh_from_db()
            assert community.name == "Nouveau nom"


@pytest.mark.parametrize(("action", "kind", "viewer", "outcome"), cases(ACTIONS))
def test_action_is_done_only_by_allowed_viewers(world, action, kind, viewer, outcome):
    """An allowed viewer changes the data; any other is turned away, data untouched."""
    url, data, done_url = _action_request(action, world, kind)
    before = _database_state()

    response = world.client_for(kind, viewer).post(url, data)

    if outcome == "ok":
        assert response.status_code == 302
        assert response.url == done_url
        _assert_done(action, world, kind, viewer)
    else:
        assert_outcome(response, outcome, world.communities[kind])
        assert _database_state() == before
    assert_nothing_leaks(response.content.decode(), world, kind, viewer)


@pytest.mark.parametrize(
    ("action", "target"),
    [
        ("request_decide", "requester"),
        ("membership_role", "member"),
        ("membership_remove", "member"),
        ("invitation_revoke", "invitee"),
    ],
)
def test_facilitator_cannot_reach_another_communitys_rows_through_their_own(
    world, action, target
):
    """A row of another community, addressed under one's own community, is a 404."""
    other = world.communities["restricted"]
    if action == "invitation_revoke":
        pk = other.invitations.get(email=world.people["restricted", target].email).pk
    else:
        pk = world.membership("restricted", target).pk
    data = {"decision": "approve", "role": Membership.Role.FACILITATOR}
    url = reverse(f"communities:{action}", args=[world.communities["public"].slug, pk])
    before = _database_state()

    response = world.client_for("public", "facilitator").post(url, data)

    assert response.status_code == 404
    assert _database_state() == before


def test_join_without_csrf_token_is_refused(world):
    """A cross-site POST to join a community is refused and creates no membership."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.outsider)
    community = world.communities["public"]
    url = reverse("communities:community_join", args=[community.slug])

    response = client.post(url)

    assert response.status_code == 403
    assert not community.memberships.filter(user=world.outsider).exists()
    # The same request with the page's token goes through, so the 403 was CSRF.
    client.get(community.get_absolute_url())
    token = client.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert world.state_of("public", "outsider") == ("active", "member")


# Creating communities and organisations ---------------------------------------


@pytest.mark.parametrize(
    ("viewer", "outcome"),
    [
        ("anonymous", "login"),
        ("outsider", "403"),
        ("launcher", "200"),
        ("staff", "200"),
    ],
)
def test_only_launchers_and_staff_may_start_a_community(world, viewer, outcome):
    """The creation form and its POST are for staff and allowed launchers only."""
    client = Client()
    if viewer == "launcher":
        client.force_login(UserFactory(can_launch_communities=True))
    elif viewer != "anonymous":
        client.force_login(world.user("public", viewer))
    url = reverse("communities:community_create")
    data = {
        "name": "Nouvelle communauté",
        "slug": "nouvelle",
        "domain": "Achats locaux",
        "regions": [Region.objects.get(code="05").pk],
        "visibility": Community.Visibility.PUBLIC,
        "join_policy": Community.JoinPolicy.OPEN,
    }

    page = client.get(url)
    response = client.post(url, data)

    assert_outcome(page, outcome, None)
    created = Community.objects.filter(slug="nouvelle").exists()
    if outcome == "200":
        assert response.status_code == 302
        assert created
    else:
        assert_outcome(response, outcome, None)
        assert not created


def test_anonymous_cannot_add_an_organisation(db, client):
    """Adding an organisation requires an account; nothing is created without one."""
    url = reverse("organisations:organisation_create")
    data = {"name": "CPE Anonyme", "sector": 1, "region": 1}

    page = client.get(url)
    response = client.post(url, data)

    assert_outcome(page, "login", None)
    assert_outcome(response, "login", None)
    assert not Organisation.objects.filter(name="CPE Anonyme").exists()


def test_logged_in_person_sees_the_organisation_form(outsider, client):
    """Any signed-in person may open the form to add their organisation."""
    client.force_login(outsider)

    response = client.get(reverse("organisations:organisation_create"))

    assert response.status_code == 200


# Accounts ---------------------------------------------------------------------

ACCOUNT_PAGES = [
    "account_settings",
    "profile_update",
    "welcome",
    "privacy_settings",
    "data_export",
    "account_delete",
    "directory",
]


@pytest.mark.parametrize("page", ACCOUNT_PAGES)
def test_account_page_sends_anonymous_visitor_to_login(db, client, page):
    """Account pages ask an anonymous visitor to log in."""
    response = client.get(reverse(f"accounts:{page}"))

    assert_outcome(response, "login", None)


@pytest.mark.parametrize("page", ACCOUNT_PAGES)
def test_account_page_opens_for_logged_in_person(outsider, client, page):
    """Account pages open for any signed-in person."""
    client.force_login(outsider)

    response = client.get(reverse(f"accounts:{page}"))

    assert response.status_code == 200


@pytest.mark.parametrize(
    "page", ["profile_update", "privacy_settings", "data_export", "account_delete"]
)
def test_account_post_from_anonymous_visitor_is_sent_to_login(db, client, page):
    """An anonymous POST to an account form is sent to login, and nothing is saved."""
    response = client.post(reverse(f"accounts:{page}"), {"directory": "on"})

    assert_outcome(response, "login", None)
    assert not Consent.objects.exists()


# Profiles and the directory ----------------------------------------------------


@pytest.fixture
def person(community):
    """Marc, an active member of the conftest community, with no consent given."""
    return MembershipFactory(community=community, user__display_name="Marc Profil").user


@pytest.mark.parametrize(
    ("viewer", "outcome"),
    [
        ("anonymous", "login"),
        ("self", "200"),
        ("staff", "200"),
        ("fellow_member", "200"),
        ("fellow_invitee", "404"),
        ("fellow_requester", "404"),
        ("former_member", "404"),
        ("stranger", "404"),
    ],
)
def test_profile_is_visible_to_self_staff_and_fellow_members(
    community, person, staff, outsider, client, viewer, outcome
):
    """Without consent, a profile is seen by its owner, staff and fellow members."""
    states = {
        "fellow_member": Membership.State.ACTIVE,
        "fellow_invitee": Membership.State.INVITED,
        "fellow_requester": Membership.State.REQUESTED,
        "former_member": Membership.State.LEFT,
    }
    if viewer in states:
        user = MembershipFactory(community=community, state=states[viewer]).user
    else:
        user = {"self": person, "staff": staff, "stranger": outsider}.get(viewer)
    if user is not None:
        client.force_login(user)

    response = client.get(reverse("communities:profile_detail", args=[person.pk]))

    assert_outcome(response, outcome, None)
    assert ("Marc Profil" in response.content.decode()) is (outcome == "200")


def test_profile_is_visible_to_any_logged_in_person_with_directory_consent(
    person, outsider, client
):
    """Consenting to the directory opens one's profile to every signed-in person."""
    account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    client.force_login(outsider)

    response = client.get(reverse("communities:profile_detail", args=[person.pk]))

    assert response.status_code == 200
    assert "Marc Profil" in response.content.decode()


@pytest.mark.parametrize("kind", ["restricted", "private"])
def test_profile_lists_only_communities_whose_members_the_viewer_may_see(world, kind):
    """A fellow member of a public community does not learn one's other memberships."""
    person = world.people["public", "member"]
    hidden = world.communities[kind]
    MembershipFactory(community=hidden, user=person)
    # The viewer shares the public community and, for the private one, is invited.
    viewer = MembershipFactory(community=world.communities["public"]).user
    if kind == "private":
        services.invite_member(
            actor=world.people[kind, "facilitator"],
            community=hidden,
            email=viewer.email,
        )
    client = Client()
    client.force_login(viewer)

    response = client.get(reverse("communities:profile_detail", args=[person.pk]))

    html = response.content.decode()
    assert world.communities["public"].name in html
    assert hidden.name not in html


def test_profile_hides_again_once_directory_consent_is_withdrawn(
    person, outsider, client
):
    """Withdrawing the directory consent closes the profile to strangers."""
    account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    account_services.withdraw_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    client.force_login(outsider)

    response = client.get(reverse("communities:profile_detail", args=[person.pk]))

    assert response.status_code == 404


def test_anonymous_visitor_cannot_see_a_consenting_profile(person, client):
    """Even with the directory consent, a profile sends anonymous visitors to login."""
    account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)

    response = client.get(reverse("communities:profile_detail", args=[person.pk]))

    assert_outcome(response, "login", None)


@pytest.mark.parametrize("viewer", ["staff", "fellow_member"])
def test_deleted_account_has_no_profile(community, person, staff, client, viewer):
    """A deleted account's profile is a 404, even for staff and former peers."""
    account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    fellow = MembershipFactory(community=community).user
    account_services.delete_account(user=person)
    client.force_login(staff if viewer == "staff" else fellow)

    response = client.get(reverse("communities:profile_detail", args=[person.pk]))

    assert response.status_code == 404


def test_directory_lists_only_people_who_consented(db, client):
    """The directory shows consenting people, not the others, withdrawn or deleted."""
    listed = UserFactory(display_name="Léa Annuaire")
    unlisted = UserFactory(display_name="Noé Discret")
    withdrawn = UserFactory(display_name="Zoé Retirée")
    deleted = UserFactory(display_name="Yves Supprimé")
    for user in (listed, withdrawn, deleted):
        account_services.give_consent(user=user, purpose=Consent.Purpose.DIRECTORY)
    account_services.withdraw_consent(user=withdrawn, purpose=Consent.Purpose.DIRECTORY)
    account_services.delete_account(user=deleted)
    client.force_login(unlisted)

    response = client.get(reverse("accounts:directory"))

    html = response.content.decode()
    linked = {
        user.pk
        for user in (listed, unlisted, withdrawn, deleted)
        if f'href="{reverse("communities:profile_detail", args=[user.pk])}"' in html
    }
    assert linked == {listed.pk}
    assert "Léa Annuaire" in html
    assert "Zoé Retirée" not in html
