import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from maillage.accounts.models import Consent, ExpertiseTag, PrivacyOfficer, User
from maillage.communities.models import Community, Invitation, Membership
from maillage.demo.seed import DEMO_PASSWORD, seed_demo
from maillage.organisations.models import Organisation, Sector

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [
    "admin@maillage.demo",
    "animatrice@maillage.demo",
    "membre@maillage.demo",
    "nouveau@maillage.demo",
]


def _counts():
    models = [
        User,
        Organisation,
        Community,
        Membership,
        Invitation,
        Consent,
        ExpertiseTag,
        EmailAddress,
        PrivacyOfficer,
    ]
    return {model.__name__: model.objects.count() for model in models}


def _active_slugs(email):
    return set(
        Membership.objects.active()
        .filter(user__email=email)
        .values_list("community__slug", flat=True)
    )


def test_seed_creates_communities_organisations_people_and_pending_work():
    """Seeding creates the four communities, organisations in every sector,
    people, pending requests and invitations, and a facilitator everywhere."""
    seed_demo()

    policies = dict(
        Community.objects.values_list("slug", "visibility").order_by("slug")
    )
    assert policies == {
        "bas-saint-laurent-nourricier": Community.Visibility.PUBLIC,
        "cuisines-collectives-montreal": Community.Visibility.PRIVATE,
        "estrie-a-table": Community.Visibility.RESTRICTED,
        "monteregie-mange-local": Community.Visibility.PUBLIC,
    }
    joins = dict(Community.objects.values_list("slug", "join_policy"))
    assert joins == {
        "bas-saint-laurent-nourricier": Community.JoinPolicy.REQUEST,
        "cuisines-collectives-montreal": Community.JoinPolicy.INVITATION,
        "estrie-a-table": Community.JoinPolicy.REQUEST,
        "monteregie-mange-local": Community.JoinPolicy.OPEN,
    }
    assert Organisation.objects.count() >= 35
    assert set(Organisation.objects.values_list("sector__code", flat=True)) == set(
        Sector.objects.values_list("code", flat=True)
    )
    assert User.objects.filter(organisation__isnull=False).count() >= 55
    requested = Membership.objects.requested().exclude(request_message="")
    assert set(requested.values_list("community__join_policy", flat=True)) == {
        Community.JoinPolicy.REQUEST
    }
    assert requested.values("community").distinct().count() == 2
    pending = Invitation.objects.pending()
    invited_people = User.objects.filter(email__in=pending.values("email"))
    assert invited_people.exists()
    assert pending.exclude(email__in=User.objects.values("email")).exists()
    for community in Community.objects.all():
        assert Membership.objects.facilitators().filter(community=community).exists()
    assert set(
        Membership.objects.active().values_list("role", flat=True).distinct()
    ) == set(Membership.Role.values)


def test_demo_logins_exist_and_can_sign_in(client):
    """The four demo accounts sign in with the demo password, in their roles."""
    seed_demo()

    for email in DEMO_EMAILS:
        assert EmailAddress.objects.filter(
            user__email=email, email=email, verified=True, primary=True
        ).exists()
        assert client.login(email=email, password=DEMO_PASSWORD), email
        client.logout()
    admin = User.objects.get(email="admin@maillage.demo")
    assert admin.is_staff
    assert admin.is_superuser
    assert User.objects.get(email="animatrice@maillage.demo").can_launch_communities
    assert set(
        Membership.objects.facilitators()
        .filter(user__email="animatrice@maillage.demo")
        .values_list("community__slug", flat=True)
    ) == {"monteregie-mange-local", "cuisines-collectives-montreal"}
    assert _active_slugs("membre@maillage.demo") == {
        "monteregie-mange-local",
        "estrie-a-table",
    }
    assert not Membership.objects.filter(user__email="nouveau@maillage.demo").exists()


def test_seeding_twice_changes_no_counts():
    """A second run creates nothing and leaves every model's row count unchanged."""
    seed_demo()
    before = _counts()

    result = seed_demo()

    assert _counts() == before
    assert not any(result["created"].values())


def test_seeding_completes_a_partially_seeded_database():
    """A run after rows were deleted recreates exactly what is missing."""
    seed_demo()
    before = _counts()
    Community.objects.get(slug="estrie-a-table").delete()
    User.objects.get(email="sylvain.roy@exemple.qc.ca").delete()

    result = seed_demo()

    assert _counts() == before
    assert result["created"]["communities"] == 1
    assert result["created"]["people"] == 1
    assert Membership.objects.facilitators().filter(
        community__slug="estrie-a-table",
        user__email="genevieve.tremblay@exemple.qc.ca",
    )


def test_command_prints_the_demo_logins():
    """The management command prints each demo login and the shared password."""
    out = io.StringIO()

    call_command("seed_demo", "--allow-without-debug", stdout=out)

    output = out.getvalue()
    assert "Comptes de démonstration (mot de passe : maillage-demo)" in output
    for email in DEMO_EMAILS:
        assert email in output


def test_command_refuses_without_debug(settings):
    """With DEBUG off the command refuses: the demo staff password is public."""
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=io.StringIO())
