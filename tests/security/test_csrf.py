"""CSRF: a POST without its token is refused (403) on every URL of the project.

Django's CSRF middleware checks before any view runs, so the walker builds each
URL with placeholder parameters: nothing is looked up, and every pattern —
admin, allauth, and apps still being built — is covered.
"""

import re
import uuid

import pytest
from django.test import Client
from django.urls import NoReverseMatch, resolve, reverse
from django.urls.converters import IntConverter, UUIDConverter

from maillage.accounts.tests.factories import UserFactory

from .walker import endpoints

PLACEHOLDERS = ("1", "x", "abc-1", "1-x")
# Views exempt from CSRF on purpose, with the reason and how they authenticate.
# They must still refuse a POST whose own credential (a signed token) is wrong.
EXEMPT = {
    "notifications:unsubscribe": (
        "RFC 8058 one-click unsubscribe: a mail client POSTs without any cookie; "
        "the signed token in the URL is the authority"
    ),
}


def placeholder_url(endpoint) -> str | None:
    """A URL of the pattern with made-up parameters; None when unnamed."""
    if not endpoint.name:
        return None
    if not endpoint.params:
        return reverse(endpoint.name)
    for candidate in PLACEHOLDERS:
        try:
            return reverse(
                endpoint.name, kwargs=dict.fromkeys(endpoint.params, candidate)
            )
        except NoReverseMatch:
            continue
    # A regular expression made of alternatives (admin's app labels): the first.
    kwargs = {}
    for name in endpoint.params:
        group = re.search(rf"\(\?P<{name}>([\w|]+)\)", endpoint.route)
        kwargs[name] = group.group(1).split("|")[0] if group else "x"
    try:
        return reverse(endpoint.name, kwargs=kwargs)
    except NoReverseMatch as error:
        raise AssertionError(
            f"Cannot build a URL for {endpoint} ({endpoint.route})"
        ) from error


def post_urls(*, exempt: bool = False) -> list[str]:
    urls = {placeholder_url(e) for e in endpoints() if (e.name in EXEMPT) == exempt}
    return sorted(url for url in urls if url is not None)


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_every_post_without_a_csrf_token_is_refused(signed_in, db):
    """No URL accepts a POST that lacks the CSRF token (no view is exempt)."""
    client = Client(enforce_csrf_checks=True)
    if signed_in:
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
    accepted = []
    for url in post_urls():
        response = client.post(url, {"x": "1"})
        if response.status_code != 403:
            accepted.append(f"{url}: {response.status_code}")
    assert not accepted, "POST without CSRF token not refused:\n" + "\n".join(accepted)


def test_placeholders_cover_the_converters():
    """Integer and UUID parameters get values their converters accept."""
    assert IntConverter().to_python("1") == 1
    assert UUIDConverter().to_python(str(uuid.uuid4()))
    assert len(post_urls()) > 100


def test_csrf_exempt_views_are_the_listed_ones_and_check_their_token(db):
    """Only the listed views skip CSRF, and they refuse a forged token."""
    client = Client(enforce_csrf_checks=True)
    exempt = {}
    for endpoint in endpoints():
        url = placeholder_url(endpoint)
        if url is None:
            continue
        match = resolve(url)
        if getattr(match.func, "csrf_exempt", False):
            exempt[endpoint.name] = url
    assert set(exempt) == set(EXEMPT)
    for url in exempt.values():
        assert client.post(url, {"x": "1"}).status_code in (400, 404)
