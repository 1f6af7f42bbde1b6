"""Links in e-mails start with the site's address: the request's own in
development, ``MAILLAGE_SITE_URL`` in production and without a request."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.core.site import absolute_url, site_url

SITE = "https://maillage.exemple.qc.ca"
ELSEWHERE = "127.0.0.1:8001"

pytestmark = pytest.mark.django_db


@pytest.fixture
def configured(settings):
    settings.MAILLAGE_SITE_URL = SITE + "/"
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    return settings


def _links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def _invite(client, community):
    return client.post(
        reverse("communities:invitation_list", args=[community.slug]),
        {"email": "nouvelle@exemple.qc.ca", "role": "member", "message": ""},
    )


def test_without_a_request_links_use_the_setting(configured):
    """A task worker or a command has no request: the setting, even in DEBUG."""
    configured.DEBUG = True

    assert site_url() == SITE
    assert absolute_url("/c/x/") == f"{SITE}/c/x/"
    assert absolute_url("https://ailleurs.org/a") == "https://ailleurs.org/a"


def test_in_development_invitations_link_to_the_address_in_use(
    configured, community, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    """`make run PORT=8001`: the invitation e-mailed while answering a request
    on 127.0.0.1:8001 links there."""
    configured.DEBUG = True
    client = Client(HTTP_HOST=ELSEWHERE)
    client.force_login(facilitator)

    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, community)

    (link,) = _links(mailoutbox[0])
    assert link.startswith(f"http://{ELSEWHERE}/invitations/")


def test_in_production_invitations_link_to_the_setting(
    configured, community, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    """In production the address people know wins over the request's host."""
    configured.DEBUG = False
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(facilitator)

    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, community)

    (link,) = _links(mailoutbox[0])
    assert link.startswith(f"{SITE}/invitations/")


@pytest.mark.parametrize(
    ("debug", "start"), [(True, f"http://{ELSEWHERE}"), (False, SITE)]
)
def test_allauth_links_follow_the_same_rule(
    debug, start, configured, mailoutbox, django_capture_on_commit_callbacks
):
    """The password reset e-mail (allauth's) links as our own e-mails do."""
    configured.DEBUG = debug
    UserFactory(email="personne@exemple.qc.ca")

    with django_capture_on_commit_callbacks(execute=True):
        Client(HTTP_HOST=ELSEWHERE if debug else "127.0.0.1").post(
            reverse("account_reset_password"), {"email": "personne@exemple.qc.ca"}
        )

    links = _links(mailoutbox[0])
    assert links[0].startswith(f"{start}/compte/password/reset/key/")
    assert links[-1] == start


def test_a_service_called_outside_a_request_uses_the_setting(
    configured, community, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    """A service run by a command (no request) links to the setting in DEBUG too."""
    configured.DEBUG = True

    with django_capture_on_commit_callbacks(execute=True):
        services.invite_member(
            actor=facilitator, community=community, email="autre@exemple.qc.ca"
        )

    (link,) = _links(mailoutbox[0])
    assert link.startswith(f"{SITE}/invitations/")
