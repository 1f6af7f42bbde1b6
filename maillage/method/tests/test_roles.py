"""The sponsor's role in the method: a read-only dashboard."""

import pytest
from django.test import Client
from django.urls import reverse

from maillage.communities import permissions as community_permissions
from maillage.communities import services
from maillage.communities.models import Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.method import permissions
from maillage.method import services as method_services

Role = Membership.Role
pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def sponsor(community):
    return MembershipFactory(
        community=community, role=Role.SPONSOR, user__display_name="Paule Marraine"
    ).user


def test_sponsor_may_view_the_dashboard_but_not_manage(community, sponsor, member):
    """The predicate opens the dashboard to sponsors, not to members; sponsors
    manage and steer nothing."""
    own = community_permissions.membership_of(sponsor, community)
    mine = community_permissions.membership_of(member, community)

    assert permissions.can_view_dashboard(sponsor, community, own)
    assert not permissions.can_view_dashboard(member, community, mine)
    assert not community_permissions.can_manage(sponsor, community, own)
    assert not community_permissions.can_steer(sponsor, community, own)
    assert not community_permissions.can_export(sponsor, community, own)


def test_sponsor_reads_the_dashboard_without_any_write_action(
    community, facilitator, sponsor
):
    """The sponsor's dashboard shows the progress and links to read, and neither
    the requests, the invitations, nor any action that changes something."""
    method_services.copy_setup_path(community)
    requester = MembershipFactory(
        community=community,
        state=Membership.State.REQUESTED,
        joined_at=None,
        user__display_name="Rémi Demandeur",
    ).user
    services.invite_member(
        actor=facilitator, community=community, email="invitee@exemple.qc.ca"
    )

    response = _client(sponsor).get(reverse("method:dashboard", args=[community.slug]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tableau de bord" in html and "Tableau de bord de l" not in html
    assert "Étapes de démarrage" in html or "Parcours de démarrage" in html
    assert requester.display_name not in html
    assert reverse("communities:request_list", args=[community.slug]) not in html
    assert reverse("communities:invitation_list", args=[community.slug]) not in html
    assert reverse("method:closing", args=[community.slug]) not in html
    assert reverse("communities:community_export", args=[community.slug]) not in html
    assert 'method="post"' not in html.split("<main", 1)[1].split("</main>")[0]


def test_sponsor_finds_the_dashboard_from_the_community_page(community, sponsor):
    """The community's navigation links the dashboard for its sponsor."""
    html = _client(sponsor).get(community.get_absolute_url()).content.decode()

    assert reverse("method:dashboard", args=[community.slug]) in html


def test_sponsor_cannot_change_a_setup_step(community, sponsor):
    """A sponsor's POST to the setup path is refused and changes nothing."""
    step = method_services.copy_setup_path(community)[0]

    response = _client(sponsor).post(
        reverse("method:setup_step_update", args=[community.slug, step.pk]),
        {f"step-{step.pk}-status": "done"},
    )

    assert response.status_code == 403
    step.refresh_from_db()
    assert step.status == "todo"


def test_a_former_sponsor_no_longer_sees_the_dashboard(community, sponsor):
    """Leaving the community closes the dashboard."""
    services.leave_community(user=sponsor, community=community)

    response = _client(sponsor).get(reverse("method:dashboard", args=[community.slug]))

    assert response.status_code == 403
