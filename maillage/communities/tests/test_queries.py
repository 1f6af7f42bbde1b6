"""Query budgets of the list and detail pages: the count must not grow with rows.

Each test measures a page with a few rows, adds more rows, and measures again
against the same pinned number, so that an N+1 shows as a failure listing the SQL.
"""

from itertools import count

import pytest
from django.test import Client
from django.urls import reverse

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent, ExpertiseTag
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.organisations.models import Sector
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region

_serial = count()


def _profiled_user(**kwargs):
    """A person with an organisation (and its sector), a region and two expertise."""
    n = next(_serial)
    regions = list(Region.objects.order_by("code"))
    sectors = list(Sector.objects.order_by("code"))
    user = UserFactory(
        organisation=OrganisationFactory(
            sector=sectors[n % len(sectors)], region=regions[n % len(regions)]
        ),
        region=regions[(n + 1) % len(regions)],
        job_title=f"Gestionnaire {n}",
        **kwargs,
    )
    user.expertise.set(
        [
            ExpertiseTag.objects.get_or_create(
                slug="achats-locaux", defaults={"name": "Achats locaux"}
            )[0],
            ExpertiseTag.objects.create(slug=f"savoir-{n}", name=f"Savoir {n}"),
        ]
    )
    return user


def _add_members(community, how_many, **kwargs):
    """Add ``how_many`` profiled people to ``community`` (active members by default)."""
    return [
        MembershipFactory(community=community, user=_profiled_user(), **kwargs)
        for _ in range(how_many)
    ]


def _add_communities(how_many, *, member=None):
    """Add listed communities with two regions, two sectors and two members each."""
    regions = list(Region.objects.order_by("code"))
    sectors = list(Sector.objects.order_by("code"))
    communities = []
    for _ in range(how_many):
        n = next(_serial)
        community = CommunityFactory(
            visibility=(
                Community.Visibility.PUBLIC
                if n % 2
                else Community.Visibility.RESTRICTED
            ),
            regions=[regions[n % len(regions)], regions[(n + 3) % len(regions)]],
        )
        community.sectors.set(
            [sectors[n % len(sectors)], sectors[(n + 1) % len(sectors)]]
        )
        _add_members(community, 2)
        if member is not None:
            MembershipFactory(community=community, user=member)
        communities.append(community)
    return communities


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _get(client, url, num_queries, django_assert_num_queries, **kwargs):
    """GET ``url`` within the pinned query budget; the page must answer 200."""
    with django_assert_num_queries(num_queries):
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


def _all_in(names, html):
    return all(name in html for name in names)


# Pinned budgets. A signed-in page adds 3 queries: the session, the user and the
# unread notification count in the header.
# Communities, their regions, their sectors; the region and sector filters.
HOME_ANONYMOUS = 5
# The same, plus the session, the user, the unread count, "My communities" and
# my invitations.
HOME_MEMBER = 10
# The community (with its stored member count), its facilitators, its regions,
# its sectors.
PRESENTATION = 4
# The same, plus the session, the user, the viewer's membership, pending requests.
PRESENTATION_FACILITATOR = 9
# Session, user, community, viewer's membership, count, page of members with
# their organisation, sector and region, their expertise; region and sector filters.
MEMBER_DIRECTORY = 10
# Session, user, the person with organisation, sector and region, the check that
# the viewer shares a community, their expertise, their communities.
PROFILE = 7
# Session, user, community, viewer's membership, count, a page of requests with
# their people.
REQUEST_LIST = 7
# Session, user, community, viewer's membership, invitations with their inviters.
INVITATION_LIST = 6
# Session, user, count, page of people with organisation, sector and region,
# their expertise; the region filter.
DIRECTORY = 7


def test_home_page_queries_do_not_grow_with_communities(db, django_assert_num_queries):
    """An anonymous visitor's home page costs the same with 3 or 10 communities."""
    url = reverse("communities:home")
    first = _add_communities(3)
    html = _get(_client(), url, HOME_ANONYMOUS, django_assert_num_queries)
    assert _all_in([c.name for c in first], html)

    more = _add_communities(7)

    html = _get(_client(), url, HOME_ANONYMOUS, django_assert_num_queries)
    assert _all_in([c.name for c in first + more], html)


def test_home_page_queries_do_not_grow_with_memberships(db, django_assert_num_queries):
    """A member's home page, with 'My communities', costs the same for 4 or 14."""
    url = reverse("communities:home")
    member = UserFactory()

    def invite_to_private(how_many):
        communities = [
            CommunityFactory(visibility=Community.Visibility.PRIVATE)
            for _ in range(how_many)
        ]
        for community in communities:
            host = MembershipFactory(community=community, role="facilitator").user
            services.invite_member(actor=host, community=community, email=member.email)
        return communities

    first = _add_communities(3, member=member) + invite_to_private(1)
    client = _client(member)
    html = _get(client, url, HOME_MEMBER, django_assert_num_queries)
    assert _all_in([c.name for c in first], html)

    more = _add_communities(7, member=member) + invite_to_private(3)
    private = CommunityFactory(visibility=Community.Visibility.PRIVATE)
    MembershipFactory(community=private, user=member)

    html = _get(client, url, HOME_MEMBER, django_assert_num_queries)
    assert _all_in([c.name for c in [*first, *more, private]], html)


@pytest.mark.parametrize(
    ("viewer", "num_queries"),
    [("anonymous", PRESENTATION), ("facilitator", PRESENTATION_FACILITATOR)],
    ids=["anonymous", "facilitator"],
)
def test_presentation_queries_do_not_grow_with_facilitators(
    db, django_assert_num_queries, viewer, num_queries
):
    """The presentation costs the same with 2 or 8 facilitators and more regions."""
    regions = list(Region.objects.order_by("code"))
    sectors = list(Sector.objects.order_by("code"))
    community = CommunityFactory(regions=regions[:2])
    community.sectors.set(sectors[:2])
    facilitators = _add_members(community, 2, role=Membership.Role.FACILITATOR)
    _add_members(community, 3)
    _add_members(community, 2, state=Membership.State.REQUESTED, joined_at=None)
    client = _client(facilitators[0].user if viewer == "facilitator" else None)
    url = community.get_absolute_url()
    html = _get(client, url, num_queries, django_assert_num_queries)
    assert _all_in([f.user.display_name for f in facilitators], html)

    facilitators += _add_members(community, 6, role=Membership.Role.FACILITATOR)
    _add_members(community, 10)
    _add_members(community, 5, state=Membership.State.REQUESTED, joined_at=None)
    community.regions.set(regions[:6])
    community.sectors.set(sectors[:6])

    html = _get(client, url, num_queries, django_assert_num_queries)
    assert _all_in([f.user.display_name for f in facilitators], html)


@pytest.mark.parametrize("viewer", ["member", "facilitator"])
def test_member_directory_queries_do_not_grow_with_members(
    community, django_assert_num_queries, viewer
):
    """The member directory costs the same with 3 or 15 fully described members."""
    url = reverse("communities:member_list", args=[community.slug])
    first = _add_members(community, 1, role=Membership.Role.FACILITATOR)
    first += _add_members(community, 2)
    # A facilitator's directory also shows a role form on each row.
    client = _client(first[0 if viewer == "facilitator" else -1].user)
    html = _get(client, url, MEMBER_DIRECTORY, django_assert_num_queries)
    assert _all_in([m.user.display_name for m in first], html)
    assert _all_in([m.user.organisation.name for m in first], html)

    more = _add_members(community, 12)

    html = _get(client, url, MEMBER_DIRECTORY, django_assert_num_queries)
    assert Membership.objects.active().filter(community=community).count() == 15
    assert _all_in([m.user.display_name for m in first + more], html)
    tags = [tag.name for m in first + more for tag in m.user.expertise.all()]
    assert _all_in(tags, html)


def test_request_list_queries_do_not_grow_with_requests(
    community, facilitator, django_assert_num_queries
):
    """The request list costs the same with 3 or 12 pending requests."""
    url = reverse("communities:request_list", args=[community.slug])
    client = _client(facilitator)
    pending = {"state": Membership.State.REQUESTED, "joined_at": None}
    first = _add_members(community, 3, **pending)
    html = _get(client, url, REQUEST_LIST, django_assert_num_queries)
    assert _all_in([m.user.display_name for m in first], html)

    more = _add_members(community, 9, **pending)

    html = _get(client, url, REQUEST_LIST, django_assert_num_queries)
    assert _all_in([m.user.organisation.name for m in first + more], html)


def test_invitation_list_queries_do_not_grow_with_invitations(
    community, facilitator, staff, django_assert_num_queries
):
    """The invitation list costs the same with 3 or 12 invitations from many people."""
    url = reverse("communities:invitation_list", args=[community.slug])
    client = _client(facilitator)
    inviters = [facilitator, staff]

    def invite(how_many):
        emails = []
        for _ in range(how_many):
            n = next(_serial)
            email = f"invitee{n}@exemple.qc.ca"
            services.invite_member(
                actor=inviters[n % len(inviters)], community=community, email=email
            )
            emails.append(email)
        return emails

    first = invite(3)
    html = _get(client, url, INVITATION_LIST, django_assert_num_queries)
    assert _all_in(first, html)

    inviters += [m.user for m in _add_members(community, 3, role="facilitator")]
    more = invite(9)

    html = _get(client, url, INVITATION_LIST, django_assert_num_queries)
    assert _all_in(first + more, html)
    assert _all_in([u.display_name for u in inviters], html)


def test_directory_queries_do_not_grow_with_people(outsider, django_assert_num_queries):
    """The cross-community directory costs the same with 3 or 15 listed people."""
    url = reverse("accounts:directory")
    client = _client(outsider)

    def list_people(how_many):
        people = [_profiled_user() for _ in range(how_many)]
        for person in people:
            account_services.give_consent(
                user=person, purpose=Consent.Purpose.DIRECTORY
            )
        return people

    first = list_people(3)
    html = _get(client, url, DIRECTORY, django_assert_num_queries)
    assert _all_in([p.display_name for p in first], html)

    more = list_people(12)

    html = _get(client, url, DIRECTORY, django_assert_num_queries)
    assert _all_in([p.display_name for p in first + more], html)
    assert _all_in([p.organisation.name for p in first + more], html)


def test_profile_queries_do_not_grow_with_communities(
    community, member, django_assert_num_queries
):
    """A profile costs the same with 2 or 6 communities and more expertise."""
    person = _profiled_user()
    MembershipFactory(community=community, user=person)
    MembershipFactory(community=CommunityFactory(), user=person)
    url = reverse("communities:profile_detail", args=[person.pk])
    client = _client(member)
    html = _get(client, url, PROFILE, django_assert_num_queries)
    assert person.organisation.name in html

    others = [CommunityFactory() for _ in range(4)]
    for other in others:
        MembershipFactory(community=other, user=person)
    person.expertise.add(*(_profiled_user().expertise.all()))

    html = _get(client, url, PROFILE, django_assert_num_queries)
    assert _all_in([c.name for c in others], html)
