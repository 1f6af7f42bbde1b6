"""A community's navigation: the sections registered by each app, who sees
which, and the page that marks its own tab current."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from maillage.communities import permissions, sections
from maillage.communities.models import Community
from maillage.communities.tests.factories import CommunityFactory
from maillage.conversations.tests.factories import ThreadFactory

pytestmark = pytest.mark.django_db

EVERYONE = ["presentation", "exchanges", "charter", "objectives", "stages"]
MEMBERS = ["presentation", "exchanges", "members", "charter", "objectives"]
MEMBERS += ["stages", "setup"]


def _keys(user, community):
    membership = permissions.membership_of(user, community)
    return [tab.key for tab in sections.tabs_for(user, community, membership)]


def test_the_exchanges_section_is_registered_by_the_conversations_app():
    """conversations adds its part from its AppConfig: communities never names it."""
    exchanges = next(s for s in sections.registered() if s.key == "exchanges")
    assert exchanges.url_name == "conversations:activity"
    assert exchanges.annotate_listing is not None


def test_sections_come_in_their_registered_order():
    """Sections are ordered by their order number, whichever app added them."""
    orders = [section.order for section in sections.registered()]
    assert orders == sorted(orders)
    assert [s.key for s in sections.registered()][:2] == ["presentation", "exchanges"]


@pytest.mark.parametrize(
    ("viewer", "expected"),
    [
        ("anonymous", EVERYONE),
        ("outsider", EVERYONE),
        ("member", MEMBERS),
        ("facilitator", [*MEMBERS, "dashboard"]),
        ("staff", [*MEMBERS, "dashboard"]),
    ],
)
def test_public_community_sections_by_role(
    community, member, facilitator, outsider, staff, viewer, expected
):
    """Everyone sees a public community's content; the members its directory and
    setup path; facilitators and staff its dashboard."""
    people = {
        "anonymous": AnonymousUser(),
        "outsider": outsider,
        "member": member,
        "facilitator": facilitator,
        "staff": staff,
    }
    assert _keys(people[viewer], community) == expected


def test_restricted_community_shows_outsiders_its_presentation_only(outsider):
    """A restricted community's other parts are for its members."""
    circle = CommunityFactory(visibility=Community.Visibility.RESTRICTED)
    assert _keys(AnonymousUser(), circle) == ["presentation"]
    assert _keys(outsider, circle) == ["presentation"]


def _current(html):
    """The labels of the navigation's links marked as the current page."""
    nav = html[html.index('class="subnav"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(
        r'aria-current="page"><svg.*?</svg><span>([^<]+)</span>', nav, re.S
    )


def _tab_labels(html):
    nav = html[html.index('class="subnav"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r"<span>([^<]+)</span></a>", nav)


@pytest.mark.parametrize(
    ("url_name", "current"),
    [
        ("communities:community_detail", "Présentation"),
        ("conversations:activity", "Échanges"),
        ("conversations:thread_list", "Échanges"),
        ("communities:member_list", "Membres"),
        ("method:charter_detail", "Charte"),
        ("method:objective_list", "Objectifs"),
        ("method:stage_timeline", "Cycle de vie"),
        ("method:setup_path", "Parcours de démarrage"),
        ("method:dashboard", "Tableau de bord"),
    ],
)
def test_each_community_page_shows_every_tab_and_marks_its_own(
    client, community, facilitator, url_name, current
):
    """A facilitator finds every part on every community page, this one marked."""
    client.force_login(facilitator)
    html = client.get(reverse(url_name, args=[community.slug])).content.decode()
    assert _tab_labels(html) == [
        "Présentation",
        "Échanges",
        "Membres",
        "Charte",
        "Objectifs",
        "Cycle de vie",
        "Parcours de démarrage",
        "Tableau de bord",
    ]
    assert _current(html) == [current]


def test_a_thread_page_marks_the_exchanges_tab(client, community, member):
    """A thread belongs to the community's exchanges."""
    thread = ThreadFactory(community=community)
    client.force_login(member)
    html = client.get(thread.get_absolute_url()).content.decode()
    assert _current(html) == ["Échanges"]


def test_members_only_notice_offers_only_what_the_outsider_may_open(outsider):
    """A restricted community's exchanges, refused, still show the presentation."""
    circle = CommunityFactory(visibility=Community.Visibility.RESTRICTED)
    from django.test import Client

    client = Client()
    client.force_login(outsider)
    response = client.get(reverse("conversations:activity", args=[circle.slug]))
    assert response.status_code == 403
    assert _tab_labels(response.content.decode()) == ["Présentation"]


def test_staff_who_is_not_a_member_sees_every_part(staff):
    """Staff see every part of a private community, members' parts included."""
    hidden = CommunityFactory(visibility=Community.Visibility.PRIVATE)
    assert _keys(staff, hidden)[-1] == "dashboard"
