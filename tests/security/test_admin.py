"""The administration is for staff: everyone else is sent to its login page."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.tests.factories import MembershipFactory


def admin_urls() -> list[str]:
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        urls.append(reverse("admin:{}_{}_add".format(*info)))
    return urls


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member", "facilitator"])
def test_non_staff_are_sent_to_the_admin_login(who, db):
    """Every admin page redirects non-staff to the admin login, for GET and POST."""
    client = Client()
    if who == "outsider":
        client.force_login(UserFactory())
    elif who == "member":
        client.force_login(MembershipFactory().user)
    elif who == "facilitator":
        client.force_login(MembershipFactory(role="facilitator").user)
    login = reverse("admin:login")
    for url in admin_urls():
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response.url.startswith(f"{login}?next="), url


def test_staff_reach_the_administration(db):
    """A staff account opens the admin; a superuser every list (some models are
    read-only: their add page is refused, not redirected)."""
    staff = Client()
    staff.force_login(UserFactory(is_staff=True))
    assert staff.get(reverse("admin:index")).status_code == 200
    superuser = Client()
    superuser.force_login(UserFactory(is_staff=True, is_superuser=True))
    for url in admin_urls()[1:]:
        expected = (200, 403) if url.endswith("/add/") else (200,)
        assert superuser.get(url).status_code in expected, url
