"""The method as parts of each community, registered from its own app: its tabs,
and on the presentation page its status line, closing summary and links of the
"Facilitation" card, beside those of ``communities``."""

import pytest
from django.test import Client
from django.urls import reverse

from maillage.communities import permissions, sections
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.method import services as method_services

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _tools(user, community):
    membership = permissions.membership_of(user, community)
    return [
        (tool.url, tool.count)
        for tool in sections.tools_for(user, community, membership)
    ]


def _dissolve(community, actor):
    method_services.dissolve_community(
        actor=actor,
        community=community,
        achieved="Douze écoles livrées.",
        learned="Commencer petit.",
    )


def test_the_method_registers_its_parts_from_its_own_app():
    """Charter, objectives, lifecycle, setup path and dashboard lead to the
    method's pages; communities names none of them."""
    parts = {s.key: s for s in sections.registered()}

    for key in ("charter", "objectives", "stages", "setup", "dashboard"):
        assert parts[key].url_name.startswith("method:"), key
    assert parts["objectives"].annotate_listing is not None
    assert parts["stages"].annotate_page is not None
    assert parts["stages"].summary is not None


def test_the_facilitation_card_orders_both_apps_links(community, facilitator):
    """A facilitator's card: dashboard, setup path, requests with how many wait,
    invitations, dissolve or reorient, export; each app gives its own."""
    MembershipFactory(
        community=community, state=Membership.State.REQUESTED, joined_at=None
    )
    slug = [community.slug]

    assert _tools(facilitator, community) == [
        (reverse("method:dashboard", args=slug), 0),
        (reverse("method:setup_path", args=slug), 0),
        (reverse("communities:request_list", args=slug), 1),
        (reverse("communities:invitation_list", args=slug), 0),
        (reverse("method:closing", args=slug), 0),
        (reverse("communities:community_export", args=slug), 0),
    ]
    html = _client(facilitator).get(community.get_absolute_url()).content.decode()
    card = html.split("Animation</h2>", 1)[1].split("</section>", 1)[0]
    assert card.index("/tableau-de-bord/") < card.index("/exporter/")
    assert '<span class="badge badge-accent">1</span>' in card


def test_an_archived_community_offers_staff_the_export_and_reopening(
    community, facilitator, staff
):
    """Once dissolved, nothing that changes the community is offered; staff may
    reopen it."""
    _dissolve(community, facilitator)
    slug = [community.slug]

    assert _tools(staff, community) == [
        (reverse("method:dashboard", args=slug), 0),
        (reverse("method:setup_path", args=slug), 0),
        (reverse("communities:community_export", args=slug), 0),
        (reverse("method:community_reopen", args=slug), 0),
    ]
    assert (reverse("method:community_reopen", args=slug), 0) not in _tools(
        facilitator, community
    )


def test_members_and_sponsors_get_no_facilitation_card(community, member):
    """The card is the facilitators' and staff's: a member or a sponsor has none."""
    sponsor = MembershipFactory(community=community, role="sponsor").user

    for person in (member, sponsor):
        assert _tools(person, community) == []
        html = _client(person).get(community.get_absolute_url()).content.decode()
        assert "Animation</h2>" not in html


def test_the_closing_summary_shows_to_who_may_read_the_content(facilitator, member):
    """A dissolved restricted community's summary shows to its members, not to
    someone outside who still sees its presentation."""
    circle = CommunityFactory(visibility=Community.Visibility.RESTRICTED)
    MembershipFactory(community=circle, user=facilitator, role="facilitator")
    MembershipFactory(community=circle, user=member)
    _dissolve(circle, facilitator)
    outsider = MembershipFactory().user

    inside = _client(member).get(circle.get_absolute_url()).content.decode()
    outside = _client(outsider).get(circle.get_absolute_url()).content.decode()

    assert "Bilan de clôture" in inside and "Commencer petit." in inside
    assert "Bilan de clôture" not in outside and "Commencer petit." not in outside
