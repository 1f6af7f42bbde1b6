"""The member directory's order: names copied to the memberships (read from an
index), kept when a name changes, and pages read ids first (``IdsFirst``)."""

import pytest
from django.core.paginator import Paginator
from django.test import Client
from django.urls import reverse

from maillage.accounts import services as account_services
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import selectors
from maillage.communities.models import Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.core.paging import IdsFirst

pytestmark = pytest.mark.django_db


def _names_on(community):
    return list(
        Membership.objects.filter(community=community)
        .order_by("pk")
        .values_list("user__display_name", "member_name")
    )


def test_a_new_membership_copies_the_person_s_name(community):
    membership = MembershipFactory(
        community=community, user=UserFactory(display_name="Zoé Zaccharie")
    )
    membership.refresh_from_db()
    assert membership.member_name == "Zoé Zaccharie"


def test_a_changed_name_reaches_every_membership(community):
    other_community = CommunityFactory()
    person = UserFactory(display_name="Ancien Nom")
    MembershipFactory(community=community, user=person)
    MembershipFactory(community=other_community, user=person)

    account_services.update_profile(actor=person, user=person, display_name="Nouveau")

    assert set(
        Membership.objects.filter(user=person).values_list("member_name", flat=True)
    ) == {"Nouveau"}


def test_saving_other_fields_writes_no_names(community, django_assert_num_queries):
    """A login saves ``last_login`` only: the memberships are not touched."""
    person = MembershipFactory(community=community).user
    person.job_title = "Cuisinier"
    with django_assert_num_queries(1):  # the UPDATE of the person alone
        person.save(update_fields=["job_title"])


def test_a_deleted_account_leaves_no_name_behind(community):
    person = MembershipFactory(community=community, user=UserFactory()).user
    account_services.delete_account(user=person)
    assert all(a == b for a, b in _names_on(community))


def test_pages_read_ids_first_give_the_same_members_in_the_same_order(community):
    names = ["Émile", "alice", "Bruno", "Zoé", "Bruno", "Chloé", "Anne", "Yves"]
    for name in names:
        MembershipFactory(community=community, user=UserFactory(display_name=name))
    MembershipFactory(community=community, state=Membership.State.LEFT)
    ids_first = Paginator(selectors.member_directory(community=community), 3)
    plain = Paginator(
        Membership.objects.active()
        .filter(community=community)
        .order_by("user__display_name", "user_id"),
        3,
    )

    assert ids_first.count == plain.count == len(names)
    assert isinstance(ids_first.object_list, IdsFirst)
    assert ids_first.num_pages == 3
    for number in plain.page_range:
        expected = [m.pk for m in plain.page(number).object_list]
        assert [m.pk for m in ids_first.page(number).object_list] == expected
    shown = [m.user.display_name for n in (1, 2, 3) for m in plain.page(n)]
    assert shown == sorted(names)  # the names' order (with the person's id)


def test_ids_first_pages_only_an_ordered_queryset():
    with pytest.raises(ValueError):
        IdsFirst(Membership.objects.order_by())
    with pytest.raises(TypeError):
        IdsFirst(Membership.objects.order_by("pk"))[0]


def test_the_last_page_of_the_directory_lists_the_last_names(community, member):
    for n in range(25):
        MembershipFactory(
            community=community, user=UserFactory(display_name=f"Zz membre {n:02}")
        )
    client = Client()
    client.force_login(member)
    url = reverse("communities:member_list", args=[community.slug])

    html = client.get(url, {"page": 2}).content.decode()

    # The member comes first, then "Zz membre 00" to "18" fill the first page.
    assert all(f"Zz membre {n:02}" in html for n in range(19, 25))
    assert "Zz membre 18" not in html
