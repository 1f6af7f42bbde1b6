"""allauth's pages, messages and e-mails in our words, in French and English."""

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from maillage.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
SIGNUP = {
    "email": "noemie@cpe.qc.ca",
    "password1": "Carottes-du-Quebec-26",
    "password2": "Carottes-du-Quebec-26",
    "display_name": "Noémie Nouvelle",
    "accept_terms": "on",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth sends one confirmation per address every few minutes, counted in
    the cache: each test starts clean."""
    cache.clear()
    yield
    cache.clear()


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_login_greets_the_person_by_first_name(client):
    """ "Connexion réussie. Bienvenue, Noémie !", not allauth's "Connexion avec
    Noémie Nouvelle réussie."."""
    person = UserFactory(display_name="Noémie Nouvelle")

    response = client.post(
        reverse("account_login"), {"login": person.email, "password": "motdepasse-123"}
    )

    assert _messages(response) == [f"Connexion réussie. Bienvenue, Noémie{NBSP}!"]


def test_login_page_invites_to_create_an_account_plainly(client):
    """No "merci de vous enregistrer au préalable": a plain invitation."""
    html = client.get(reverse("account_login")).content.decode()

    assert f"Pas encore de compte{NBSP}?" in html
    assert "Créez le vôtre" in html
    assert "au préalable" not in html
    assert "e-mail" not in html.lower()


def test_a_wrong_password_is_said_in_our_words(client):
    """The error names the address as "courriel" and points at the way out."""
    person = UserFactory()

    html = client.post(
        reverse("account_login"), {"login": person.email, "password": "pas-le-bon"}
    ).content.decode()

    assert "Ce courriel et ce mot de passe ne correspondent pas." in html


def test_signup_button_and_verification_page(client):
    """ "Créer mon compte", then a page saying what to do with the e-mail."""
    assert "Créer mon compte" in client.get(reverse("account_signup")).content.decode()

    response = client.post(reverse("account_signup"), SIGNUP, follow=True)

    html = response.content.decode()
    assert "Consultez vos courriels" in html
    assert "courriels indésirables" in html


def test_verification_email_says_who_we_are_what_the_link_does_and_how_long(
    client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    """Our own verification e-mail: greeting by name, what Maillage is, the
    link and what it does, how long it lasts, and what to do if it was not you;
    never allauth's "Bonjour, c'est 127.0.0.1:8000 !"."""
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)

    (message,) = mailoutbox
    body = message.body
    assert message.subject == (
        "[Maillage] Confirmez votre adresse courriel pour terminer la création "
        "de votre compte"
    )
    assert body.startswith("Bonjour Noémie,")
    assert "communautés de pratique" in body
    assert "/compte/confirm-email/" in body
    assert "Le lien est valide pendant 3 jours." in body
    assert "Si vous n'avez pas créé ce compte, ignorez ce courriel" in body
    assert "c'est" not in body
    assert "e-mail" not in body


def test_verification_email_in_english(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    """Signing up in English gets the e-mail in English."""
    client.cookies["django_language"] = "en"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)

    body = mailoutbox[0].body
    assert body.startswith("Hello Noémie,")
    assert "The link works for 3 days." in body


def test_password_reset_email_says_how_long_the_link_lasts(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    """The reset link's e-mail says it works once, and for how long."""
    person = UserFactory(display_name="Xavier Existant")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": person.email})

    body = mailoutbox[0].body
    assert body.startswith("Bonjour Xavier,")
    assert "Le lien ne sert qu'une fois, pendant 3 jours." in body


def test_logout_says_goodbye(client):
    """ "Vous êtes déconnecté·e. À bientôt !", not "déconnecté(e)"."""
    client.force_login(UserFactory())

    response = client.post(reverse("account_logout"))

    assert _messages(response) == [f"Vous êtes déconnecté·e. À bientôt{NBSP}!"]


def test_english_pages_read_in_english(client):
    """The overrides keep an English version: the msgids are English."""
    client.cookies["django_language"] = "en"

    html = client.get(reverse("account_login")).content.decode()

    with translation.override("en"):
        assert "No account yet?" in html
        assert "Log in" in html
