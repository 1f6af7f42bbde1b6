"""Account services: profile, consents, sign-up, export and deletion (Law 25)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from maillage.accounts import services
from maillage.accounts.models import Consent, ExpertiseTag, User
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region

Purpose = Consent.Purpose
State = Membership.State


@pytest.fixture
def person(db):
    return UserFactory(email="marie@exemple.qc.ca", display_name="Marie Tremblay")


def _update(actor, user, **overrides):
    kwargs = {
        "display_name": "Marie Tremblay",
        "job_title": "Nutritionniste",
        "organisation": None,
        "region": None,
        "bio": "",
        "languages": ["fr"],
        "expertise_names": [],
        "open_to_contact": False,
    }
    kwargs.update(overrides)
    return services.update_profile(actor=actor, user=user, **kwargs)


# update_profile


def test_person_updates_own_profile(person):
    """Every profile field the person fills in is saved."""
    organisation = OrganisationFactory()
    region = Region.objects.get(code="03")

    _update(
        person,
        person,
        display_name="Marie T.",
        job_title="Cheffe",
        organisation=organisation,
        region=region,
        bio="Vingt ans en cuisine collective.",
        languages=("fr", "en"),
        open_to_contact=True,
    )

    person.refresh_from_db()
    assert person.display_name == "Marie T."
    assert person.job_title == "Cheffe"
    assert person.organisation == organisation
    assert person.region == region
    assert person.bio == "Vingt ans en cuisine collective."
    assert person.languages == ["fr", "en"]
    assert person.open_to_contact is True


def test_expertise_tags_are_created_from_names(person):
    """Free-text names become tags, created when new."""
    _update(person, person, expertise_names=["Achat local", "Menus de CPE"])

    assert sorted(t.slug for t in person.expertise.all()) == [
        "achat-local",
        "menus-de-cpe",
    ]
    assert ExpertiseTag.objects.get(slug="menus-de-cpe").name == "Menus de CPE"


def test_expertise_tags_are_deduplicated_by_slug(person):
    """Names that differ only by case, accents or spacing share one tag."""
    existing = ExpertiseTag.objects.create(name="Achat local", slug="achat-local")

    _update(
        person,
        person,
        expertise_names=["achat  local", "ACHAT LOCAL", " Achat lócal ", "", "  "],
    )

    assert list(person.expertise.all()) == [existing]
    assert ExpertiseTag.objects.count() == 1


def test_expertise_replaces_previous_tags(person):
    """Saving the profile replaces the expertise list; old tags are kept for others."""
    _update(person, person, expertise_names=["Achat local"])

    _update(person, person, expertise_names=["Compostage"])

    assert [t.slug for t in person.expertise.all()] == ["compostage"]
    assert ExpertiseTag.objects.filter(slug="achat-local").exists()


def test_other_person_cannot_update_profile(person):
    """Nobody but the person may change their profile."""
    intruder = UserFactory()

    with pytest.raises(PermissionDenied):
        _update(intruder, person, display_name="Piraté")

    person.refresh_from_db()
    assert person.display_name == "Marie Tremblay"


def test_staff_can_update_someone_elses_profile(person, staff):
    """Staff may correct a person's profile."""
    _update(staff, person, display_name="Marie Tremblay (corrigé)")

    person.refresh_from_db()
    assert person.display_name == "Marie Tremblay (corrigé)"


# give_consent / withdraw_consent / set_consents


def test_giving_consent_records_date(person):
    """Giving a consent creates a current row dated now."""
    consent = services.give_consent(user=person, purpose=Purpose.EMAIL)

    assert consent.given_at is not None
    assert consent.withdrawn_at is None
    assert services.current_consents(person) == {Purpose.EMAIL}


def test_giving_consent_twice_keeps_first_date(person):
    """A second give is a no-op that keeps the original row and date."""
    first = services.give_consent(user=person, purpose=Purpose.EMAIL)

    second = services.give_consent(user=person, purpose=Purpose.EMAIL)

    assert second.pk == first.pk
    assert second.given_at == first.given_at
    assert Consent.objects.filter(user=person).count() == 1


def test_withdrawing_consent_keeps_history(person):
    """Withdrawing dates the row instead of deleting it."""
    consent = services.give_consent(user=person, purpose=Purpose.DIRECTORY)

    services.withdraw_consent(user=person, purpose=Purpose.DIRECTORY)

    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_at >= consent.given_at
    assert services.current_consents(person) == set()


def test_giving_again_after_withdrawal_creates_new_row(person):
    """Consent given, withdrawn and given again leaves two dated rows."""
    first = services.give_consent(user=person, purpose=Purpose.EMAIL)
    services.withdraw_consent(user=person, purpose=Purpose.EMAIL)

    second = services.give_consent(user=person, purpose=Purpose.EMAIL)

    assert second.pk != first.pk
    history = Consent.objects.filter(user=person, purpose=Purpose.EMAIL)
    assert history.count() == 2
    assert history.current().get() == second


def test_only_one_current_consent_per_purpose(person):
    """Whatever the sequence, a purpose has at most one current row."""
    for step in ["give", "give", "withdraw", "withdraw", "give", "give"]:
        if step == "give":
            services.give_consent(user=person, purpose=Purpose.EMAIL)
        else:
            services.withdraw_consent(user=person, purpose=Purpose.EMAIL)

    current = Consent.objects.current().filter(user=person, purpose=Purpose.EMAIL)
    assert current.count() == 1


def test_database_refuses_two_current_consents_for_one_purpose(person):
    """The constraint backs the service: a second current row is refused."""
    services.give_consent(user=person, purpose=Purpose.EMAIL)

    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.create(
            user=person, purpose=Purpose.EMAIL, given_at=timezone.now()
        )


def test_withdrawing_consent_never_given_does_nothing(person):
    """Withdrawing a consent that was never given creates no row."""
    services.withdraw_consent(user=person, purpose=Purpose.DIRECTORY)

    assert not Consent.objects.filter(user=person).exists()


def test_set_consents_gives_and_withdraws_each_purpose(person):
    """Each optional purpose follows the person's choice."""
    services.give_consent(user=person, purpose=Purpose.DIRECTORY)

    services.set_consents(
        user=person, purposes={Purpose.EMAIL: True, Purpose.DIRECTORY: False}
    )

    assert services.current_consents(person) == {Purpose.EMAIL}


def test_set_consents_ignores_terms(person):
    """Terms cannot be withdrawn (or given) through the consent settings."""
    services.give_consent(user=person, purpose=Purpose.TERMS)
    stranger = UserFactory()

    services.set_consents(user=person, purposes={Purpose.TERMS: False})
    services.set_consents(user=stranger, purposes={Purpose.TERMS: True})

    assert services.current_consents(person) == {Purpose.TERMS}
    assert services.current_consents(stranger) == set()


# complete_signup


def test_signup_records_terms_and_email_consent(db):
    """Sign-up saves name and language, terms, and the optional e-mail consent."""
    user = UserFactory(display_name="")

    services.complete_signup(
        user=user, display_name="Luc Côté", language="en", email_notifications=True
    )

    user.refresh_from_db()
    assert user.display_name == "Luc Côté"
    assert user.language == "en"
    assert services.current_consents(user) == {Purpose.TERMS, Purpose.EMAIL}


def test_signup_without_email_consent_records_terms_only(db):
    """Declining notifications at sign-up records only the terms."""
    user = UserFactory()

    services.complete_signup(
        user=user, display_name="Luc Côté", language="fr", email_notifications=False
    )

    assert services.current_consents(user) == {Purpose.TERMS}


def test_signup_ignores_unknown_language(db):
    """An unsupported language keeps the default one."""
    user = UserFactory()

    services.complete_signup(
        user=user, display_name="Luc", language="de", email_notifications=False
    )

    user.refresh_from_db()
    assert user.language == User.Language.FRENCH


# export_personal_data


@pytest.fixture
def rich_person(person):
    """A person with a profile, consents, memberships and invitations sent."""
    _update(
        person,
        person,
        job_title="Nutritionniste",
        organisation=OrganisationFactory(name="CPE Les Érables"),
        region=Region.objects.get(code="16"),
        bio="Passionnée de circuits courts.",
        expertise_names=["Achat local"],
        open_to_contact=True,
    )
    services.complete_signup(
        user=person,
        display_name="Marie Tremblay",
        language="fr",
        email_notifications=True,
    )
    services.withdraw_consent(user=person, purpose=Purpose.EMAIL)
    led = CommunityFactory(name="Montérégie mange local")
    MembershipFactory(community=led, user=person, role=Membership.Role.FACILITATOR)
    reviewed = CommunityFactory(
        name="Cantines de l'Estrie", join_policy=Community.JoinPolicy.REQUEST
    )
    community_services.request_membership(
        user=person, community=reviewed, message="Je gère une cuisine de CPE."
    )
    community_services.invite_member(
        actor=person,
        community=led,
        email="collegue@exemple.qc.ca",
        message="Joins-toi à nous!",
    )
    return person


def test_export_contains_profile(rich_person):
    """The export holds the account and every profile field."""
    data = services.export_personal_data(user=rich_person)

    assert data["account"]["email"] == "marie@exemple.qc.ca"
    assert data["profile"] == {
        "display_name": "Marie Tremblay",
        "job_title": "Nutritionniste",
        "organisation": "CPE Les Érables",
        "region": "16",
        "bio": "Passionnée de circuits courts.",
        "languages": ["fr"],
        "expertise": ["Achat local"],
        "open_to_contact": True,
    }
    assert data["email_addresses"] == [
        {"email": "marie@exemple.qc.ca", "verified": True, "primary": True}
    ]


def test_export_contains_consent_history(rich_person):
    """Given and withdrawn consents are exported with their dates."""
    data = services.export_personal_data(user=rich_person)

    by_purpose = {c["purpose"]: c for c in data["consents"]}
    assert set(by_purpose) == {Purpose.TERMS, Purpose.EMAIL}
    assert by_purpose[Purpose.TERMS]["withdrawn_at"] is None
    assert by_purpose[Purpose.EMAIL]["withdrawn_at"] is not None


def test_export_contains_memberships_with_request_message(rich_person):
    """Memberships are exported, a pending request with its message."""
    data = services.export_personal_data(user=rich_person)

    by_community = {m["community"]: m for m in data["memberships"]}
    assert by_community["Montérégie mange local"]["role"] == "facilitator"
    assert by_community["Montérégie mange local"]["state"] == "active"
    request = by_community["Cantines de l'Estrie"]
    assert request["state"] == "requested"
    assert request["request_message"] == "Je gère une cuisine de CPE."


def test_export_contains_invitations_sent(rich_person):
    """Invitations the person sent are exported with address and message."""
    data = services.export_personal_data(user=rich_person)

    assert len(data["invitations_sent"]) == 1
    sent = data["invitations_sent"][0]
    assert sent["community"] == "Montérégie mange local"
    assert sent["email"] == "collegue@exemple.qc.ca"
    assert sent["message"] == "Joins-toi à nous!"


def test_export_is_json_serialisable(rich_person):
    """The whole export can be written as JSON as is."""
    data = services.export_personal_data(user=rich_person)

    assert json.loads(json.dumps(data))["format"] == "maillage-personal-data/1"


def test_export_holds_nothing_about_other_people(rich_person):
    """Another person's data does not leak into the export."""
    other = UserFactory(display_name="Quelqu'un d'autre")
    services.give_consent(user=other, purpose=Purpose.DIRECTORY)

    dumped = json.dumps(services.export_personal_data(user=rich_person))

    assert other.email not in dumped
    assert Purpose.DIRECTORY not in dumped


# delete_account


@pytest.fixture
def deleted(rich_person, client):
    """The rich person, with more history, after deleting their account."""
    removed_from = CommunityFactory(name="Communauté quittée de force")
    MembershipFactory(community=removed_from, user=rich_person, state=State.REMOVED)
    left = CommunityFactory(name="Communauté quittée")
    MembershipFactory(community=left, user=rich_person, state=State.LEFT)
    inviter = MembershipFactory(
        community=CommunityFactory(name="Communauté qui invite"),
        role=Membership.Role.FACILITATOR,
    )
    community_services.invite_member(
        actor=inviter.user,
        community=inviter.community,
        email="MARIE@exemple.qc.ca",
        message="Marie, viens nous aider.",
    )
    authored = CommunityFactory(name="Lancée par Marie", created_by=rich_person)
    # Marie hands over her community first: deleting the only facilitator is refused.
    MembershipFactory(
        community=Community.objects.get(name="Montérégie mange local"),
        role=Membership.Role.FACILITATOR,
    )
    assert client.login(email="marie@exemple.qc.ca", password="motdepasse-123")
    client.logout()

    services.delete_account(user=rich_person)

    rich_person.refresh_from_db()
    return {"user": rich_person, "inviter": inviter, "authored": authored}


def test_deleted_user_cannot_log_in(deleted, client):
    """Neither the old address nor the password opens the account any more."""
    user = deleted["user"]

    assert not client.login(email="marie@exemple.qc.ca", password="motdepasse-123")
    assert not client.login(email=user.email, password="motdepasse-123")
    assert user.is_active is False
    assert not user.has_usable_password()
    assert user.is_deleted


def test_deleted_user_email_is_replaced(deleted):
    """The address is replaced by a non-deliverable placeholder."""
    user = deleted["user"]

    assert user.email == f"deleted-{user.pk}@invalid.invalid"
    assert not User.objects.filter(email__iexact="marie@exemple.qc.ca").exists()


def test_deleted_user_profile_is_cleared(deleted):
    """Every profile field is emptied and privileges removed."""
    user = deleted["user"]

    assert user.display_name == ""
    assert user.job_title == ""
    assert user.organisation is None
    assert user.region is None
    assert user.bio == ""
    assert user.languages == []
    assert user.open_to_contact is False
    assert user.can_launch_communities is False
    assert user.is_staff is False
    assert user.is_superuser is False
    assert not user.expertise.exists()


def test_deleted_user_consents_are_withdrawn_but_kept(deleted):
    """Consents stay as history, all withdrawn."""
    user = deleted["user"]

    assert Consent.objects.filter(user=user).exists()
    assert not Consent.objects.current().filter(user=user).exists()


def test_deleted_user_leaves_every_community(deleted):
    """Every membership becomes 'left', except a removal, which stays on record."""
    states = {
        m.community.name: m.state
        for m in Membership.objects.filter(user=deleted["user"])
    }

    assert states == {
        "Montérégie mange local": State.LEFT,
        "Cantines de l'Estrie": State.LEFT,
        "Communauté quittée de force": State.REMOVED,
        "Communauté quittée": State.LEFT,
        "Communauté qui invite": State.LEFT,  # was 'invited'
    }


def test_deleted_user_messages_are_erased(deleted):
    """Request messages and the messages of invitations they sent are erased."""
    user = deleted["user"]

    assert set(
        Membership.objects.filter(user=user).values_list("request_message", flat=True)
    ) == {""}
    sent = Invitation.objects.get(email="collegue@exemple.qc.ca")
    assert sent.message == ""


def test_invitations_addressed_to_deleted_user_are_revoked(deleted):
    """A pending invitation to their address is revoked and loses the address."""
    addressed = Invitation.objects.get(community=deleted["inviter"].community)

    assert addressed.revoked_at is not None
    assert addressed.message == ""
    assert "marie" not in addressed.email.lower()


def test_deleted_user_email_addresses_are_removed(deleted):
    """allauth's e-mail address rows are deleted."""
    assert not EmailAddress.objects.filter(user=deleted["user"]).exists()
    assert not EmailAddress.objects.filter(email__iexact="marie@exemple.qc.ca").exists()


def test_deleted_user_is_shown_as_former_member(deleted):
    """Contributions show 'Ancien membre' (in French) instead of a name."""
    user = deleted["user"]

    with translation.override("fr"):
        assert str(user.public_name) == "Ancien membre"
        assert str(user) == "Ancien membre"
    with translation.override("en"):
        assert str(user.public_name) == "Former member"


def test_deleted_user_row_is_kept_for_contributions(deleted):
    """The row stays so that contributions keep their (anonymous) author."""
    user = deleted["user"]

    assert User.objects.filter(pk=user.pk).exists()
    deleted["authored"].refresh_from_db()
    assert deleted["authored"].created_by == user


def test_deleted_user_is_not_among_active_people(deleted):
    """A deleted account is left out of the people who can sign in."""
    assert deleted["user"] not in User.objects.active()


def test_deleted_address_can_sign_up_again(deleted):
    """The freed address may be used for a new account."""
    newcomer = UserFactory(email="marie@exemple.qc.ca")

    assert newcomer.pk != deleted["user"].pk


def test_only_facilitator_cannot_delete_account(rich_person):
    """Deleting is refused while the person alone facilitates a community."""
    with pytest.raises(ValidationError) as refused:
        services.delete_account(user=rich_person)

    assert "Montérégie mange local" in refused.value.messages[0]
    rich_person.refresh_from_db()
    assert rich_person.deleted_at is None
