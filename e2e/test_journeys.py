"""The main journeys of a person, in Chromium, at a desktop and a phone viewport."""

import json

from maillage.accounts.models import User
from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory

from .conftest import PASSWORD, link_path, open_menu, submit, wait_for_mail


def sign_up(page, *, email: str, name: str):
    """Fill allauth's sign-up form (field names, so the test holds in any language)."""
    page.fill("input[name=email]", email)
    page.fill("input[name=display_name]", name)
    page.fill("input[name=password1]", "Un-mot-de-passe-solide-42")
    page.fill("input[name=password2]", "Un-mot-de-passe-solide-42")
    page.check("input[name=accept_terms]")
    submit(page)


def verify_email(page, email: str):
    """Open the link of the verification e-mail and confirm the address."""
    message = wait_for_mail(email)
    page.goto(link_path(message, r"/confirm-email/"))
    submit(page)


def test_newcomer_signs_up_verifies_and_joins_a_community(page, live_server):
    """A visitor signs up, confirms the e-mail link, and joins an open community."""
    community = CommunityFactory(name="Bas-Saint-Laurent mange local", slug="bsl")
    page.goto("/compte/signup/")
    sign_up(page, email="nadia@exemple.qc.ca", name="Nadia Nouvelle")
    assert "/compte/confirm-email/" in page.url

    verify_email(page, "nadia@exemple.qc.ca")
    user = User.objects.get(email="nadia@exemple.qc.ca")
    assert user.emailaddress_set.get().verified

    # Welcomed and asked to complete the profile, which may wait.
    assert page.url.endswith("/compte/bienvenue/")
    assert page.get_by_text(
        "Complétez votre profil pour que les membres sachent qui vous êtes."
    ).is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Passer cette étape pour l'instant").click()
    assert page.url.endswith("/")

    page.goto(community.get_absolute_url())
    submit(page, f"form[action$='/c/{community.slug}/rejoindre/']")
    assert page.url.endswith(community.get_absolute_url())
    assert page.locator(".badge-brand").is_visible()
    membership = Membership.objects.get(user=user, community=community)
    assert membership.state == Membership.State.ACTIVE


def test_facilitator_invites_someone_without_an_account(
    new_context, viewport, live_server
):
    """An invitation reaches a person without an account, who signs up and joins."""
    community = CommunityFactory(
        name="Cercle privé Abitibi",
        slug="abitibi",
        visibility=Community.Visibility.PRIVATE,
        join_policy=Community.JoinPolicy.INVITATION,
    )
    facilitator = MembershipFactory(
        community=community, role=Membership.Role.FACILITATOR
    ).user
    organiser = new_context(viewport, user=facilitator).new_page()
    organiser.goto(f"/c/{community.slug}/invitations/")
    organiser.fill("input[name=email]", "ines@exemple.qc.ca")
    organiser.fill("textarea[name=message]", "Bienvenue parmi nous !")
    submit(organiser, "main form.form")
    assert organiser.get_by_role(
        "cell", name="ines@exemple.qc.ca", exact=True
    ).is_visible()

    invitee = new_context(viewport).new_page()
    invitee.goto(link_path(wait_for_mail("ines@exemple.qc.ca"), r"/invitations/"))
    invitation_path = invitee.url.removeprefix(live_server.url)
    with invitee.expect_navigation():
        invitee.locator("main a[href*='/compte/signup/']").click()
    sign_up(invitee, email="ines@exemple.qc.ca", name="Inès Invitée")
    verify_email(invitee, "ines@exemple.qc.ca")
    assert invitee.url.endswith(invitation_path)

    with invitee.expect_navigation():
        invitee.locator("main button[value=accept]").click()
    assert invitee.url.endswith(community.get_absolute_url())
    membership = Membership.objects.get(
        community=community, user__email="ines@exemple.qc.ca"
    )
    assert membership.state == Membership.State.ACTIVE


def test_request_to_join_is_approved_by_a_facilitator(
    new_context, viewport, live_server
):
    """A person asks to join a restricted community; a facilitator approves."""
    community = CommunityFactory(
        name="Cercle restreint Outaouais",
        slug="outaouais",
        visibility=Community.Visibility.RESTRICTED,
        join_policy=Community.JoinPolicy.REQUEST,
    )
    facilitator = MembershipFactory(
        community=community, role=Membership.Role.FACILITATOR
    ).user
    requester = UserFactory(display_name="Rémi Demandeur")

    person = new_context(viewport, user=requester).new_page()
    person.goto(community.get_absolute_url())
    with person.expect_navigation():
        person.locator(f"main a[href$='/c/{community.slug}/demande/']").click()
    person.fill("textarea[name=message]", "Je coordonne les achats d'un CPE.")
    submit(person, "main form.form")
    assert Membership.objects.get(user=requester).state == Membership.State.REQUESTED

    organiser = new_context(viewport, user=facilitator).new_page()
    organiser.goto(f"/c/{community.slug}/demandes/")
    assert organiser.get_by_text("Je coordonne les achats d'un CPE.").is_visible()
    with organiser.expect_navigation():
        organiser.locator("main button[value=approve]").click()
    assert Membership.objects.get(user=requester).state == Membership.State.ACTIVE
    wait_for_mail(requester.email)

    person.goto(community.get_absolute_url())
    assert person.locator(".badge-brand").is_visible()


def test_language_switch_persists_across_pages_and_visits(
    new_context, viewport, live_server
):
    """English, once chosen, stays on every page and at the next visit."""
    user = UserFactory()
    page = new_context(viewport, user=user).new_page()
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "fr"
    open_menu(page)
    with page.expect_navigation():
        page.locator("form.language-switch button[value=en]").click()
    assert page.locator("html").get_attribute("lang") == "en"

    page.goto("/confidentialite/")
    assert page.locator("html").get_attribute("lang") == "en"
    user.refresh_from_db()
    assert user.language == "en"

    # A later visit, on another device: no cookie, the account remembers.
    later = new_context(viewport, user=user).new_page()
    later.goto("/")
    assert later.locator("html").get_attribute("lang") == "en"
    open_menu(later)
    with later.expect_navigation():
        later.locator("form.language-switch button[value=fr]").click()
    assert later.locator("html").get_attribute("lang") == "fr"


def test_member_downloads_their_data_then_deletes_the_account(
    new_context, viewport, live_server
):
    """The export is a JSON file with the person's data; deletion signs them out."""
    membership = MembershipFactory(user__display_name="Denise Départ")
    user = membership.user
    page = new_context(viewport, user=user).new_page()

    page.goto("/compte/mes-donnees/")
    with page.expect_download() as download_info:
        page.locator("main form button[type=submit]").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".json")
    with open(download.path(), encoding="utf-8") as exported:
        data = json.load(exported)
    assert data["account"]["email"] == user.email
    assert data["profile"]["display_name"] == "Denise Départ"

    page.goto("/compte/suppression/")
    page.fill("input[name=password]", PASSWORD)
    page.check("input[name=confirm]")
    submit(page, "main form.form")
    user.refresh_from_db()
    assert user.is_deleted
    open_menu(page)
    assert page.locator("a[href='/compte/login/']").first.is_visible()
