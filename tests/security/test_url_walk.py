"""Every URL pattern, for every role and every kind of community: nothing leaks,
nothing is written that should not be, and GET never writes.

For each role (anonymous, outsider, member, sponsor, facilitator, staff) and
community kind (public, restricted, private, archived), the walker GETs and POSTs every
pattern of the project (found by walking the resolver, see ``walker.py``) with
the parameters and form data given in ``routes.py``. It fails when:

- a response shows a marker of ``world.py`` that the viewer may not see;
- a GET writes to the database (sessions aside);
- a POST writes where ``routes.py`` says the role may not (the row counts of
  every table are compared too), or writes nothing where it says it may (so
  that the form data stay valid and the refusals mean something);
- a response is a server error.

The world is built once for the module. Each walk runs in a transaction and
each POST in a savepoint, both rolled back, so that every request meets the
same world.
"""

import re

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .routes import ROUTES, Route, allow_listed
from .walker import endpoints
from .world import KINDS, ROLES, build_world

WRITE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)
# Signing in, flash messages and the language cookie live in the session.
IGNORED_TABLES = {Session._meta.db_table}


def writes(queries) -> list[str]:
    """The tables that the captured queries wrote to (sessions aside)."""
    tables = []
    for query in queries:
        match = WRITE.match(query["sql"])
        if match and match.group(1) not in IGNORED_TABLES:
            tables.append(match.group(1))
    return tables


def row_counts() -> tuple:
    """The number of rows of every table, in one query."""
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.db_table not in IGNORED_TABLES
    )
    quote = connection.ops.quote_name
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM {quote(table)})"  # noqa: S608 - names from the models
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return tuple(zip(tables, cursor.fetchone(), strict=True))


def body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="replace").lower()


def leaks(response, hidden, granted) -> list[str]:
    text = body(response)
    return [m.text for m in hidden if m.what not in granted and m.text in text]


def allauth_writers(role: str, kind: str) -> bool | None:
    """allauth's pages, POSTed empty: anonymous visitors write nothing; the
    rest is left to allauth's own tests (None: not checked)."""
    return False if role == "anonymous" else None


def walkable():
    """(endpoint, route, writers) for each pattern the walker can fill."""
    for endpoint in endpoints():
        if allow_listed(endpoint):
            # allauth's own pages: what they show and that GET does not write.
            if endpoint.module.startswith("allauth.") and not endpoint.params:
                yield endpoint, Route(post=lambda w, k: {}), allauth_writers
            continue
        route = ROUTES.get(endpoint.name)
        if route is not None:
            yield endpoint, route, route.writers


def table_rows(table: str) -> list:
    with connection.cursor() as cursor:
        quoted = connection.ops.quote_name(table)
        cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - a model's table name
        return sorted(cursor.fetchall(), key=repr)


def post_and_roll_back(client, url, data):
    """POST in a savepoint that is undone: the response, and what it changed.

    A table counts as changed when its rows differ after the request: the
    rows before are read once the savepoint is rolled back.
    """
    cookies = client.cookies.copy()
    with transaction.atomic():
        counts_before = row_counts()
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, data)
        touched = sorted(set(writes(queries)))
        after = {table: table_rows(table) for table in touched}
        counts_after = row_counts()
        transaction.set_rollback(True)
    # Logging out or switching language changed the cookies: back to the start.
    client.cookies = cookies
    changed = [table for table in touched if table_rows(table) != after[table]]
    changed += [
        f"{table} rows {a} -> {b}"
        for (table, a), (_, b) in zip(counts_before, counts_after, strict=True)
        if a != b
    ]
    return response, changed


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole walk, built once and undone at the end.

    Each walk runs in its own transaction (``db``) and each POST in a savepoint,
    both rolled back, and a GET that writes fails the walk: every request meets
    the same world.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("role", ROLES)
def test_walk_every_url(role, kind, world, db):
    """No pattern shows hidden markers, writes on GET, or lets a role write where
    it may not — and each permitted write does write."""
    client = world.client(role, kind)
    hidden = world.hidden_from(world.user(role, kind))
    problems = []
    for endpoint, route, writers in walkable():
        url = reverse(endpoint.name, kwargs=route.params(world, kind))
        if route.query:
            url += f"?{route.query}"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        where = f"GET {url} ({endpoint.name})"
        if response.status_code >= 500:
            problems.append(f"{where}: status {response.status_code}")
        if written := writes(queries):
            problems.append(f"{where}: GET wrote to {sorted(set(written))}")
        if found := leaks(response, hidden, route.grants):
            problems.append(f"{where}: shows {found}")

        data = route.post(world, kind) if route.post else {}
        response, changed = post_and_roll_back(client, url, data)
        where = f"POST {url} ({endpoint.name})"
        if response.status_code >= 500:
            problems.append(f"{where}: status {response.status_code}")
        if found := leaks(response, hidden, route.grants):
            problems.append(f"{where}: shows {found}")
        allowed = writers(role, kind)
        if allowed is False and changed:
            problems.append(f"{where}: {role} may not write, yet it changed {changed}")
        if allowed is True and not changed:
            problems.append(
                f"{where}: {role} may write, yet nothing was written "
                f"(status {response.status_code}); check the form data in routes.py"
            )
    assert not problems, f"{role} / {kind}:\n" + "\n".join(problems)


def test_no_marker_contains_another(world, db):
    """A marker found in a page is that marker, not a longer one that holds it."""
    texts = [m.text for m in world.markers]
    assert len(set(texts)) == len(texts)
    assert not [(a, b) for a in texts for b in texts if a != b and a in b]


def test_every_url_pattern_is_known_to_the_walker():
    """A new URL pattern must say how to fill it and who may write with it."""
    unknown = [
        f"{e} ({e.route})"
        for e in endpoints()
        if not allow_listed(e) and e.name not in ROUTES
    ]
    assert not unknown, (
        "URL patterns unknown to the security walker; add each to ROUTES in "
        "tests/security/routes.py (parameters, valid POST data, who may write):\n"
        + "\n".join(unknown)
    )


def test_walker_entries_name_existing_patterns():
    """Entries for patterns that no longer exist are removed, not left to rot."""
    names = {e.name for e in endpoints()}
    stale = sorted(set(ROUTES) - names)
    assert not stale, f"Remove from tests/security/routes.py: {stale}"
