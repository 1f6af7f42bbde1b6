"""Roles that mean something: the guest expert, shown as such until an optional
end date (the sponsor's read-only dashboard is the method's:
``maillage/method/tests/test_roles.py``)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.communities.models import Membership
from maillage.communities.tests.factories import MembershipFactory

Role = Membership.Role
pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _today():
    return timezone.localdate()


# The guest expert --------------------------------------------------------------


def test_a_guest_expert_is_one_until_the_end_date_then_a_member(community):
    """Up to and including the end date the person is a guest expert; after it,
    still an active member, shown as a member and no longer listed as expert."""
    current = MembershipFactory(
        community=community, role=Role.GUEST_EXPERT, guest_expert_until=_today()
    )
    lasting = MembershipFactory(community=community, role=Role.GUEST_EXPERT)
    past = MembershipFactory(
        community=community,
        role=Role.GUEST_EXPERT,
        guest_expert_until=_today() - timedelta(days=1),
    )

    assert current.is_guest_expert and lasting.is_guest_expert
    assert not past.is_guest_expert
    assert past.is_active
    assert past.shown_role == "Membre"
    assert current.shown_role == "Expert·e invité·e"
    experts = set(Membership.objects.guest_experts().filter(community=community))
    assert experts == {current, lasting}


def test_invited_guest_expert_keeps_the_end_date_once_accepted(
    community, facilitator, outsider
):
    """The end date set when inviting goes to the membership when it is used."""
    until = _today() + timedelta(days=90)
    invitation, _token = services.invite_member(
        actor=facilitator,
        community=community,
        email=outsider.email,
        role=Role.GUEST_EXPERT,
        guest_expert_until=until,
    )

    membership = services.accept_invitation(user=outsider, invitation=invitation)

    assert (membership.role, membership.guest_expert_until) == (
        Role.GUEST_EXPERT,
        until,
    )


def test_an_end_date_is_kept_for_guest_experts_only(community, facilitator, member):
    """Another role keeps no end date, on invitation or change of role."""
    later = _today() + timedelta(days=10)
    invitation, _token = services.invite_member(
        actor=facilitator,
        community=community,
        email="pierre@exemple.qc.ca",
        role=Role.SPONSOR,
        guest_expert_until=later,
    )
    membership = Membership.objects.get(community=community, user=member)
    services.change_role(
        actor=facilitator,
        membership=membership,
        role=Role.GUEST_EXPERT,
        guest_expert_until=later,
    )
    assert membership.guest_expert_until == later

    services.change_role(actor=facilitator, membership=membership, role=Role.MEMBER)

    assert invitation.guest_expert_until is None
    membership.refresh_from_db()
    assert (membership.role, membership.guest_expert_until) == (Role.MEMBER, None)


@pytest.mark.parametrize("how", ["invite", "change_role"])
def test_an_end_date_in_the_past_is_refused(community, facilitator, member, how):
    """The service refuses a past end date on the field, and writes nothing."""
    yesterday = _today() - timedelta(days=1)
    membership = Membership.objects.get(community=community, user=member)

    with pytest.raises(ValidationError) as refused:
        if how == "invite":
            services.invite_member(
                actor=facilitator,
                community=community,
                email="pierre@exemple.qc.ca",
                role=Role.GUEST_EXPERT,
                guest_expert_until=yesterday,
            )
        else:
            services.change_role(
                actor=facilitator,
                membership=membership,
                role=Role.GUEST_EXPERT,
                guest_expert_until=yesterday,
            )

    assert "guest_expert_until" in refused.value.message_dict
    assert not community.invitations.exists()
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_invitation_form_shows_a_past_end_date_next_to_the_field(
    community, facilitator
):
    """The invitation page says what is wrong beside the date, keeps the address."""
    response = _client(facilitator).post(
        reverse("communities:invitation_list", args=[community.slug]),
        {
            "email": "experte@exemple.qc.ca",
            "role": Role.GUEST_EXPERT,
            "guest_expert_until": (_today() - timedelta(days=3)).isoformat(),
            "message": "",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["guest_expert_until"] == [
        "Le dernier jour comme expert·e invité·e ne peut pas être passé."
    ]
    assert 'value="experte@exemple.qc.ca"' in response.content.decode()
    assert not community.invitations.exists()


def test_facilitator_names_a_guest_expert_until_a_date_from_the_member_list(
    community, facilitator, member
):
    """The role form of the member list takes the end date; the list shows it."""
    membership = Membership.objects.get(community=community, user=member)
    until = _today() + timedelta(days=30)
    client = _client(facilitator)

    response = client.post(
        reverse("communities:membership_role", args=[community.slug, membership.pk]),
        {"role": Role.GUEST_EXPERT, "guest_expert_until": until.isoformat()},
        follow=True,
    )

    membership.refresh_from_db()
    assert membership.guest_expert_until == until
    html = response.content.decode()
    assert "Expert·e invité·e" in html
    assert f'value="{until.isoformat()}"' in html


def test_a_past_end_date_from_the_member_list_is_refused_with_its_reason(
    community, facilitator, member
):
    """A past date changes nothing and the page says why."""
    membership = Membership.objects.get(community=community, user=member)

    response = _client(facilitator).post(
        reverse("communities:membership_role", args=[community.slug, membership.pk]),
        {
            "role": Role.GUEST_EXPERT,
            "guest_expert_until": (_today() - timedelta(days=1)).isoformat(),
        },
        follow=True,
    )

    assert "ne peut pas être passé" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_member_list_shows_guest_experts_as_such_until_their_end_date(
    community, member
):
    """The list and its role filter follow the end date."""
    MembershipFactory(
        community=community,
        role=Role.GUEST_EXPERT,
        guest_expert_until=_today() + timedelta(days=5),
        user__display_name="Gabrielle Actuelle",
    )
    MembershipFactory(
        community=community,
        role=Role.GUEST_EXPERT,
        guest_expert_until=_today() - timedelta(days=5),
        user__display_name="Étienne Passé",
    )
    url = reverse("communities:member_list", args=[community.slug])
    client = _client(member)

    experts = client.get(url, {"role": Role.GUEST_EXPERT}).content.decode()
    members = client.get(url, {"role": Role.MEMBER}).content.decode()

    assert "Gabrielle Actuelle" in experts and "Étienne Passé" not in experts
    assert "jusqu'au" in experts
    assert "Étienne Passé" in members and "Gabrielle Actuelle" not in members


def test_a_new_account_is_not_a_guest_expert_anywhere(community):
    """Nobody is a guest expert without the role."""
    UserFactory()
    assert not Membership.objects.guest_experts().exists()
