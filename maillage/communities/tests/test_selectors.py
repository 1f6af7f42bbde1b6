"""Community reads: the member directory, the home page's cards, shared membership."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from maillage.accounts.services import tags_from_names
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import permissions, selectors
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.organisations.models import Sector
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region

Role = Membership.Role
State = Membership.State


def _person(name, *, job_title="", organisation=None, region=None, expertise=()):
    user = UserFactory(
        display_name=name,
        job_title=job_title,
        organisation=organisation,
        region=region,
    )
    user.expertise.set(tags_from_names(expertise))
    return user


@pytest.fixture
def directory(community):
    """Two active members with different profiles, and people who are not active."""
    monteregie = Region.objects.get(code="16")
    montreal = Region.objects.get(code="06")
    alice = _person(
        "Alice Tremblay",
        job_title="Nutritionniste",
        organisation=OrganisationFactory(
            name="CPE Les Érables",
            sector=Sector.objects.get(code="cpe"),
            region=monteregie,
        ),
        region=monteregie,
        expertise=["Achat local", "Menus de CPE"],
    )
    bruno = _person(
        "Bruno Gagnon",
        job_title="Chef cuisinier",
        organisation=OrganisationFactory(
            name="École Saint-Jean",
            sector=Sector.objects.get(code="school"),
            region=montreal,
        ),
        region=montreal,
        expertise=["Appels d'offres"],
    )
    MembershipFactory(community=community, user=alice)
    MembershipFactory(community=community, user=bruno, role=Role.FACILITATOR)
    for state in [State.INVITED, State.REQUESTED, State.LEFT, State.REMOVED]:
        MembershipFactory(
            community=community,
            state=state,
            user=_person(f"Zoé {state}", region=monteregie, expertise=["Achat local"]),
        )
    # An active member of another community must not show.
    MembershipFactory(user=_person("Yves Ailleurs", region=monteregie))
    return {"alice": alice, "bruno": bruno, "community": community}


def _names(memberships):
    return [m.user.display_name for m in memberships]


def test_directory_lists_only_active_members(directory):
    """Invitees, requesters, former and removed members are not listed."""
    members = selectors.member_directory(community=directory["community"])

    assert _names(members) == ["Alice Tremblay", "Bruno Gagnon"]


def test_directory_searches_names(directory):
    """The search matches part of a name, whatever its case."""
    members = selectors.member_directory(community=directory["community"], q="tremb")

    assert _names(members) == ["Alice Tremblay"]


def test_directory_searches_job_titles(directory):
    """The search matches part of a job title."""
    members = selectors.member_directory(
        community=directory["community"], q="cuisinier"
    )

    assert _names(members) == ["Bruno Gagnon"]


def test_directory_searches_organisation_names(directory):
    """The search matches part of an organisation's name."""
    members = selectors.member_directory(
        community=directory["community"], q="saint-jean"
    )

    assert _names(members) == ["Bruno Gagnon"]


def test_directory_filters_by_region(directory):
    """Only members of the chosen region are listed."""
    members = selectors.member_directory(
        community=directory["community"], region=Region.objects.get(code="16")
    )

    assert _names(members) == ["Alice Tremblay"]


def test_directory_filters_by_sector(directory):
    """Only members whose organisation is in the chosen sector are listed."""
    members = selectors.member_directory(
        community=directory["community"], sector=Sector.objects.get(code="school")
    )

    assert _names(members) == ["Bruno Gagnon"]


def test_directory_filters_by_role(directory):
    """Only members with the chosen role are listed."""
    members = selectors.member_directory(
        community=directory["community"], role=Role.FACILITATOR
    )

    assert _names(members) == ["Bruno Gagnon"]


@pytest.mark.parametrize("expertise", ["achat", "Achat local", "appels-d"])
def test_directory_filters_by_expertise_name_or_slug(directory, expertise):
    """Expertise matches part of a tag's name or of its slug."""
    members = selectors.member_directory(
        community=directory["community"], expertise=expertise
    )

    expected = "Bruno Gagnon" if expertise == "appels-d" else "Alice Tremblay"
    assert _names(members) == [expected]


def test_directory_lists_member_once_when_several_tags_match(directory):
    """A member with two matching tags appears once."""
    # "c" is in both "Achat local" and "Menus de CPE", and not in Bruno's tag.
    members = selectors.member_directory(
        community=directory["community"], expertise="c"
    )

    assert _names(members) == ["Alice Tremblay"]


def test_directory_combines_filters(directory):
    """Filters narrow each other down."""
    montreal = Region.objects.get(code="06")
    community = directory["community"]

    facilitators = selectors.member_directory(
        community=community, q="a", region=montreal, role=Role.FACILITATOR
    )
    members = selectors.member_directory(
        community=community, q="a", region=montreal, role=Role.MEMBER
    )

    assert _names(facilitators) == ["Bruno Gagnon"]
    assert _names(members) == []


def test_directory_costs_fixed_queries(directory, django_assert_num_queries):
    """Listing with profiles shown costs two queries whatever the member count."""
    for _ in range(3):
        MembershipFactory(
            community=directory["community"],
            user=_person("Autre", organisation=OrganisationFactory(), expertise=["X"]),
        )

    with django_assert_num_queries(2):
        rows = [
            (
                m.user.organisation.sector.code if m.user.organisation else None,
                m.user.region.code if m.user.region else None,
                [t.name for t in m.user.expertise.all()],
            )
            for m in selectors.member_directory(community=directory["community"])
        ]

    assert len(rows) == 5


# community_cards


def _card_names(communities):
    return [c.name for c in communities]


def test_community_cards_list_a_community_of_two_regions_once(db):
    """A community in two regions is one card, not one per region."""
    monteregie = Region.objects.get(code="16")
    montreal = Region.objects.get(code="06")
    CommunityFactory(name="Les deux rives", regions=[monteregie, montreal])

    cards = selectors.community_cards(user=AnonymousUser())

    assert _card_names(cards.living) == ["Les deux rives"]
    assert len(cards) == 1


def test_community_cards_put_dissolved_communities_after_the_living(db):
    """Dissolved (archived) communities are listed apart, after the living ones."""
    CommunityFactory(name="A dissoute", archived_at=timezone.now())
    CommunityFactory(name="B vivante")

    cards = selectors.community_cards(user=AnonymousUser())

    assert _card_names(cards.living) == ["B vivante"]
    assert _card_names(cards.dissolved) == ["A dissoute"]


def test_community_cards_filter_by_region_and_sector(db):
    """The region and sector filters keep the matching communities, once each."""
    estrie = Region.objects.get(code="05")
    cpe = Sector.objects.order_by("code").first()
    kept = CommunityFactory(
        name="Estrie", regions=[estrie, Region.objects.get(code="06")]
    )
    kept.sectors.set([cpe])
    CommunityFactory(name="Ailleurs")

    cards = selectors.community_cards(user=AnonymousUser(), region=estrie, sector=cpe)

    assert _card_names(cards.living) == ["Estrie"]


def _latest_exchange(cards, name):
    community = next(c for c in cards.living if c.name == name)
    return [line.text for line in community.highlights if line.url]


@pytest.mark.parametrize(
    ("viewer", "reads"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("member", True),
        ("facilitator", True),
        ("staff", True),
    ],
)
def test_community_cards_show_a_restricted_community_s_life_to_readers_only(
    db, viewer, reads
):
    """A restricted community's latest exchange and objective reach its members
    and staff; anyone else learns only that its content is for members."""
    from maillage.conversations.tests.factories import ThreadFactory
    from maillage.method.services import create_objective

    circle = CommunityFactory(name="Cercle", visibility=Community.Visibility.RESTRICTED)
    facilitator = MembershipFactory(community=circle, role=Role.FACILITATOR).user
    people = {
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(),
        "member": MembershipFactory(community=circle).user,
        "facilitator": facilitator,
        "staff": UserFactory(is_staff=True),
    }
    ThreadFactory(community=circle, title="Secret des courges")
    create_objective(
        actor=facilitator, community=circle, title="Objectif secret", status="planned"
    )

    cards = selectors.community_cards(user=people[viewer])

    card = cards.living[0]
    texts = " ".join(line.text for line in card.highlights)
    assert card.content_readable is reads
    assert ("Secret des courges" in texts) is reads
    assert ("Objectif secret" in texts) is reads


def test_community_cards_show_the_latest_published_exchange(db):
    """The card's latest exchange is the most recently active published thread;
    a hidden thread is never shown there, even to facilitators."""
    from maillage.conversations.tests.factories import ThreadFactory

    community = CommunityFactory(name="Publique")
    now = timezone.now()
    ThreadFactory(
        community=community, title="Ancien", last_activity_at=now - timedelta(days=3)
    )
    ThreadFactory(
        community=community, title="Récent", last_activity_at=now - timedelta(hours=1)
    )
    ThreadFactory(
        community=community, title="Masqué", last_activity_at=now, hidden_at=now
    )

    cards = selectors.community_cards(user=UserFactory(is_staff=True))

    assert _latest_exchange(cards, "Publique")[0].endswith("Récent")


# shares_a_community


def test_people_in_same_community_share_it(community, member, facilitator):
    """Two active members of one community share it."""
    assert permissions.shares_a_community(member, facilitator) is True


def test_people_in_different_communities_do_not_share(community, member):
    """Members of different communities share nothing."""
    elsewhere = MembershipFactory().user

    assert permissions.shares_a_community(member, elsewhere) is False


@pytest.mark.parametrize(
    "state", [State.INVITED, State.REQUESTED, State.LEFT, State.REMOVED]
)
def test_inactive_membership_does_not_count_as_sharing(community, member, state):
    """Only active memberships count, on either side."""
    other = MembershipFactory(community=community, state=state).user

    assert permissions.shares_a_community(member, other) is False
    assert permissions.shares_a_community(other, member) is False


def test_anonymous_shares_nothing(community, member):
    """An anonymous visitor shares no community with anyone."""
    assert permissions.shares_a_community(AnonymousUser(), member) is False
