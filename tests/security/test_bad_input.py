"""Bad input on every URL pattern: never a server error, never a silent change.

For every pattern the walker knows (``routes.py``), sent by a person who may
write with it in a public community:

- an id in the path too large for the database is a 404 (``core.converters``),
  and every id in a path goes through that bounded converter;
- a form that is not valid UTF-8 is refused with a 400 and writes nothing
  (``core.middleware.BadInputMiddleware``);
- an unknown value for a choice (an action, a kind, a role, a decision...) is a
  400 or a form error that writes nothing, never a redirect as if it had worked.
"""

from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from maillage.accounts.tests.factories import UserFactory
from maillage.core.converters import IdConverter

from .routes import ROUTES
from .test_url_walk import row_counts, walkable
from .world import build_world

HUGE = "99999999999999999999"
KIND = "public"
# Who tries each pattern: the first of these that may write with it.
TRIERS = ("facilitator", "staff", "member", "outsider", "anonymous")
# Form fields whose value is one of a fixed set.
CHOICES = {
    "action",
    "kind",
    "role",
    "decision",
    "language",
    "stage",
    "status",
    "visibility",
    "join_policy",
    "about_me",
    "followed",
}
# Fields of those names that are free text.
FREE_TEXT = {("method:guide", "role")}  # the proposer's job


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def _routes():
    """(endpoint, route, role) for each pattern with a POST, and who tries it."""
    for endpoint, route, writers in walkable():
        if route.post is None or endpoint.name not in ROUTES:
            continue
        role = next((r for r in TRIERS if writers(r, KIND)), None)
        if role is not None:
            yield endpoint, route, role


def _post_raw(client, url, body: bytes, content_type: str):
    """POST ``body`` in a savepoint that is undone: the response and whether any
    table's row count changed."""
    with transaction.atomic():
        before = row_counts()
        response = client.post(url, body, content_type=content_type)
        after = row_counts()
        transaction.set_rollback(True)
    return response, before != after


def _patterns(patterns, found):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith("admin/"):
                continue
            found.extend(entry.pattern.converters.items())
            _patterns(entry.url_patterns, found)
        elif isinstance(entry, URLPattern):
            found.extend(
                (f"{entry.name}:{name}", converter)
                for name, converter in entry.pattern.converters.items()
            )
    return found


def test_every_id_in_a_path_is_bounded():
    """``<id:...>``, never ``<int:...>``: a 20-digit number must not reach SQLite."""
    converters = _patterns(get_resolver().url_patterns, [])

    assert any(isinstance(c, IdConverter) for _name, c in converters)
    assert [name for name, c in converters if isinstance(c, IntConverter)] == []


def test_a_huge_id_in_any_path_is_not_found(world, db):
    problems = []
    for endpoint, route, _writers in walkable():
        params = route.params(world, KIND)
        ids = [name for name in params if name == "pk"]
        if not ids:
            continue
        url = reverse(endpoint.name, kwargs=params)
        huge = url.replace(f"/{params['pk']}/", f"/{HUGE}/")
        client = world.client("staff", KIND)
        for method in (client.get, client.post):
            status = method(huge).status_code
            if status != 404:
                problems.append(f"{method.__name__.upper()} {huge}: {status}")
    assert not problems, "\n".join(problems)


def test_invalid_utf8_is_refused_everywhere_and_writes_nothing(world, db):
    problems = []
    for endpoint, route, role in _routes():
        url = reverse(endpoint.name, kwargs=route.params(world, KIND))
        data = route.post(world, KIND)
        body = urlencode(data, doseq=True).encode() + b"&note=Caf%E9"
        response, changed = _post_raw(
            world.client(role, KIND),
            url,
            body,
            "application/x-www-form-urlencoded",
        )
        if response.status_code not in (400, 302) or changed:
            problems.append(f"{endpoint.name} ({role}): {response.status_code}")
        if response.status_code == 302 and not response.url.startswith(
            ("/compte/login", "/compte/connexion")
        ):
            problems.append(f"{endpoint.name} ({role}): redirected to {response.url}")
    assert not problems, "\n".join(problems)


def test_an_unknown_choice_is_never_taken_as_done(world, db):
    """A 400 or the form again with its error: never a redirect, never a write."""
    tried, problems = 0, []
    for endpoint, route, role in _routes():
        data = route.post(world, KIND)
        keys = [
            k
            for k in data
            if k.split("-")[-1] in CHOICES and (endpoint.name, k) not in FREE_TEXT
        ]
        if not keys:
            continue
        url = reverse(endpoint.name, kwargs=route.params(world, KIND))
        for key in keys:
            tried += 1
            bad = {**data, key: "overlord"}
            body = urlencode(bad, doseq=True).encode()
            response, changed = _post_raw(
                world.client(role, KIND),
                url,
                body,
                "application/x-www-form-urlencoded",
            )
            where = f"{endpoint.name} {key}=overlord ({role})"
            if response.status_code not in (200, 400):
                problems.append(f"{where}: status {response.status_code}")
            if changed:
                problems.append(f"{where}: wrote")
    assert tried > 10
    assert not problems, "\n".join(problems)


def test_a_huge_id_in_the_administration_is_not_found(db):
    """The admin's own paths take any text as an id; a 20-digit one is a 404."""
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)
    problems = []
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        url = reverse("admin:{}_{}_change".format(*info), args=[HUGE])
        if (status := client.get(url).status_code) not in (302, 404):
            problems.append(f"{url}: {status}")
    assert not problems, "\n".join(problems)
