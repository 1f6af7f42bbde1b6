import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from maillage.accounts.models import Consent, ExpertiseTag, PrivacyOfficer, User
from maillage.communities.models import Community, Invitation, Membership
from maillage.demo.seed import DEMO_PASSWORD, seed_demo
from maillage.method.models import (
    CharterRevision,
    CommunitySetupStep,
    Dissolution,
    Objective,
    ObjectiveProgress,
    StageChange,
)
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
    # Bas-Saint-Laurent was dissolved: its pending requests were closed then.
    assert set(requested.values_list("community__slug", flat=True)) == {
        "estrie-a-table"
    }
    assert Membership.objects.filter(
        community__slug="bas-saint-laurent-nourricier",
        state=Membership.State.LEFT,
        decided_at__isnull=False,
    ).exists()
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


def test_seeded_communities_store_their_true_member_count():
    """The home page's counts come from the stored count: the demo keeps it true."""
    seed_demo()

    for community in Community.objects.all():
        active = Membership.objects.active().filter(community=community).count()
        assert (community.name, community.member_count) == (community.name, active)
    assert Community.objects.filter(member_count__gt=0).count() >= 4


def test_seeding_completes_a_partially_seeded_database():
    """A run after rows were deleted recreates exactly what is missing."""
    seed_demo()
    before = _counts()
    Community.objects.get(slug="estrie-a-table").delete()
    # Someone of live communities only: an archived one takes nobody back.
    User.objects.get(email="isabelle.gagnon@exemple.qc.ca").delete()

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
    # One archived community: the singular, as French wants it.
    assert "1 communauté dissoute," in output
    assert "4 communautés," in output


def test_command_refuses_without_debug(settings):
    """With DEBUG off the command refuses: the demo staff password is public."""
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=io.StringIO())


# The method ----------------------------------------------------------------------


def _community(slug):
    return Community.objects.get(slug=slug)


def test_demo_communities_are_at_different_stages_of_life():
    """Montérégie matures, Estrie coalesces, Bas-Saint-Laurent is dissolved and
    archived, and Montréal (private) is in stewardship."""
    seed_demo()

    stages = dict(Community.objects.values_list("slug", "stage"))
    assert stages == {
        "monteregie-mange-local": Community.Stage.MATURING,
        "estrie-a-table": Community.Stage.COALESCING,
        "bas-saint-laurent-nourricier": Community.Stage.TRANSFORMATION,
        "cuisines-collectives-montreal": Community.Stage.STEWARDSHIP,
    }
    archived = set(
        Community.objects.filter(archived_at__isnull=False).values_list(
            "slug", flat=True
        )
    )
    assert archived == {"bas-saint-laurent-nourricier"}
    for community in Community.objects.all():
        changes = list(community.stage_changes.order_by("created_at"))
        assert changes[-1].to_stage == community.stage
        assert all(change.reason for change in changes)


def test_monteregie_is_mature_with_an_adopted_charter_and_objectives_in_progress():
    """Montérégie has two charter revisions, the last adopted, and objectives in
    progress with dated progress updates."""
    seed_demo()
    monteregie = _community("monteregie-mange-local")

    revisions = list(monteregie.charter_revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].values["rhythm"] != revisions[1].values["rhythm"]
    assert monteregie.charter.adopted_on is not None
    quebec = monteregie.objectives.get(title__startswith="Atteindre 35 %")
    assert quebec.status == Objective.Status.IN_PROGRESS
    assert quebec.progress_updates.count() == 3
    assert quebec.percent_of(quebec.progress_updates.first().value) > 0
    assert monteregie.objectives.filter(status=Objective.Status.REACHED).exists()


def test_estrie_has_its_setup_path_half_done():
    """Estrie, newly started, has finished some steps of its setup path, not all."""
    seed_demo()

    steps = list(_community("estrie-a-table").setup_steps.all())

    finished = [s for s in steps if s.is_finished]
    assert len(steps) == 7
    assert 0 < len(finished) < len(steps)
    assert any(s.status == CommunitySetupStep.Status.IN_PROGRESS for s in steps)


def test_bas_saint_laurent_is_dissolved_with_a_closing_summary():
    """The archived community has its summary, reached objectives, and no pending
    invitation left."""
    seed_demo()
    bsl = _community("bas-saint-laurent-nourricier")

    dissolution = bsl.dissolutions.get()
    assert dissolution.achieved
    assert dissolution.learned
    assert bsl.archived_at == dissolution.created_at
    assert not bsl.objectives.exclude(status=Objective.Status.REACHED).exists()
    assert not bsl.invitations.pending().exists()
    assert bsl.memberships.filter(state=Membership.State.ACTIVE).count() >= 10


def test_montreal_skipped_a_step_with_its_reason():
    """The private community skipped one setup step and says why."""
    seed_demo()

    skipped = _community("cuisines-collectives-montreal").setup_steps.get(
        status=CommunitySetupStep.Status.SKIPPED
    )

    assert skipped.skip_reason


def test_reseeding_leaves_the_archived_community_as_it_is():
    """A missing member of the archived community is not brought back by a new run,
    and a second run writes nothing more of the method."""
    seed_demo()
    User.objects.get(email="sylvain.roy@exemple.qc.ca").delete()
    method_rows = _method_counts()

    result = seed_demo()

    bsl = _community("bas-saint-laurent-nourricier")
    assert bsl.is_archived
    assert not bsl.memberships.filter(user__email="sylvain.roy@exemple.qc.ca")
    assert Membership.objects.filter(
        community__slug="monteregie-mange-local",
        user__email="sylvain.roy@exemple.qc.ca",
    ).exists()
    assert _method_counts() == method_rows
    assert result["created"]["dissolutions"] == 0


def test_reseeding_keeps_what_people_changed_in_the_method():
    """A setup step changed while trying the demo is not reset by a new run."""
    seed_demo()
    step = _community("estrie-a-table").setup_steps.get(position=70)
    CommunitySetupStep.objects.filter(pk=step.pk).update(
        status=CommunitySetupStep.Status.DONE
    )

    seed_demo()

    step.refresh_from_db()
    assert step.status == CommunitySetupStep.Status.DONE


def _method_counts():
    models = [StageChange, CharterRevision, Objective, ObjectiveProgress, Dissolution]
    return {model.__name__: model.objects.count() for model in models}
