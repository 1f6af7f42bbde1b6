"""A newcomer's first steps: after signing up and verifying the address, and at
their first logins while the profile is empty, they are welcomed and asked to
complete it; they may skip it, and a pending invitation always comes first."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.accounts import services
from maillage.accounts.tests.factories import UserFactory
from maillage.communities.tests.factories import MembershipFactory
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region

pytestmark = pytest.mark.django_db
WELCOME = "/compte/bienvenue/"
HOME = "/"
PASSWORD = "motdepasse-123"


def _log_in(client, user, **query):
    url = reverse("account_login")
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(url, {"login": user.email, "password": PASSWORD})


def test_the_welcome_address_is_the_one_the_adapter_gives():
    """The page lives at the address the adapter sends people to."""
    assert reverse("accounts:welcome") == WELCOME


def test_sign_up_then_verification_lands_on_the_welcome_page(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    """Right after confirming the address, the newcomer is on the welcome page."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "email": "nadia@cpe.qc.ca",
                "password1": "Pommes-de-terre-2026",
                "password2": "Pommes-de-terre-2026",
                "display_name": "Nadia Nouvelle",
                "accept_terms": "on",
            },
        )
    confirm = re.search(r"http://\S+/compte/confirm-email/\S+/", mailoutbox[-1].body)

    response = client.post(confirm.group(0).split("testserver", 1)[-1])

    assert response["Location"] == WELCOME
    page = client.get(WELCOME).content.decode()
    assert "Complétez votre profil pour que les membres sachent qui vous êtes." in page
    skip = rf'<a class="button button-secondary" href="{HOME}">Passer cette étape'
    assert re.search(skip, page)


@pytest.mark.parametrize(
    ("filled", "lands_on"),
    [
        ("nothing", WELCOME),
        ("organisation", HOME),
        ("region", HOME),
        ("expertise", HOME),
    ],
)
def test_login_welcomes_a_newcomer_while_the_profile_is_empty(client, filled, lands_on):
    """Any of organisation, region or expertise is enough to go home."""
    person = UserFactory()
    if filled == "organisation":
        person.organisation = OrganisationFactory()
    elif filled == "region":
        person.region = Region.objects.get(code="05")
    person.save()
    if filled == "expertise":
        person.expertise.set(services.tags_from_names(["Menus de CPE"]))

    response = _log_in(client, person)

    assert response["Location"] == lands_on


def test_an_older_account_is_no_longer_stopped(client, settings):
    """Past the first days, an empty profile no longer leads to the welcome page."""
    person = UserFactory()
    person.date_joined = timezone.now() - timedelta(days=settings.MAILLAGE_WELCOME_DAYS)
    person.save()

    assert _log_in(client, person)["Location"] == HOME


def test_a_next_address_is_followed_first(client):
    """Someone sent to the login page from a page goes back to it."""
    person = UserFactory()

    response = _log_in(client, person, next="/repertoire/")

    assert response["Location"] == "/repertoire/"


def test_a_pending_invitation_comes_before_the_welcome(client):
    """The invitation flow is never blocked: its link comes first."""
    person = UserFactory()
    session = client.session
    session["pending_invitation_url"] = "/invitations/jeton-secret/"
    session.save()

    assert _log_in(client, person)["Location"] == "/invitations/jeton-secret/"


def test_saving_the_welcome_form_completes_the_profile_and_goes_home(client):
    """The profile is saved; the next login goes straight home."""
    person = UserFactory(display_name="Nadia Nouvelle")
    organisation = OrganisationFactory()
    client.force_login(person)

    response = client.post(
        WELCOME,
        {
            "display_name": "Nadia Nouvelle",
            "job_title": "Cuisinière",
            "organisation": organisation.pk,
            "region": "",
            "bio": "",
            "expertise_names": "menus de CPE",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == HOME
    assert "Votre profil est enregistré. Bienvenue sur Maillage !" in (
        response.content.decode()
    )
    person.refresh_from_db()
    assert person.organisation == organisation
    client.logout()
    assert _log_in(client, person)["Location"] == HOME


def test_welcome_form_errors_show_next_to_the_field_and_keep_the_text(client):
    """A missing name is said beside the field; what was typed stays."""
    person = UserFactory()
    client.force_login(person)

    response = client.post(
        WELCOME, {"display_name": "", "job_title": "Nutritionniste", "bio": ""}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    assert 'value="Nutritionniste"' in response.content.decode()
    person.refresh_from_db()
    assert person.job_title == ""


def test_the_welcome_page_asks_anonymous_visitors_to_log_in(client):
    """Without an account there is no profile to complete."""
    response = client.get(WELCOME)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_member_may_still_open_the_welcome_page(client):
    """The page is a help, not a gate: it opens for anyone signed in."""
    member = MembershipFactory().user
    client.force_login(member)

    assert client.get(WELCOME).status_code == 200
