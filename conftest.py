"""Fixtures shared by every app's tests: people in each role, and communities."""

import pytest
from django.db import connections
from pytest_django.fixtures import validate_django_db
from pytest_django.plugin import blocking_manager_key

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory


@pytest.fixture(autouse=True)
def _french_and_isolated(settings, tmp_path):
    settings.LANGUAGE_CODE = "fr"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, display_name="Sophie Personnel")


@pytest.fixture
def community(db):
    return CommunityFactory(
        name="Montérégie mange local",
        slug="monteregie",
        visibility=Community.Visibility.PUBLIC,
        join_policy=Community.JoinPolicy.OPEN,
    )


@pytest.fixture
def facilitator(community):
    return MembershipFactory(
        community=community,
        role=Membership.Role.FACILITATOR,
        user__display_name="Françoise Animatrice",
    ).user


@pytest.fixture
def member(community):
    return MembershipFactory(community=community, user__display_name="Marc Membre").user


@pytest.fixture
def outsider(db):
    return UserFactory(display_name="Olivier Externe")


def _empties_the_database(item) -> bool:
    """A transactional test (``transaction=True``, ``transactional_db``, the live
    server) ends by emptying every table, reference data included."""
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        if transaction or reset_sequences:
            return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, put back the rows every test starts from
    (regions, sectors, content types: the data migrations' rows, serialized when
    the test database was made).

    Django, and pytest-django, count on running transactional tests last. With
    pytest-xdist a worker runs whole files in turn (``--dist loadfile``), so a
    transactional test may come before ordinary ones: each test finds the same
    database whatever ran before it on its worker.
    """
    result = yield
    if nextitem is not None and _empties_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
    return result


# The slowest files, slowest first (seconds each on a 2-core machine under load:
# about 100, 85, 60, 50, 45, 20). `make test` runs them before the rest, each whole
# on one worker (`--dist loadfile --no-loadscope-reorder`), so that no worker is
# left alone with one of them at the end while the other waits.
SLOWEST_FILES = (
    "tests/security/test_xss.py",
    "tests/security/test_url_walk.py",
    "maillage/method/tests/test_permission_matrix.py",
    "maillage/conversations/tests/test_permission_matrix.py",
    "maillage/demo/tests/test_seed_demo.py",
    "maillage/communities/tests/test_permission_matrix.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The slowest files first (a stable sort: the rest keep their order)."""
    rank = {path: index for index, path in enumerate(SLOWEST_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))
