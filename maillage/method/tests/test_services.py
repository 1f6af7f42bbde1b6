"""The method's services: proposals, setup path, charter, objectives, stages."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django.utils.text import capfirst

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.method import selectors as method_selectors
from maillage.method import services as method_services
from maillage.method.models import (
    Charter,
    CharterRevision,
    CommunityProposal,
    CommunitySetupStep,
    Objective,
    SetupStepTemplate,
    StageChange,
)
from maillage.method.tests.factories import ObjectiveFactory, ProposalFactory
from maillage.territories.models import Region

Step = CommunitySetupStep.Status
SITE = "https://maillage.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.MAILLAGE_SITE_URL = SITE + "/"


@pytest.fixture
def steps(community):
    """The conftest community's own setup path (factories skip the service)."""
    return method_services.copy_setup_path(community)


def _label(name):
    return capfirst(Charter._meta.get_field(name).verbose_name)


def _charter_fields(**changes):
    fields = {
        "mandate": "Apprendre entre pairs.",
        "domain": "Les achats locaux des CPE.",
        "rhythm": "Une rencontre par mois.",
    }
    return {**fields, **changes}


# Setup-step templates ---------------------------------------------------------------


def test_migration_gives_the_guide_seven_steps_in_both_languages(db):
    """The data migration seeds the seven key steps, each in French and English."""
    templates = list(SetupStepTemplate.objects.all())

    assert len(templates) == 7
    assert templates[0].title_fr == "Analyser le territoire et ses besoins"
    assert templates[-1].title_en == "Live, evaluate and adjust"
    assert all(t.advice_fr and t.advice_en and t.deliverable_fr for t in templates)


def test_step_text_follows_the_page_language(db):
    """A step shows its English text in English, its French text otherwise."""
    template = SetupStepTemplate.objects.first()

    with translation.override("en"):
        english = template.title
    with translation.override("fr"):
        french = template.title

    assert english == "Analyse the territory and its needs"
    assert french == "Analyser le territoire et ses besoins"


def test_new_community_gets_its_own_copy_of_the_active_steps(staff):
    """Creating a community copies the active templates; inactive ones are left out."""
    SetupStepTemplate.objects.filter(position=70).update(is_active=False)

    community = services.create_community(
        actor=staff,
        name="Laval en cuisine",
        slug="laval",
        domain="Menus locaux",
        regions=[Region.objects.get(code="13")],
    )

    titles = list(community.setup_steps.values_list("title_fr", flat=True))
    assert len(titles) == 6
    assert titles[0] == "Analyser le territoire et ses besoins"
    assert all(s.status == Step.TODO for s in community.setup_steps.all())


def test_a_community_keeps_the_steps_it_started_with(steps, community):
    """Editing or removing a template later leaves existing communities' steps."""
    template = SetupStepTemplate.objects.get(position=10)
    template.title_fr = "Titre changé"
    template.save()
    SetupStepTemplate.objects.filter(position=20).delete()

    titles = list(community.setup_steps.values_list("title_fr", flat=True))

    assert len(titles) == 7
    assert titles[0] == "Analyser le territoire et ses besoins"


# Setup path -------------------------------------------------------------------------


def test_facilitator_marks_a_step_done_with_notes(steps, facilitator):
    """A step records its new status, the notes, who changed it and when."""
    step = method_services.update_setup_step(
        actor=facilitator, step=steps[0], status=Step.DONE, notes="  Portrait fait. "
    )

    step.refresh_from_db()
    assert step.status == Step.DONE
    assert step.notes == "Portrait fait."
    assert step.changed_by == facilitator
    assert step.changed_at is not None


def test_skipping_a_step_needs_a_reason(steps, facilitator):
    """Skipping without a reason is refused with an error on the reason field."""
    with pytest.raises(ValidationError) as error:
        method_services.update_setup_step(
            actor=facilitator, step=steps[1], status=Step.SKIPPED, skip_reason="  "
        )

    assert "skip_reason" in error.value.message_dict
    steps[1].refresh_from_db()
    assert steps[1].status == Step.TODO


def test_skip_reason_is_kept_only_while_the_step_is_skipped(steps, facilitator):
    """A step taken up again loses its skip reason, which no longer applies."""
    method_services.update_setup_step(
        actor=facilitator, step=steps[2], status=Step.SKIPPED, skip_reason="Déjà fait."
    )
    step = method_services.update_setup_step(
        actor=facilitator, step=steps[2], status=Step.IN_PROGRESS
    )

    assert step.skip_reason == ""


def test_saving_an_unchanged_step_records_no_change(steps, facilitator, staff):
    """Saving the same values again keeps the previous author and date."""
    method_services.update_setup_step(actor=facilitator, step=steps[0], status="done")
    before = CommunitySetupStep.objects.get(pk=steps[0].pk)

    method_services.update_setup_step(actor=staff, step=steps[0], status="done")

    after = CommunitySetupStep.objects.get(pk=steps[0].pk)
    assert (after.changed_by, after.changed_at) == (facilitator, before.changed_at)


@pytest.mark.parametrize("who", ["member", "outsider", "anonymous"])
def test_only_facilitators_and_staff_change_steps(steps, member, outsider, who):
    """Members read the setup path but may not change it; nor may others."""
    actor = {"member": member, "outsider": outsider, "anonymous": AnonymousUser()}[who]

    with pytest.raises(PermissionDenied):
        method_services.update_setup_step(actor=actor, step=steps[0], status="done")


def test_invalid_step_status_is_refused(steps, facilitator):
    """An unknown status is refused on the status field."""
    with pytest.raises(ValidationError) as error:
        method_services.update_setup_step(actor=facilitator, step=steps[0], status="x")

    assert "status" in error.value.message_dict


# Proposals --------------------------------------------------------------------------


def test_signed_in_person_proposes_a_community(outsider):
    """A proposal keeps who, which organisation, domain, regions and needs."""
    regions = list(Region.objects.filter(code__in=["15", "14"]))

    proposal = method_services.propose_community(
        proposer=outsider,
        role="Cuisinière",
        organisation="CPE Les Lucioles",
        name="Laurentides à table",
        domain="Menus de CPE",
        regions=regions,
        needs="Des fermes qui livrent.",
    )

    assert proposal.status == CommunityProposal.Status.PENDING
    assert set(proposal.regions.all()) == set(regions)
    assert proposal.proposer == outsider


def test_anonymous_visitor_cannot_propose(db):
    """Proposing requires an account."""
    with pytest.raises(PermissionDenied):
        method_services.propose_community(
            proposer=AnonymousUser(),
            role="x",
            organisation="x",
            name="x",
            domain="x",
            regions=[Region.objects.first()],
            needs="x",
        )


def test_proposal_without_region_is_refused(outsider):
    """A proposal names at least one region; nothing is saved otherwise."""
    with pytest.raises(ValidationError) as error:
        method_services.propose_community(
            proposer=outsider,
            role="Cuisinière",
            organisation="CPE",
            name="Sans région",
            domain="Menus",
            regions=[],
            needs="Des fermes.",
        )

    assert "regions" in error.value.message_dict
    assert not CommunityProposal.objects.exists()


def _accept(proposal, actor, **changes):
    values = {
        "name": "Laurentides à table",
        "slug": "laurentides-a-table",
        "domain": proposal.domain,
        "regions": list(proposal.regions.all()),
        "visibility": Community.Visibility.RESTRICTED,
        "join_policy": Community.JoinPolicy.REQUEST,
        "message": "Bienvenue!",
    }
    return method_services.accept_proposal(
        actor=actor, proposal=proposal, **{**values, **changes}
    )


def test_accepting_creates_the_community_with_the_proposer_as_facilitator(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    """Acceptance creates the community, its setup path, makes the proposer its
    facilitator and tells them by e-mail, in their language."""
    proposal = ProposalFactory(proposer__language="en")

    with django_capture_on_commit_callbacks(execute=True):
        community = _accept(proposal, staff, name="Laurentides (nom ajusté)")

    proposal.refresh_from_db()
    assert proposal.status == CommunityProposal.Status.ACCEPTED
    assert proposal.community == community
    assert proposal.decided_by == staff
    assert community.name == "Laurentides (nom ajusté)"
    assert community.visibility == Community.Visibility.RESTRICTED
    assert Membership.objects.facilitators().get(community=community).user == (
        proposal.proposer
    )
    assert not community.memberships.filter(user=staff).exists()
    assert community.setup_steps.count() == 7
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [proposal.proposer.email]
    assert "is created" in mail.subject
    assert "Bienvenue!" in mail.body
    assert f"{SITE}/c/laurentides-a-table/" in mail.body


def test_declining_needs_a_message_and_tells_the_proposer(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    """A decline says why; the proposer receives that message by e-mail."""
    proposal = ProposalFactory()
    with pytest.raises(ValidationError):
        method_services.decline_proposal(actor=staff, proposal=proposal, message=" ")

    with django_capture_on_commit_callbacks(execute=True):
        method_services.decline_proposal(
            actor=staff, proposal=proposal, message="Une communauté existe déjà."
        )

    proposal.refresh_from_db()
    assert proposal.status == CommunityProposal.Status.DECLINED
    assert proposal.community is None
    assert len(mailoutbox) == 1
    assert "Une communauté existe déjà." in mailoutbox[0].body


@pytest.mark.parametrize("decide", ["accept", "decline"])
def test_only_staff_decide_on_proposals(outsider, decide):
    """Non-staff people, even launchers, cannot answer a proposal."""
    proposal = ProposalFactory()
    launcher = UserFactory(can_launch_communities=True)

    for actor in (outsider, launcher, proposal.proposer):
        with pytest.raises(PermissionDenied):
            if decide == "accept":
                _accept(proposal, actor)
            else:
                method_services.decline_proposal(
                    actor=actor, proposal=proposal, message="Non."
                )

    assert CommunityProposal.objects.get().is_pending
    assert not Community.objects.exists()


def test_an_answered_proposal_cannot_be_answered_again(staff):
    """Accepting twice, or declining after accepting, is refused."""
    proposal = ProposalFactory()
    _accept(proposal, staff)

    with pytest.raises(ValidationError):
        _accept(proposal, staff, slug="autre")
    with pytest.raises(ValidationError):
        method_services.decline_proposal(actor=staff, proposal=proposal, message="x")

    assert Community.objects.count() == 1


def test_accepting_with_a_taken_address_creates_nothing(staff, community):
    """A taken web address is an error on the slug; the proposal stays pending."""
    proposal = ProposalFactory()

    with pytest.raises(ValidationError) as error:
        _accept(proposal, staff, slug=community.slug)

    assert "slug" in error.value.message_dict
    proposal.refresh_from_db()
    assert proposal.is_pending
    assert Community.objects.count() == 1


# Charter ----------------------------------------------------------------------------


def test_each_charter_save_is_a_numbered_revision(community, facilitator, staff):
    """Every change is kept: who, when, and every field's value."""
    first = method_services.save_charter(
        actor=facilitator, community=community, **_charter_fields(note="Brouillon")
    )
    second = method_services.save_charter(
        actor=staff,
        community=community,
        **_charter_fields(rhythm="Aux six semaines."),
        adopted_on=timezone.localdate(),
    )

    assert (first.number, second.number) == (1, 2)
    assert first.values["rhythm"] == "Une rencontre par mois."
    assert second.values["rhythm"] == "Aux six semaines."
    assert second.values["adopted_on"] == timezone.localdate().isoformat()
    assert (first.created_by, second.created_by) == (facilitator, staff)
    assert first.note == "Brouillon"
    assert community.charter.rhythm == "Aux six semaines."
    assert community.charter.updated_by == staff


def test_saving_an_unchanged_charter_makes_no_revision(community, facilitator):
    """Saving the same text again adds no empty revision."""
    method_services.save_charter(
        actor=facilitator, community=community, **_charter_fields()
    )

    again = method_services.save_charter(
        actor=facilitator, community=community, **_charter_fields()
    )

    assert again is None
    assert CharterRevision.objects.count() == 1


def test_charter_needs_a_mandate_and_a_domain(community, facilitator):
    """A blank mandate is refused on its field; nothing is saved."""
    with pytest.raises(ValidationError) as error:
        method_services.save_charter(
            actor=facilitator, community=community, **_charter_fields(mandate=" ")
        )

    assert "mandate" in error.value.message_dict
    assert not CharterRevision.objects.exists()
    assert not Charter.objects.exists()


def test_charter_cannot_be_adopted_in_the_future(community, facilitator):
    """An adoption date after today is refused on its field."""
    with pytest.raises(ValidationError) as error:
        method_services.save_charter(
            actor=facilitator,
            community=community,
            **_charter_fields(),
            adopted_on=timezone.localdate() + timedelta(days=1),
        )

    assert "adopted_on" in error.value.message_dict


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_members_read_the_charter_but_do_not_edit_it(community, member, outsider, who):
    """Only facilitators and staff save the charter."""
    actor = member if who == "member" else outsider

    with pytest.raises(PermissionDenied):
        method_services.save_charter(
            actor=actor, community=community, **_charter_fields()
        )


def test_history_shows_what_changed_between_revisions(community, facilitator):
    """The history lists revisions newest first, each with its word-level diff."""
    method_services.save_charter(
        actor=facilitator, community=community, **_charter_fields()
    )
    method_services.save_charter(
        actor=facilitator,
        community=community,
        **_charter_fields(rhythm="Une rencontre aux six semaines."),
    )

    newest, oldest = method_selectors.charter_history(community)

    assert newest.revision.number == 2
    assert [c.label for c in newest.changes] == [_label("rhythm")]
    segments = newest.changes[0].segments
    assert ("delete", "par mois.") in segments
    assert ("insert", "aux six semaines.") in segments
    assert ("equal", "Une rencontre ") in segments
    assert {c.label for c in oldest.changes} == {
        _label("mandate"),
        _label("domain"),
        _label("rhythm"),
    }


def test_diff_of_dates_reads_as_dates(community, facilitator):
    """Dates in the diff are written out, not as ISO codes."""
    method_services.save_charter(
        actor=facilitator, community=community, **_charter_fields()
    )
    method_services.save_charter(
        actor=facilitator,
        community=community,
        **_charter_fields(),
        adopted_on=date(2025, 3, 12),
    )

    newest = method_selectors.charter_history(community)[0]

    assert newest.changes[0].segments == [("insert", "12 mars 2025")]


# Objectives -------------------------------------------------------------------------


def _objective(community, actor, **changes):
    values = {
        "title": "Atteindre 35 % d'aliments du Québec",
        "indicator": "Part des achats",
        "baseline": Decimal("22"),
        "target": Decimal("35"),
        "unit": "%",
        "due_date": timezone.localdate() + timedelta(days=90),
    }
    return method_services.create_objective(
        actor=actor, community=community, **{**values, **changes}
    )


def test_facilitator_sets_an_objective(community, facilitator):
    """An objective is created planned, with its measure and due date."""
    objective = _objective(community, facilitator)

    assert objective.status == Objective.Status.PLANNED
    assert objective.created_by == facilitator
    assert objective.percent_of(Decimal("28.5")) == 50


def test_target_equal_to_baseline_is_refused(community, facilitator):
    """A target that does not differ from the baseline is an error on the target."""
    with pytest.raises(ValidationError) as error:
        _objective(community, facilitator, target=Decimal("22"))

    assert "target" in error.value.message_dict
    assert not Objective.objects.exists()


def test_progress_moves_a_planned_objective_in_progress(community, facilitator):
    """The first measure puts a planned objective in progress."""
    objective = _objective(community, facilitator)

    progress = method_services.record_progress(
        actor=facilitator,
        objective=objective,
        value=Decimal("25"),
        measured_on=timezone.localdate(),
        comment=" Bon début. ",
    )

    objective.refresh_from_db()
    assert objective.status == Objective.Status.IN_PROGRESS
    assert progress.comment == "Bon début."
    assert progress.recorded_by == facilitator


def test_progress_cannot_be_dated_in_the_future(community, facilitator):
    """A measure dated after today is refused on its date."""
    objective = _objective(community, facilitator)

    with pytest.raises(ValidationError) as error:
        method_services.record_progress(
            actor=facilitator,
            objective=objective,
            value=Decimal("25"),
            measured_on=timezone.localdate() + timedelta(days=1),
        )

    assert "measured_on" in error.value.message_dict
    assert not objective.progress_updates.exists()


def test_updating_an_objective_keeps_its_progress(community, facilitator):
    """Changing the status keeps the progress history."""
    objective = _objective(community, facilitator)
    method_services.record_progress(
        actor=facilitator,
        objective=objective,
        value=Decimal("35"),
        measured_on=timezone.localdate(),
    )

    method_services.update_objective(
        actor=facilitator,
        objective=objective,
        title=objective.title,
        target=objective.target,
        baseline=objective.baseline,
        status=Objective.Status.REACHED,
    )

    objective.refresh_from_db()
    assert objective.status == Objective.Status.REACHED
    assert objective.progress_updates.count() == 1


@pytest.mark.parametrize(
    ("baseline", "target", "value", "percent"),
    [
        ("0", "20", "5", 25),
        ("22", "35", "40", 100),
        ("22", "35", "10", 0),
        ("100", "50", "75", 50),
        (None, "10", "4", 40),
    ],
)
def test_percent_goes_from_baseline_to_target(baseline, target, value, percent):
    """Progress is the share of the way from baseline to target, within 0 and 100."""
    objective = Objective(
        baseline=Decimal(baseline) if baseline else None, target=Decimal(target)
    )

    assert objective.percent_of(Decimal(value)) == percent


def test_review_is_due_when_no_objective_is_left_open(community):
    """The future is up for review once every objective is reached or abandoned."""
    assert not method_selectors.review_is_due([])
    reached = ObjectiveFactory(community=community, status=Objective.Status.REACHED)
    assert method_selectors.review_is_due([reached])
    planned = ObjectiveFactory(community=community, status=Objective.Status.PLANNED)
    assert not method_selectors.review_is_due([reached, planned])


# Stages -----------------------------------------------------------------------------


def test_stage_change_is_recorded_with_its_reason(community, facilitator):
    """A change of stage keeps from, to, author, date and reason."""
    change = method_services.change_stage(
        actor=facilitator,
        community=community,
        stage=Community.Stage.COALESCING,
        reason="Rencontre de démarrage tenue.",
    )

    community.refresh_from_db()
    assert community.stage == Community.Stage.COALESCING
    assert (change.from_stage, change.to_stage) == ("potential", "coalescing")
    assert change.changed_by == facilitator
    assert change.reason == "Rencontre de démarrage tenue."


@pytest.mark.parametrize(
    ("stage", "reason", "field"),
    [
        (Community.Stage.POTENTIAL, "Pour voir.", "stage"),
        (Community.Stage.MATURING, " ", "reason"),
        ("ailleurs", "Pour voir.", "stage"),
    ],
)
def test_bad_stage_change_is_refused(community, facilitator, stage, reason, field):
    """The same stage, an unknown one, or no reason is refused; nothing recorded."""
    with pytest.raises(ValidationError) as error:
        method_services.change_stage(
            actor=facilitator, community=community, stage=stage, reason=reason
        )

    assert field in error.value.message_dict
    assert not StageChange.objects.exists()


def test_member_cannot_change_the_stage(community, member):
    """Members read the lifecycle; they do not change it."""
    with pytest.raises(PermissionDenied):
        method_services.change_stage(
            actor=member, community=community, stage="maturing", reason="Oui."
        )


def test_timeline_lists_events_newest_first(community, facilitator):
    """Stage changes and reorientations are merged in one timeline, newest first."""
    method_services.change_stage(
        actor=facilitator, community=community, stage="coalescing", reason="Un."
    )
    StageChange.objects.update(created_at=timezone.now() - timedelta(days=5))
    method_services.reorient_community(
        actor=facilitator, community=community, domain="Autre chose", reason="Deux."
    )

    events = method_selectors.stage_timeline(community)

    assert [e.kind for e in events] == ["reorientation", "stage"]
    assert events[0].actor == facilitator


# Dashboard --------------------------------------------------------------------------


def test_dashboard_gathers_what_needs_attention(community, facilitator, steps):
    """Requests, steps left and objectives due soon or overdue are listed."""
    MembershipFactory(community=community, state=Membership.State.REQUESTED)
    today = timezone.localdate()
    overdue = ObjectiveFactory(community=community, due_date=today - timedelta(1))
    soon = ObjectiveFactory(community=community, due_date=today + timedelta(10))
    ObjectiveFactory(community=community, due_date=today + timedelta(200))
    ObjectiveFactory(
        community=community,
        due_date=today - timedelta(1),
        status=Objective.Status.REACHED,
    )
    method_services.update_setup_step(actor=facilitator, step=steps[0], status="done")

    board = method_selectors.dashboard(community)

    assert len(board.requests) == 1
    assert len(board.steps_left) == 6
    assert [o.pk for o in board.objectives_due] == [overdue.pk, soon.pk]
    assert board.objectives_due[0].is_overdue
    assert not board.review_due
    assert board.stage_guide.stage == Community.Stage.POTENTIAL


def test_staff_also_steer_communities_they_do_not_belong_to(db, staff):
    """Staff may change any community's method, like its facilitators."""
    other = CommunityFactory()

    change = method_services.change_stage(
        actor=staff, community=other, stage="coalescing", reason="Lancement."
    )

    assert change.changed_by == staff
