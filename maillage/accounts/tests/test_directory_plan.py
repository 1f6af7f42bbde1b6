"""The people directory's queries read the index made for them (SQLite's plan;
PostgreSQL's trigram index is chosen by its statistics, checked with EXPLAIN
ANALYZE on the bench data: docs/performance.md)."""

import pytest
from django.db import connection

from maillage.accounts.models import User
from maillage.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own index (accounts 0007)."
)


def _plan(queryset) -> str:
    return queryset.explain()


@pytest.mark.django_db
@pytest.mark.parametrize("search", ["", "gagnon"])
def test_a_page_of_the_directory_reads_the_listed_index_in_order(search):
    """The page's ids come from the index of listed people, in its order: no
    table scan, no sort, so a page stops at its last row."""
    UserFactory.create_batch(3)
    people = User.objects.in_directory().order_by("display_name", "pk")
    if search:
        people = people.matching(search)
    plan = _plan(people.values("pk")[:50])
    assert "COVERING INDEX user_directory_search" in plan
    assert "TEMP B-TREE" not in plan


@pytest.mark.django_db
def test_the_directory_search_unordered_scans_the_index_not_the_table():
    """What the count reads: the matching ids, from the index alone."""
    UserFactory.create_batch(3)
    plan = _plan(User.objects.in_directory().matching("gagnon").values("pk"))
    assert "COVERING INDEX user_directory_search" in plan
