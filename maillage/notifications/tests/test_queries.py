"""Query budgets: the notification pages cost the same with 3 or 15 notifications."""

import pytest
from django.urls import reverse

from maillage.communities.tests.factories import CommunityFactory, MembershipFactory

from .factories import NotificationFactory

# Session, user, the header's unread count, the list's count, the page of
# notifications with their actor and community.
LIST = 5
# Session, user, savepoint, the notification (locked), its update, release, and
# the header's new unread count.
MARK_READ_HTMX = 7


def _add(person, how_many, private_community):
    """Notifications from several communities and actors, some private."""
    for n in range(how_many):
        community = private_community if n % 3 == 0 else CommunityFactory()
        NotificationFactory(recipient=person, community=community)


@pytest.fixture
def person(private_community):
    return MembershipFactory(community=private_community).user


@pytest.mark.parametrize("staff", [False, True], ids=["member", "staff"])
def test_list_queries_do_not_grow_with_notifications(
    client, person, private_community, django_assert_num_queries, staff
):
    """The list costs the same with 3 or 15 notifications, for members and staff."""
    if staff:
        person.is_staff = True
        person.save()
    client.force_login(person)
    url = reverse("notifications:notification_list")
    _add(person, 3, private_community)
    with django_assert_num_queries(LIST):
        html = client.get(url).content.decode()
    assert html.count('<li id="notification-') == 3

    _add(person, 12, private_community)
    with django_assert_num_queries(LIST):
        html = client.get(url).content.decode()
    assert html.count('<li id="notification-') == 15


def test_htmx_mark_read_costs_a_fixed_number_of_queries(
    client, person, private_community, django_assert_num_queries
):
    """Marking one read costs the same however many others wait."""
    client.force_login(person)
    _add(person, 3, private_community)
    for notification in list(person.notifications.all())[:2]:
        url = reverse("notifications:notification_mark_read", args=[notification.pk])
        with django_assert_num_queries(MARK_READ_HTMX):
            client.post(url, headers={"HX-Request": "true"})
        _add(person, 12, private_community)
