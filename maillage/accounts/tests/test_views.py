"""Account pages: sign-up, profile, consents, export and deletion."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent, User
from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Membership
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "julie.gagnon@cpe.qc.ca",
    "password1": "Carottes-du-Quebec-26",
    "password2": "Carottes-du-Quebec-26",
    "display_name": "Julie Gagnon",
    "accept_terms": "on",
}


def test_signup_records_name_language_and_consents(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    """Signing up stores the name and the dated consents, and asks to verify."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"), {**SIGNUP, "email_notifications": "on"}
        )
    assert response.status_code == 302
    user = User.objects.get(email="julie.gagnon@cpe.qc.ca")
    assert user.display_name == "Julie Gagnon"
    assert user.language == "fr"
    purposes = set(user.consents.current().values_list("purpose", flat=True))
    assert purposes == {Consent.Purpose.TERMS, Consent.Purpose.EMAIL}
    assert not EmailAddress.objects.get(user=user).verified
    assert "confirm-email" in mailoutbox[0].body


def test_signup_without_accepting_terms_is_refused(client):
    """The terms box is required; the typed name and e-mail are kept."""
    data = {**SIGNUP}
    del data["accept_terms"]
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert "accept_terms" in response.context["form"].errors
    html = response.content.decode()
    assert 'value="Julie Gagnon"' in html
    assert 'value="julie.gagnon@cpe.qc.ca"' in html
    assert not User.objects.exists()


def test_unverified_account_cannot_log_in(client):
    """Logging in before verifying the address does not open a session."""
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()
    client.post(
        reverse("account_login"),
        {"login": SIGNUP["email"], "password": SIGNUP["password1"]},
    )
    assert "_auth_user_id" not in client.session


def test_login_by_email(client):
    """A verified person logs in with e-mail and password."""
    person = UserFactory()
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": "motdepasse-123"}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == person.pk


def test_password_reset_sends_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    """A reset request for a known address sends a reset link."""
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": person.email})
    assert mailoutbox[0].to == [person.email]
    assert "/compte/password/reset/key/" in mailoutbox[0].body


def test_profile_update_saves_profile_and_tags(client):
    """The profile form saves fields and turns expertise into tags."""
    person = UserFactory()
    organisation = OrganisationFactory()
    client.force_login(person)
    response = client.post(
        reverse("accounts:profile_update"),
        {
            "display_name": "Luc Bouchard",
            "job_title": "Chef cuisinier",
            "organisation": organisation.pk,
            "region": Region.objects.get(code="05").pk,
            "bio": "Vingt ans en CHSLD.",
            "languages": ["fr", "en"],
            "expertise_names": "achats locaux, menus de CPE, achats locaux",
            "open_to_contact": "on",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.job_title == "Chef cuisinier"
    assert person.languages == ["fr", "en"]
    assert sorted(t.name for t in person.expertise.all()) == [
        "achats locaux",
        "menus de CPE",
    ]


def test_profile_update_bad_input_keeps_typed_values(client):
    """A missing name is refused next to the field and the bio is kept."""
    person = UserFactory(display_name="Avant")
    client.force_login(person)
    response = client.post(
        reverse("accounts:profile_update"),
        {"display_name": "", "bio": "Texte gardé", "region": "9999"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "display_name" in errors and "region" in errors
    assert "Texte gardé" in response.content.decode()
    person.refresh_from_db()
    assert person.display_name == "Avant"


def test_consents_are_given_and_withdrawn_with_dates(client):
    """The consent page records each choice and keeps the history."""
    person = UserFactory()
    client.force_login(person)
    url = reverse("accounts:privacy_settings")
    client.post(url, {"directory": "on"})
    assert person.consents.current().filter(purpose="directory").exists()
    client.post(url, {})
    consent = person.consents.get(purpose="directory")
    assert consent.withdrawn_at is not None
    assert client.get(url).status_code == 200


def test_data_export_downloads_json_after_confirmation(client, community, member):
    """GET asks for confirmation; POST downloads everything the person gave."""
    client.force_login(member)
    url = reverse("accounts:data_export")
    assert client.get(url)["Content-Type"].startswith("text/html")
    response = client.post(url)
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["memberships"][0]["community"] == community.name


def test_account_deletion_needs_password_and_confirmation(client, member):
    """A wrong password or an unticked box deletes nothing."""
    client.force_login(member)
    url = reverse("accounts:account_delete")
    response = client.post(url, {"password": "faux"})
    form = response.context["form"]
    assert "password" in form.errors and "confirm" in form.errors
    member.refresh_from_db()
    assert member.deleted_at is None


def test_account_deletion_anonymises_and_logs_out(client, community, member):
    """Deleting erases identity, keeps the row, and ends the session."""
    client.force_login(member)
    response = client.post(
        reverse("accounts:account_delete"),
        {"password": "motdepasse-123", "confirm": "on"},
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    member.refresh_from_db()
    assert member.deleted_at is not None
    assert member.display_name == ""
    assert Membership.objects.get(user=member).state == Membership.State.LEFT
    assert not client.login(email="personne@exemple.qc.ca", password="motdepasse-123")


def test_privacy_policy_publishes_the_officer(client):
    """The public privacy page shows the officer set by staff."""
    from maillage.accounts.models import PrivacyOfficer

    PrivacyOfficer.objects.create(name="Hélène Roy", email="vie-privee@exemple.org")
    html = client.get(reverse("accounts:privacy_policy")).content.decode()
    assert "Hélène Roy" in html and "vie-privee@exemple.org" in html


def test_language_switch_persists_in_cookie_and_account(client):
    """Choosing English sets the language cookie and remembers it on the account."""
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("accounts:set_language"), {"language": "en", "next": "/"}
    )
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    person.refresh_from_db()
    assert person.language == "en"
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html


def test_organisation_duplicate_in_region_is_refused(client):
    """Adding an organisation whose name exists in the region shows an error."""
    existing = OrganisationFactory(name="CPE Les Érables")
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("organisations:organisation_create"),
        {
            "name": "cpe les erables",
            "sector": existing.sector.pk,
            "region": existing.region.pk,
        },
    )
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert 'value="cpe les erables"' in response.content.decode()


def test_only_facilitator_cannot_delete_account(client, community, facilitator):
    """The last facilitator is asked to hand over before deleting the account."""
    client.force_login(facilitator)
    response = client.post(
        reverse("accounts:account_delete"),
        {"password": "motdepasse-123", "confirm": "on"},
    )
    assert response.status_code == 200
    assert community.name in response.content.decode()
    facilitator.refresh_from_db()
    assert facilitator.deleted_at is None


def test_browser_language_does_not_override_french(client):
    """An English browser still gets French until the person chooses English."""
    html = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).content
    assert b'<html lang="fr">' in html


def test_account_language_applies_without_cookie(client):
    """On a new browser, a signed-in person gets the language of their account."""
    person = UserFactory(language="en")
    client.force_login(person)
    assert b'<html lang="en">' in client.get("/").content


def test_stylesheet_is_served(client):
    """The site's own stylesheet is found and served (no CDN)."""
    response = client.get("/static/maillage/maillage.css")
    assert response.status_code == 200
    assert b"--brand" in b"".join(response.streaming_content)


def test_directory_lists_a_person_once_whatever_matches_twice(client):
    """Two matching expertise tags, or a consent withdrawn then given again,
    never list a person twice, and the count says one person."""
    person = UserFactory(display_name="Amélie Achat-Local")
    person.expertise.set(
        account_services.tags_from_names(["Achat local", "Achat local bio"])
    )
    account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    account_services.withdraw_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    other = UserFactory(display_name="Bruno Ailleurs")
    account_services.give_consent(user=other, purpose=Consent.Purpose.DIRECTORY)
    client.force_login(UserFactory())

    response = client.get(reverse("accounts:directory"), {"expertise": "achat"})

    page = response.context["page"]
    assert [p.display_name for p in page] == ["Amélie Achat-Local"]
    assert page.paginator.count == 1


def test_directory_search_finds_names_titles_and_organisations_once(client):
    """The search looks inside names, job titles and organisations' names,
    without accents or case, and lists a person matching twice once."""
    from maillage.organisations.tests.factories import OrganisationFactory

    shown = {
        "Élise Gagnon": {},
        "Paul Roy": {"job_title": "Responsable chez les Gagnon"},
        "Anne Nadeau": {"organisation": OrganisationFactory(name="Fermes GAGNON")},
        "Gaby Gagnon": {"organisation": OrganisationFactory(name="Gagnon et fils")},
    }
    for name, fields in {**shown, "Léa Côté": {}}.items():
        person = UserFactory(display_name=name, **fields)
        account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    hidden = UserFactory(display_name="Jean Gagnon")  # no consent
    client.force_login(hidden)

    response = client.get(reverse("accounts:directory"), {"q": "gagnon"})

    page = response.context["page"]
    assert [p.display_name for p in page] == sorted(shown)
    assert page.paginator.count == 4


def test_the_directory_follows_consents_and_organisation_names(client):
    """Withdrawing the consent, deleting the account or renaming the
    organisation shows at once in the directory (its copies are kept)."""
    from maillage.organisations.tests.factories import OrganisationFactory

    farm = OrganisationFactory(name="Ferme Ancienne")
    person = UserFactory(display_name="Rita Roy", organisation=farm)
    account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    client.force_login(UserFactory())

    def found(q):
        response = client.get(reverse("accounts:directory"), {"q": q})
        return [p.display_name for p in response.context["page"]]

    assert found("ancienne") == ["Rita Roy"]
    farm.name = "Ferme Nouvelle"
    farm.save()
    assert found("ancienne") == []
    assert found("nouvelle") == ["Rita Roy"]

    account_services.withdraw_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    assert found("rita") == []
    account_services.give_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    person.save()  # a full save of the same object keeps the new value
    assert found("rita") == ["Rita Roy"]
    account_services.withdraw_consent(user=person, purpose=Consent.Purpose.DIRECTORY)
    person.save()
    assert found("rita") == []
    Consent.objects.create(
        user=person, purpose=Consent.Purpose.DIRECTORY, given_at=timezone.now()
    )  # as the admin would
    assert found("rita") == ["Rita Roy"]
    person.organisation = None
    person.save()
    assert found("nouvelle") == []
    person.refresh_from_db()
    assert person.listed
    account_services.delete_account(user=person)
    person.refresh_from_db()
    assert not person.listed
