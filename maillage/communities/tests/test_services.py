"""Community services: creation, joining, requests, invitations, roles, leaving."""

import hashlib
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.organisations.models import Sector
from maillage.territories.models import Region

Role = Membership.Role
State = Membership.State
SITE = "https://maillage.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.MAILLAGE_SITE_URL = SITE + "/"


@pytest.fixture
def reviewed(db):
    """A public community whose facilitators review each request to join."""
    return CommunityFactory(
        name="Achats groupés de l'Estrie",
        slug="estrie",
        join_policy=Community.JoinPolicy.REQUEST,
    )


@pytest.fixture
def reviewer(reviewed):
    return MembershipFactory(
        community=reviewed,
        role=Role.FACILITATOR,
        user__display_name="Rachel Responsable",
    ).user


@pytest.fixture
def pending(reviewed, reviewer, outsider):
    """The outsider's pending request to join the reviewed community."""
    return services.request_membership(
        user=outsider, community=reviewed, message="Je travaille dans un CPE."
    )


def _membership(user, community):
    return Membership.objects.get(user=user, community=community)


def _create_kwargs(**overrides):
    kwargs = {
        "name": "Cantines scolaires du Bas-Saint-Laurent",
        "slug": "cantines-bsl",
        "domain": "Menus scolaires",
        "description": "Nos **bons coups**.",
        "regions": [Region.objects.get(code="01")],
        "sectors": [Sector.objects.get(code="school")],
        "visibility": Community.Visibility.RESTRICTED,
        "join_policy": Community.JoinPolicy.REQUEST,
    }
    kwargs.update(overrides)
    return kwargs


# create_community


def test_creator_becomes_active_facilitator(staff):
    """The person who creates a community is its first, active facilitator."""
    community = services.create_community(actor=staff, **_create_kwargs())

    membership = _membership(staff, community)
    assert membership.state == State.ACTIVE
    assert membership.role == Role.FACILITATOR
    assert membership.joined_at is not None
    assert community.created_by == staff
    assert community.visibility == Community.Visibility.RESTRICTED
    assert community.join_policy == Community.JoinPolicy.REQUEST
    assert [r.code for r in community.regions.all()] == ["01"]
    assert [s.code for s in community.sectors.all()] == ["school"]


def test_user_not_allowed_to_launch_cannot_create_community(outsider):
    """Without staff's permission, a person cannot create a community."""
    with pytest.raises(PermissionDenied):
        services.create_community(actor=outsider, **_create_kwargs())

    assert not Community.objects.filter(slug="cantines-bsl").exists()


def test_anonymous_cannot_create_community(db):
    """An anonymous visitor cannot create a community."""
    with pytest.raises(PermissionDenied):
        services.create_community(actor=AnonymousUser(), **_create_kwargs())


def test_user_allowed_to_launch_may_create_community(db):
    """A person whom staff allowed to launch communities may create one."""
    launcher = UserFactory(can_launch_communities=True)

    community = services.create_community(actor=launcher, **_create_kwargs())

    assert _membership(launcher, community).role == Role.FACILITATOR


def test_duplicate_slug_is_refused(staff, community):
    """A web address already in use is refused on the slug field."""
    with pytest.raises(ValidationError) as excinfo:
        services.create_community(actor=staff, **_create_kwargs(slug=community.slug))

    assert "slug" in excinfo.value.error_dict
    assert Community.objects.filter(slug=community.slug).count() == 1


def test_each_start_module_is_told_of_the_new_community(staff, settings, tmp_path):
    """The apps above learn of each new community in its transaction, through
    ``MAILLAGE_COMMUNITY_START_MODULES``: communities names none of them."""
    module = tmp_path / "fake_start.py"
    module.write_text(
        "started = []\n"
        "def community_started(community):\n"
        "    started.append(community.slug)\n"
    )
    import sys

    sys.path.insert(0, str(tmp_path))
    settings.MAILLAGE_COMMUNITY_START_MODULES = ["fake_start"]
    try:
        community = services.create_community(actor=staff, **_create_kwargs())
        import fake_start

        assert fake_start.started == [community.slug]
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("fake_start", None)


def test_withdrawing_invitations_and_requests_leaves_members_as_they_were(
    community, facilitator, member, outsider
):
    """Before a community closes: pending invitations are withdrawn (the invitee's
    row goes back as it was), pending requests closed, members untouched."""
    invitation, _token = services.invite_member(
        actor=facilitator, community=community, email=outsider.email
    )
    requester = MembershipFactory(
        community=community, state=State.REQUESTED, joined_at=None
    )

    services.withdraw_invitations_and_requests(actor=facilitator, community=community)

    invitation.refresh_from_db()
    requester.refresh_from_db()
    assert invitation.revoked_at is not None
    assert not Membership.objects.filter(community=community, user=outsider).exists()
    assert (requester.state, requester.decided_by) == (State.LEFT, facilitator)
    assert _membership(member, community).state == State.ACTIVE


# update_community


def _update_kwargs(**overrides):
    kwargs = {
        "name": "Montérégie mange local (renouvelée)",
        "domain": "Circuits courts",
        "description": "Nouvelle description",
        "regions": [Region.objects.get(code="16"), Region.objects.get(code="06")],
        "sectors": [Sector.objects.get(code="cpe")],
        "visibility": Community.Visibility.PRIVATE,
        "join_policy": Community.JoinPolicy.INVITATION,
    }
    kwargs.update(overrides)
    return kwargs


def test_facilitator_can_update_community(community, facilitator):
    """A facilitator changes the presentation, regions, sectors and policies."""
    services.update_community(
        actor=facilitator, community=community, **_update_kwargs()
    )

    community.refresh_from_db()
    assert community.name == "Montérégie mange local (renouvelée)"
    assert community.domain == "Circuits courts"
    assert community.visibility == Community.Visibility.PRIVATE
    assert community.join_policy == Community.JoinPolicy.INVITATION
    assert sorted(r.code for r in community.regions.all()) == ["06", "16"]
    assert [s.code for s in community.sectors.all()] == ["cpe"]


def test_staff_can_update_community(community, staff):
    """Staff may update a community they are not a member of."""
    services.update_community(actor=staff, community=community, **_update_kwargs())

    community.refresh_from_db()
    assert community.visibility == Community.Visibility.PRIVATE


def test_member_cannot_update_community(community, member):
    """A plain member may not change the community."""
    with pytest.raises(PermissionDenied):
        services.update_community(actor=member, community=community, **_update_kwargs())

    community.refresh_from_db()
    assert community.name == "Montérégie mange local"


# join_community


def test_outsider_joins_open_community(community, outsider):
    """One click makes an outsider an active member of an open community."""
    membership = services.join_community(user=outsider, community=community)

    membership.refresh_from_db()
    assert membership.state == State.ACTIVE
    assert membership.role == Role.MEMBER
    assert membership.joined_at is not None


@pytest.mark.parametrize(
    "policy", [Community.JoinPolicy.REQUEST, Community.JoinPolicy.INVITATION]
)
def test_cannot_join_community_that_reviews_or_invites(outsider, policy):
    """Communities on request or on invitation cannot be joined in one click."""
    community = CommunityFactory(join_policy=policy)

    with pytest.raises(PermissionDenied):
        services.join_community(user=outsider, community=community)

    assert not Membership.objects.filter(community=community, user=outsider).exists()


def test_cannot_join_private_community_one_cannot_see(outsider):
    """An open but private community cannot be joined by an outsider."""
    community = CommunityFactory(visibility=Community.Visibility.PRIVATE)

    with pytest.raises(PermissionDenied):
        services.join_community(user=outsider, community=community)


def test_removed_member_cannot_rejoin(community):
    """A person removed by the facilitators cannot come back on their own."""
    removed = MembershipFactory(community=community, state=State.REMOVED).user

    with pytest.raises(PermissionDenied):
        services.join_community(user=removed, community=community)

    assert _membership(removed, community).state == State.REMOVED


def test_left_member_can_rejoin(community, member):
    """Someone who left an open community may join it again."""
    services.leave_community(user=member, community=community)

    services.join_community(user=member, community=community)

    assert _membership(member, community).state == State.ACTIVE


def test_active_member_cannot_join_twice(community, member):
    """Joining again while already a member is refused."""
    with pytest.raises(PermissionDenied):
        services.join_community(user=member, community=community)


# request_membership


def test_request_creates_requested_membership_with_message(reviewed, outsider):
    """A request is recorded in state 'requested' with the person's message."""
    membership = services.request_membership(
        user=outsider, community=reviewed, message="Je gère une cuisine de CPE."
    )

    membership.refresh_from_db()
    assert membership.state == State.REQUESTED
    assert membership.role == Role.MEMBER
    assert membership.request_message == "Je gère une cuisine de CPE."
    assert membership.joined_at is None


def test_request_mails_each_facilitator(
    reviewed, reviewer, outsider, django_capture_on_commit_callbacks, mailoutbox
):
    """Every active facilitator gets an e-mail with a link to the requests page."""
    other = MembershipFactory(community=reviewed, role=Role.FACILITATOR).user
    MembershipFactory(community=reviewed, role=Role.MEMBER)
    MembershipFactory(community=reviewed, role=Role.FACILITATOR, state=State.LEFT)

    with django_capture_on_commit_callbacks(execute=True):
        services.request_membership(
            user=outsider, community=reviewed, message="Bonjour, je suis nouvelle."
        )

    assert sorted(m.to[0] for m in mailoutbox) == sorted([reviewer.email, other.email])
    for mail in mailoutbox:
        assert len(mail.to) == 1
        assert reviewed.name in mail.subject
        assert f"{SITE}/c/estrie/demandes/" in mail.body
        assert outsider.public_name in mail.body
        assert "Bonjour, je suis nouvelle." in mail.body


def test_request_mail_waits_for_commit(
    reviewed, reviewer, outsider, django_capture_on_commit_callbacks, mailoutbox
):
    """No e-mail leaves before the transaction commits."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.request_membership(user=outsider, community=reviewed)

    assert len(callbacks) == 1
    assert mailoutbox == []


@pytest.mark.parametrize(
    "policy", [Community.JoinPolicy.OPEN, Community.JoinPolicy.INVITATION]
)
def test_request_refused_when_policy_does_not_review(outsider, policy):
    """Requests exist only for communities whose policy is 'on request'."""
    community = CommunityFactory(join_policy=policy)

    with pytest.raises(PermissionDenied):
        services.request_membership(user=outsider, community=community, message="?")

    assert not Membership.objects.filter(community=community, user=outsider).exists()


def test_request_refused_when_already_active(reviewed, reviewer):
    """An active member cannot ask to join again."""
    with pytest.raises(PermissionDenied):
        services.request_membership(user=reviewer, community=reviewed)

    assert _membership(reviewer, reviewed).state == State.ACTIVE


def test_request_refused_when_already_pending(reviewed, outsider, pending):
    """A second request while the first is pending is refused."""
    with pytest.raises(PermissionDenied):
        services.request_membership(user=outsider, community=reviewed, message="Et?")

    assert (
        _membership(outsider, reviewed).request_message == "Je travaille dans un CPE."
    )


# approve_request / decline_request


def test_approve_request_makes_person_active_member(
    reviewed,
    reviewer,
    outsider,
    pending,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    """Approving activates the membership, records who decided, and tells them."""
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_request(actor=reviewer, membership=pending)

    pending.refresh_from_db()
    assert pending.state == State.ACTIVE
    assert pending.role == Role.MEMBER
    assert pending.joined_at is not None
    assert pending.decided_by == reviewer
    assert pending.decided_at is not None
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [outsider.email]
    assert reviewed.name in mail.subject
    assert f"{SITE}/c/estrie/" in mail.body


def test_decline_request_tells_the_person(
    reviewed,
    reviewer,
    outsider,
    pending,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    """Declining ends the request, records who decided, and tells the person."""
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_request(actor=reviewer, membership=pending)

    pending.refresh_from_db()
    assert pending.state == State.LEFT
    assert pending.joined_at is None
    assert pending.decided_by == reviewer
    assert pending.decided_at is not None
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [outsider.email]
    assert reviewed.name in mail.subject
    assert f"{SITE}/c/estrie/" in mail.body


def test_staff_can_decide_requests(reviewed, staff, pending):
    """Staff may approve a request in a community they do not belong to."""
    services.approve_request(actor=staff, membership=pending)

    pending.refresh_from_db()
    assert pending.state == State.ACTIVE
    assert pending.decided_by == staff


@pytest.mark.parametrize("decide", [services.approve_request, services.decline_request])
def test_member_cannot_decide_requests(reviewed, pending, decide, mailoutbox):
    """A plain member may neither approve nor decline a request."""
    plain = MembershipFactory(community=reviewed).user

    with pytest.raises(PermissionDenied):
        decide(actor=plain, membership=pending)

    pending.refresh_from_db()
    assert pending.state == State.REQUESTED
    assert pending.decided_by is None


@pytest.mark.parametrize("second", [services.approve_request, services.decline_request])
def test_deciding_twice_is_refused(reviewer, pending, second):
    """A request already handled cannot be decided again."""
    services.approve_request(actor=reviewer, membership=pending)

    with pytest.raises(ValidationError):
        second(actor=reviewer, membership=pending)

    pending.refresh_from_db()
    assert pending.state == State.ACTIVE


def test_deciding_from_a_stale_copy_is_refused(
    reviewed, reviewer, pending, django_capture_on_commit_callbacks, mailoutbox
):
    """Two facilitators deciding at once: the second decision is refused."""
    stale = Membership.objects.get(pk=pending.pk)
    services.approve_request(actor=reviewer, membership=pending)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError),
    ):
        services.decline_request(actor=reviewer, membership=stale)

    assert Membership.objects.get(pk=pending.pk).state == State.ACTIVE
    assert mailoutbox == []


def test_cannot_decide_a_membership_that_was_never_requested(reviewer, reviewed):
    """Approving an active membership as if it were a request is refused."""
    active = MembershipFactory(community=reviewed)

    with pytest.raises(ValidationError):
        services.approve_request(actor=reviewer, membership=active)


# invite_member


def _invite(actor, community, email="invitee@exemple.qc.ca", **kwargs):
    return services.invite_member(
        actor=actor, community=community, email=email, **kwargs
    )


def test_invite_returns_token_and_stores_only_its_hash(community, facilitator):
    """The secret token is returned once; only its SHA-256 hash is stored."""
    invitation, token = _invite(facilitator, community)

    invitation.refresh_from_db()
    assert len(token) >= 40
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = [
        str(value)
        for value in Invitation.objects.filter(pk=invitation.pk).values().get().values()
    ]
    assert not any(token in value for value in stored)


def test_invite_records_invitation_details(community, facilitator):
    """The invitation keeps address, role, message, inviter and an expiry date."""
    before = timezone.now()
    invitation, _token = _invite(
        facilitator,
        community,
        email="  Invitee@Exemple.QC.CA ",
        role=Role.SPONSOR,
        message="Viens nous voir!",
    )

    assert invitation.email == "Invitee@exemple.qc.ca"
    assert invitation.role == Role.SPONSOR
    assert invitation.message == "Viens nous voir!"
    assert invitation.invited_by == facilitator
    assert invitation.is_pending
    assert before + timedelta(days=13) < invitation.expires_at
    assert invitation.expires_at <= timezone.now() + timedelta(days=14)


def test_invite_sends_mail_with_link(
    community, facilitator, django_capture_on_commit_callbacks, mailoutbox
):
    """The invitee receives the inviter's name, the message, the link and expiry."""
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = _invite(
            facilitator, community, message="Au plaisir de te compter parmi nous."
        )

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["invitee@exemple.qc.ca"]
    assert community.name in mail.subject
    assert f"{SITE}/invitations/{token}/" in mail.body
    assert "Françoise Animatrice" in mail.body
    assert "Au plaisir de te compter parmi nous." in mail.body
    with translation.override("fr"):
        expiry = date_filter(timezone.localtime(invitation.expires_at), "j F Y")
    assert expiry in mail.body


def test_invite_gives_existing_account_an_invited_membership(
    community, facilitator, outsider
):
    """A person who already has an account is shown as invited, with the role."""
    _invite(
        facilitator, community, email=outsider.email.upper(), role=Role.GUEST_EXPERT
    )

    membership = _membership(outsider, community)
    assert membership.state == State.INVITED
    assert membership.role == Role.GUEST_EXPERT


def test_invite_mail_uses_existing_account_language(
    community, facilitator, django_capture_on_commit_callbacks, mailoutbox
):
    """The mail goes in the invitee's own interface language."""
    anglophone = UserFactory(language="en")

    with django_capture_on_commit_callbacks(execute=True):
        invitation, _token = _invite(facilitator, community, email=anglophone.email)

    with translation.override("en"):
        expiry = date_filter(timezone.localtime(invitation.expires_at), "j F Y")
    assert expiry in mailoutbox[0].body


def test_inviting_an_active_member_is_refused(community, facilitator, member):
    """An active member cannot be invited again."""
    with pytest.raises(ValidationError) as excinfo:
        _invite(facilitator, community, email=member.email)

    assert "email" in excinfo.value.error_dict
    assert not Invitation.objects.exists()


def test_second_invite_to_same_address_revokes_the_first(community, facilitator):
    """Only the newest invitation to an address stays valid."""
    first, first_token = _invite(facilitator, community, email="double@exemple.qc.ca")

    second, _token = _invite(facilitator, community, email="DOUBLE@exemple.qc.ca")

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert not first.is_pending
    assert second.is_pending
    assert list(community.invitations.pending()) == [second]
    with pytest.raises(ValidationError):
        services.accept_invitation(
            user=UserFactory(email="double@exemple.qc.ca"),
            invitation=services.invitation_for_token(first_token),
        )


def test_invite_to_another_community_leaves_the_first_pending(
    community, facilitator, staff
):
    """Invitations to the same address in different communities are independent."""
    first, _token = _invite(facilitator, community)

    _invite(staff, CommunityFactory(), email=first.email)

    first.refresh_from_db()
    assert first.is_pending


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_non_facilitator_cannot_invite(request, community, who, mailoutbox):
    """Only facilitators and staff may invite."""
    actor = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        _invite(actor, community)

    assert not Invitation.objects.exists()


def test_staff_can_invite(community, staff):
    """Staff may invite to any community."""
    invitation, _token = _invite(staff, community)

    assert invitation.invited_by == staff


# invitation_for_token


def test_invitation_for_token_finds_the_invitation(community, facilitator):
    """The token of a link opens its invitation."""
    invitation, token = _invite(facilitator, community)

    assert services.invitation_for_token(token) == invitation


def test_invitation_for_unknown_token_is_none(community, facilitator):
    """A made-up token opens nothing."""
    _invite(facilitator, community)

    assert services.invitation_for_token("n-importe-quoi") is None


def test_invitation_for_token_finds_used_invitation_too(community, facilitator):
    """A revoked invitation is still found, so its page can say it is void."""
    invitation, token = _invite(facilitator, community)
    services.revoke_invitation(actor=facilitator, invitation=invitation)

    found = services.invitation_for_token(token)

    assert found == invitation
    assert not found.is_pending


# accept_invitation


def test_accepting_makes_person_active_with_invitation_role(
    community, facilitator, outsider
):
    """Accepting turns the invited membership into an active one with its role."""
    invitation, _token = _invite(
        facilitator, community, email=outsider.email, role=Role.GUEST_EXPERT
    )

    membership = services.accept_invitation(user=outsider, invitation=invitation)

    membership.refresh_from_db()
    assert membership.state == State.ACTIVE
    assert membership.role == Role.GUEST_EXPERT
    assert membership.joined_at is not None
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert invitation.accepted_by == outsider


def test_invitation_link_is_single_use(community, facilitator, outsider):
    """A link already used cannot be used again, even by someone else."""
    invitation, token = _invite(facilitator, community, email=outsider.email)
    services.accept_invitation(user=outsider, invitation=invitation)

    with pytest.raises(ValidationError) as excinfo:
        services.accept_invitation(
            user=UserFactory(), invitation=services.invitation_for_token(token)
        )

    assert excinfo.value.code == "invalid_invitation"
    assert Membership.objects.filter(community=community).count() == 2


def test_expired_invitation_cannot_be_accepted(community, facilitator, outsider):
    """After its expiry date, an invitation opens nothing."""
    invitation, _token = _invite(facilitator, community, email=outsider.email)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    with pytest.raises(ValidationError):
        services.accept_invitation(user=outsider, invitation=invitation)

    assert _membership(outsider, community).state == State.INVITED


def test_revoked_invitation_cannot_be_accepted(community, facilitator, outsider):
    """A withdrawn invitation opens nothing."""
    invitation, _token = _invite(facilitator, community, email=outsider.email)
    services.revoke_invitation(actor=facilitator, invitation=invitation)

    with pytest.raises(ValidationError):
        services.accept_invitation(user=outsider, invitation=invitation)

    assert not Membership.objects.filter(community=community, user=outsider).exists()


def test_declined_invitation_cannot_be_accepted(community, facilitator, outsider):
    """Once turned down, an invitation cannot be accepted after all."""
    invitation, _token = _invite(facilitator, community, email=outsider.email)
    services.decline_invitation(user=outsider, invitation=invitation)

    with pytest.raises(ValidationError):
        services.accept_invitation(user=outsider, invitation=invitation)


def test_brand_new_user_can_accept_invitation(community, facilitator):
    """Someone without an account when invited may sign up, then accept."""
    _invitation, token = _invite(
        facilitator, community, email="nouvelle@exemple.qc.ca", role=Role.SPONSOR
    )
    assert not Membership.objects.filter(user__email="nouvelle@exemple.qc.ca").exists()
    newcomer = UserFactory(email="nouvelle@exemple.qc.ca")

    services.accept_invitation(
        user=newcomer, invitation=services.invitation_for_token(token)
    )

    membership = _membership(newcomer, community)
    assert membership.state == State.ACTIVE
    assert membership.role == Role.SPONSOR


def test_anonymous_cannot_accept_invitation(community, facilitator):
    """An anonymous visitor must sign in before accepting."""
    invitation, _token = _invite(facilitator, community)

    with pytest.raises(PermissionDenied):
        services.accept_invitation(user=AnonymousUser(), invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.accepted_at is None


# decline_invitation


def test_declining_invitation_removes_invited_membership(
    community, facilitator, outsider
):
    """Turning an invitation down records it and erases the pending membership."""
    invitation, _token = _invite(facilitator, community, email=outsider.email)

    services.decline_invitation(user=outsider, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert not invitation.is_pending
    assert not Membership.objects.filter(community=community, user=outsider).exists()


def test_declining_twice_is_refused(community, facilitator, outsider):
    """An invitation already declined cannot be declined again."""
    invitation, _token = _invite(facilitator, community, email=outsider.email)
    services.decline_invitation(user=outsider, invitation=invitation)

    with pytest.raises(ValidationError):
        services.decline_invitation(user=outsider, invitation=invitation)


# revoke_invitation


def test_facilitator_revokes_invitation(community, facilitator, outsider):
    """Revoking records the date and erases the invited membership."""
    invitation, _token = _invite(facilitator, community, email=outsider.email)

    services.revoke_invitation(actor=facilitator, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert not Membership.objects.filter(community=community, user=outsider).exists()


def test_member_cannot_revoke_invitation(community, facilitator, member):
    """A plain member cannot withdraw an invitation."""
    invitation, _token = _invite(facilitator, community)

    with pytest.raises(PermissionDenied):
        services.revoke_invitation(actor=member, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.is_pending


def test_cannot_revoke_accepted_invitation(community, facilitator, outsider):
    """An invitation already used cannot be withdrawn."""
    invitation, _token = _invite(facilitator, community, email=outsider.email)
    services.accept_invitation(user=outsider, invitation=invitation)

    with pytest.raises(ValidationError):
        services.revoke_invitation(actor=facilitator, invitation=invitation)

    assert _membership(outsider, community).state == State.ACTIVE


# leave_community


def test_member_leaves_community(community, member):
    """A member who leaves is kept in state 'left'."""
    membership = services.leave_community(user=member, community=community)

    membership.refresh_from_db()
    assert membership.state == State.LEFT


def test_last_facilitator_cannot_leave(community, facilitator):
    """The only facilitator must hand over before leaving."""
    with pytest.raises(ValidationError) as excinfo:
        services.leave_community(user=facilitator, community=community)

    assert excinfo.value.code == "last_facilitator"
    assert _membership(facilitator, community).state == State.ACTIVE


def test_facilitator_leaves_when_another_facilitator_exists(community, facilitator):
    """With a second active facilitator, a facilitator may leave."""
    MembershipFactory(community=community, role=Role.FACILITATOR)

    services.leave_community(user=facilitator, community=community)

    assert _membership(facilitator, community).state == State.LEFT


def test_facilitator_who_left_does_not_count_as_other_facilitator(
    community, facilitator
):
    """A former facilitator (state 'left') does not let the last one leave."""
    MembershipFactory(community=community, role=Role.FACILITATOR, state=State.LEFT)

    with pytest.raises(ValidationError):
        services.leave_community(user=facilitator, community=community)


def test_non_member_cannot_leave(community, outsider):
    """Leaving a community one never joined is refused."""
    with pytest.raises(PermissionDenied):
        services.leave_community(user=outsider, community=community)


# remove_member


def test_facilitator_removes_member(community, facilitator, member):
    """A removed member is kept in state 'removed', with who decided and when."""
    membership = _membership(member, community)

    services.remove_member(actor=facilitator, membership=membership)

    membership.refresh_from_db()
    assert membership.state == State.REMOVED
    assert membership.decided_by == facilitator
    assert membership.decided_at is not None


def test_last_facilitator_cannot_be_removed(community, facilitator, staff):
    """Even staff cannot remove the only facilitator."""
    membership = _membership(facilitator, community)

    with pytest.raises(ValidationError) as excinfo:
        services.remove_member(actor=staff, membership=membership)

    assert excinfo.value.code == "last_facilitator"
    membership.refresh_from_db()
    assert membership.state == State.ACTIVE


def test_member_cannot_remove_others(community, member):
    """A plain member cannot remove anyone."""
    other = MembershipFactory(community=community)

    with pytest.raises(PermissionDenied):
        services.remove_member(actor=member, membership=other)

    other.refresh_from_db()
    assert other.state == State.ACTIVE


def test_cannot_remove_someone_not_active(community, facilitator):
    """Only active members can be removed."""
    left = MembershipFactory(community=community, state=State.LEFT)

    with pytest.raises(ValidationError):
        services.remove_member(actor=facilitator, membership=left)


# change_role


def test_facilitator_changes_member_role(community, facilitator, member):
    """A facilitator may give a member another role."""
    membership = _membership(member, community)

    services.change_role(actor=facilitator, membership=membership, role=Role.SPONSOR)

    membership.refresh_from_db()
    assert membership.role == Role.SPONSOR


def test_last_facilitator_cannot_be_demoted(community, facilitator):
    """The only facilitator cannot be made a plain member."""
    membership = _membership(facilitator, community)

    with pytest.raises(ValidationError) as excinfo:
        services.change_role(actor=facilitator, membership=membership, role=Role.MEMBER)

    assert excinfo.value.code == "last_facilitator"
    membership.refresh_from_db()
    assert membership.role == Role.FACILITATOR


def test_promoting_then_demoting_the_first_facilitator_works(
    community, facilitator, member
):
    """Once a second facilitator is named, the first may step down."""
    services.change_role(
        actor=facilitator,
        membership=_membership(member, community),
        role=Role.FACILITATOR,
    )

    services.change_role(
        actor=facilitator,
        membership=_membership(facilitator, community),
        role=Role.MEMBER,
    )

    assert _membership(member, community).role == Role.FACILITATOR
    assert _membership(facilitator, community).role == Role.MEMBER
    with pytest.raises(ValidationError):
        services.change_role(
            actor=member,
            membership=_membership(member, community),
            role=Role.MEMBER,
        )


def test_invalid_role_is_refused(community, facilitator, member):
    """A role outside the choices is refused on the role field."""
    membership = _membership(member, community)

    with pytest.raises(ValidationError) as excinfo:
        services.change_role(actor=facilitator, membership=membership, role="admin")

    assert "role" in excinfo.value.error_dict
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_member_cannot_change_roles(community, member):
    """A plain member may not change anyone's role, not even their own."""
    membership = _membership(member, community)

    with pytest.raises(PermissionDenied):
        services.change_role(actor=member, membership=membership, role=Role.FACILITATOR)

    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_cannot_change_role_of_someone_not_active(community, facilitator):
    """Roles belong to active members only."""
    requested = MembershipFactory(community=community, state=State.REQUESTED)

    with pytest.raises(ValidationError):
        services.change_role(actor=facilitator, membership=requested, role=Role.SPONSOR)
