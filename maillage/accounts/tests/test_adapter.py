"""The account adapter brings invitees back to their invitation after signing in."""

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.core.context import request_context
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.urls import reverse

from maillage.accounts.adapter import AccountAdapter
from maillage.accounts.tests.factories import UserFactory
from maillage.territories.models import Region

PENDING = "/invitations/jeton-secret/"


@pytest.fixture
def person(db):
    return UserFactory(email="invitee@exemple.qc.ca")


def _request(rf, user, pending=None):
    request = rf.get("/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = user
    if pending is not None:
        request.session["pending_invitation_url"] = pending
    return request


def test_allauth_uses_our_adapter(rf):
    """The ACCOUNT_ADAPTER setting points allauth at our adapter."""
    assert isinstance(get_adapter(rf.get("/")), AccountAdapter)


def test_login_redirects_to_pending_invitation(rf, person):
    """After login, a pending invitation link wins over the default page."""
    request = _request(rf, person, pending=PENDING)

    assert AccountAdapter(request).get_login_redirect_url(request) == PENDING


def test_login_without_pending_invitation_goes_home(rf, person):
    """Without a pending invitation, someone with a profile lands on the usual
    home page."""
    person.region = Region.objects.get(code="05")
    person.save()
    request = _request(rf, person)

    assert AccountAdapter(request).get_login_redirect_url(request) == reverse(
        "communities:home"
    )


def test_signup_redirects_to_pending_invitation(rf):
    """After sign-up, a pending invitation link wins over the default page."""
    request = _request(rf, AnonymousUser(), pending=PENDING)

    assert AccountAdapter(request).get_signup_redirect_url(request) == PENDING


def test_signup_without_pending_invitation_uses_default(rf):
    """Without a pending invitation, sign-up uses allauth's default destination."""
    request = _request(rf, AnonymousUser())

    assert AccountAdapter(request).get_signup_redirect_url(request) != PENDING


def test_email_verification_redirects_to_pending_invitation(rf, person):
    """After confirming the address, a new person lands on their invitation."""
    request = _request(rf, person, pending=PENDING)
    address = EmailAddress.objects.get(user=person)

    # allauth's middleware makes the request current; the adapter reads it there.
    with request_context(request):
        url = AccountAdapter(request).get_email_verification_redirect_url(address)

    assert url == PENDING


def test_login_form_follows_pending_invitation(client, person):
    """Signing in through the login page returns to the invitation link."""
    session = client.session
    session["pending_invitation_url"] = PENDING
    session.save()

    response = client.post(
        reverse("account_login"),
        {"login": "invitee@exemple.qc.ca", "password": "motdepasse-123"},
    )

    assert response.status_code == 302
    assert response["Location"] == PENDING
