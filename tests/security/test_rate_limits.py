"""Rate limits on logging in, signing up and resetting a password (allauth's,
set by ACCOUNT_RATE_LIMITS in config/settings/base.py), with a clear message.

Posting limits come with the conversations app.
"""

from django.conf import settings
from django.test import Client
from django.utils import translation

from maillage.accounts.adapter import AccountAdapter
from maillage.accounts.tests.factories import UserFactory


def limit(action: str, part: int = 0) -> int:
    """The number of attempts allowed by a rule such as "5/5m/key"."""
    rule = settings.ACCOUNT_RATE_LIMITS[action].split(",")[part]
    return int(rule.split("/")[0])


def french(message) -> str:
    """The French of an English msgid (or of a lazy translation)."""
    with translation.override("fr"):
        return translation.gettext(str(message))


def test_repeated_failed_logins_lock_the_account_with_a_message(db):
    """After the allowed failures, even the right password is refused, with a
    message that says why."""
    user = UserFactory(email="cible@exemple.qc.ca")
    client = Client()
    per_key = limit("login_failed", part=1)
    for _ in range(per_key):
        response = client.post(
            "/compte/login/", {"login": user.email, "password": "mauvais"}
        )
        assert response.status_code == 200
    response = client.post(
        "/compte/login/", {"login": user.email, "password": "motdepasse-123"}
    )
    message = AccountAdapter.error_messages["too_many_login_attempts"]
    assert response.status_code == 200
    assert french(message) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_too_many_sign_ups_from_one_address_get_a_429_page(db):
    """Past the hourly sign-ups of one address, the answer is 429 with a page
    that explains it, in French."""
    client = Client()
    allowed = limit("signup")
    for number in range(allowed):
        response = client.post(
            "/compte/signup/",
            {
                "email": f"personne{number}@exemple.qc.ca",
                "display_name": f"Personne {number}",
                "password1": "Un-mot-de-passe-solide-42",
                "password2": "Un-mot-de-passe-solide-42",
                "accept_terms": "on",
            },
        )
        assert response.status_code == 302, number
        client.logout()
    response = client.post("/compte/signup/", {"email": "encore@exemple.qc.ca"})
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert french("Too many attempts") in html


def test_repeated_password_resets_for_one_address_get_a_429_page(db):
    """Resetting the same address over and over is stopped with a 429 page."""
    user = UserFactory(email="oubli@exemple.qc.ca")
    client = Client()
    for _ in range(limit("reset_password", part=1)):
        response = client.post("/compte/password/reset/", {"email": user.email})
        assert response.status_code == 302
    response = client.post("/compte/password/reset/", {"email": user.email})
    assert response.status_code == 429
    assert french("Too many attempts") in response.content.decode()
