"""The method's pages through the test client: the guide and proposals, setup path,
charter, objectives, stages, dashboard and closing; bad input keeps what was typed."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.method import services as method_services
from maillage.method.models import (
    CharterRevision,
    CommunityProposal,
    CommunitySetupStep,
    Dissolution,
    Objective,
    ObjectiveProgress,
    Reorientation,
    SetupStepTemplate,
    StageChange,
)
from maillage.method.tests.factories import (
    ObjectiveFactory,
    ProgressFactory,
    ProposalFactory,
)
from maillage.territories.models import Region

pytestmark = pytest.mark.django_db


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _url(name, community, *args):
    return reverse(f"method:{name}", args=[community.slug, *args])


def _errors(response, field):
    return response.context["form"].errors.get(field)


# Guide and proposals ----------------------------------------------------------------


def test_guide_presents_every_active_step_and_the_closing_step(client):
    """The public guide lists the key steps from the templates, then dissolution."""
    SetupStepTemplate.objects.filter(position=70).update(title_fr="Étape revue")

    response = client.get(reverse("method:guide"))

    html = response.content.decode()
    assert response.status_code == 200
    for template in SetupStepTemplate.objects.filter(is_active=True):
        assert escape(template.title_fr) in html
    assert "Étape revue" in html
    assert "Se dissoudre" in html
    assert "engagement mutuel" in html


def test_guide_reads_in_english(client):
    """With English chosen, the steps and the prose are in English."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get(reverse("method:guide")).content.decode()

    assert "Analyse the territory and its needs" in html
    assert "mutual commitment to peer learning" in html
    assert "Analyser le territoire" not in html


def test_guide_asks_anonymous_visitors_to_log_in_to_propose(client):
    """Anonymous visitors see a login link back to the form, and no form."""
    html = client.get(reverse("method:guide")).content.decode()

    assert 'name="needs"' not in html
    assert reverse("account_login") + "?next=/lancer-une-communaute/%23proposer" in html


def test_anonymous_proposal_is_sent_to_login(client):
    """A POST without an account saves nothing and asks to log in."""
    response = client.post(reverse("method:guide"), {"name": "X"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not CommunityProposal.objects.exists()


def test_guide_form_is_prefilled_from_the_profile(outsider):
    """The role and organisation come from the person's profile."""
    outsider.job_title = "Cuisinière en chef"
    outsider.save()

    response = _client(outsider).get(reverse("method:guide"))

    assert response.context["form"].initial["role"] == "Cuisinière en chef"


def _proposal_data(**changes):
    data = {
        "role": "Cuisinière",
        "organisation": "CPE Les Lucioles",
        "name": "Laurentides à table",
        "domain": "Menus de CPE",
        "regions": [Region.objects.get(code="15").pk],
        "needs": "Des fermes qui livrent en petites quantités.",
    }
    return {**data, **changes}


def test_signed_in_person_sends_a_proposal(outsider):
    """A valid proposal is saved and listed under 'Your proposals'."""
    client = _client(outsider)

    response = client.post(reverse("method:guide"), _proposal_data())

    assert response.status_code == 302
    proposal = CommunityProposal.objects.get()
    assert proposal.proposer == outsider
    html = client.get(reverse("method:guide")).content.decode()
    assert "Laurentides à table" in html


def test_proposal_without_region_keeps_what_was_typed(outsider):
    """A missing region is shown next to the field; the typed needs stay."""
    response = _client(outsider).post(
        reverse("method:guide"), _proposal_data(regions=[])
    )

    assert response.status_code == 200
    assert _errors(response, "regions")
    assert "Des fermes qui livrent en petites quantités." in response.content.decode()
    assert not CommunityProposal.objects.exists()


def test_staff_accept_a_proposal_with_adjusted_values(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    """Staff adjust the name and address, accept; the community exists and its
    proposer, told by e-mail, is the facilitator."""
    proposal = ProposalFactory()
    client = _client(staff)
    page = client.get(reverse("method:proposal_detail", args=[proposal.pk]))
    assert page.status_code == 200
    assert proposal.needs in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("method:proposal_accept", args=[proposal.pk]),
            {
                "accept-name": "Laurentides mange local",
                "accept-slug": "laurentides",
                "accept-domain": proposal.domain,
                "accept-regions": [Region.objects.get(code="15").pk],
                "accept-visibility": "public",
                "accept-join_policy": "open",
                "accept-message": "",
            },
        )

    community = Community.objects.get(slug="laurentides")
    assert response.url == community.get_absolute_url()
    assert community.memberships.get().user == proposal.proposer
    assert len(mailoutbox) == 1


def test_accepting_with_a_taken_address_shows_the_error(staff, community):
    """A taken web address is reported next to the field; nothing is created."""
    proposal = ProposalFactory()

    response = _client(staff).post(
        reverse("method:proposal_accept", args=[proposal.pk]),
        {
            "accept-name": "Doublon",
            "accept-slug": community.slug,
            "accept-domain": "Menus",
            "accept-regions": [Region.objects.get(code="15").pk],
            "accept-visibility": "public",
            "accept-join_policy": "open",
        },
    )

    assert response.status_code == 200
    assert response.context["accept_form"].errors["slug"]
    assert 'value="Doublon"' in response.content.decode()
    assert CommunityProposal.objects.get().is_pending


def test_staff_decline_a_proposal_with_a_message(staff):
    """Declining without a message is an error; with one, the proposal is closed."""
    proposal = ProposalFactory()
    client = _client(staff)
    url = reverse("method:proposal_decline", args=[proposal.pk])

    refused = client.post(url, {"decline-message": ""})
    response = client.post(url, {"decline-message": "Déjà couvert par Estrie."})

    assert refused.status_code == 200
    assert refused.context["decline_form"].errors["message"]
    assert response.url == reverse("method:proposal_list")
    assert CommunityProposal.objects.get().status == "declined"


@pytest.mark.parametrize("viewer", ["anonymous", "outsider", "launcher", "staff"])
def test_only_staff_review_proposals(viewer, outsider, staff):
    """The proposal pages and decisions are for staff; others are turned away."""
    proposal = ProposalFactory(name="Proposition secrète")
    user = {
        "anonymous": None,
        "outsider": outsider,
        "launcher": UserFactory(can_launch_communities=True),
        "staff": staff,
    }[viewer]
    client = _client(user)

    pages = [
        client.get(reverse("method:proposal_list")),
        client.get(reverse("method:proposal_detail", args=[proposal.pk])),
    ]
    decision = client.post(
        reverse("method:proposal_decline", args=[proposal.pk]),
        {"decline-message": "Non."},
    )

    expected = {"anonymous": 302, "staff": 200}.get(viewer, 403)
    assert [p.status_code for p in pages] == [expected, expected]
    if viewer != "staff":
        assert CommunityProposal.objects.get().is_pending
        assert decision.status_code in (302, 403)
        assert "Proposition secrète" not in pages[0].content.decode()


# Setup path -------------------------------------------------------------------------


@pytest.fixture
def steps(community):
    return method_services.copy_setup_path(community)


def test_setup_path_shows_progress_to_members_without_forms(steps, member, community):
    """Members read the steps and the progress, with no form to change them."""
    CommunitySetupStep.objects.filter(pk=steps[0].pk).update(status="done")

    html = _client(member).get(_url("setup_path", community)).content.decode()

    assert '<progress max="100" value="14"' in html
    assert "1 of 7" in html or "1 sur 7" in html
    assert steps[0].title_fr in html
    assert "setup_step_update" not in html
    assert f'action="{_url("setup_step_update", community, steps[0].pk)}"' not in html


def _open_steps(response) -> list[int]:
    return [s.pk for s in response.context["path"].steps if s.is_open]


def test_setup_path_opens_the_first_step_not_finished(steps, facilitator, community):
    """Without a choice, only the first step not finished is open, with its form;
    the others are one line each, with a link that opens them."""
    CommunitySetupStep.objects.filter(pk=steps[0].pk).update(status="done")

    response = _client(facilitator).get(_url("setup_path", community))

    html = response.content.decode()
    assert _open_steps(response) == [steps[1].pk]
    assert html.count('<form method="post" action="/c/') == 1
    assert f'name="step-{steps[1].pk}-status"' in html
    assert f'name="step-{steps[0].pk}-status"' not in html
    assert f'href="{_url("setup_path", community)}?etape=1#step-{steps[0].pk}"' in html
    assert f'href="{_url("setup_path", community)}?etape=7#step-{steps[6].pk}"' in html


@pytest.mark.parametrize(("asked", "opened"), [("3", 2), ("99", 0), ("x", 0)])
def test_setup_path_opens_the_step_named_in_the_address(
    steps, facilitator, community, asked, opened
):
    """``?etape=3`` opens the third step; a number that is no step opens the first
    step not finished."""
    response = _client(facilitator).get(_url("setup_path", community), {"etape": asked})

    assert response.status_code == 200
    assert _open_steps(response) == [steps[opened].pk]


def test_opening_a_step_with_htmx_returns_the_list_with_focus_on_it(
    steps, member, community
):
    """htmx gets the list alone, the asked step open and focused."""
    response = _client(member).get(
        _url("setup_path", community), {"etape": "4"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert "HX-Request" in response["Vary"]
    assert html.lstrip().startswith('<div id="setup-steps">')
    assert "<h1>" not in html
    assert f'id="step-{steps[3].pk}-title" tabindex="-1" autofocus' in html


def test_all_steps_finished_leaves_them_all_closed(steps, member, community):
    """Once every step is finished, none is open until one is chosen."""
    CommunitySetupStep.objects.filter(community=community).update(status="done")

    response = _client(member).get(_url("setup_path", community))

    assert _open_steps(response) == []
    assert "Toutes les étapes sont terminées" in response.content.decode()


def test_facilitator_updates_a_step(steps, facilitator, community):
    """A plain form post saves the step and comes back to it, the next step not
    done open."""
    step = steps[2]

    response = _client(facilitator).post(
        _url("setup_step_update", community, step.pk),
        {f"step-{step.pk}-status": "in_progress", f"step-{step.pk}-notes": "Appels."},
    )

    assert response.url == _url("setup_path", community) + f"?etape=4#step-{step.pk}"
    step.refresh_from_db()
    assert (step.status, step.notes) == ("in_progress", "Appels.")


def test_saving_a_step_with_htmx_swaps_it_and_opens_the_next_one(
    steps, facilitator, community
):
    """htmx gets the saved step closed with its status and the focus, the next
    step not done opened out of band, the progress, and the address to show."""
    CommunitySetupStep.objects.filter(pk=steps[1].pk).update(status="done")
    step = steps[0]

    response = _client(facilitator).post(
        _url("setup_step_update", community, step.pk),
        {f"step-{step.pk}-status": "done", f"step-{step.pk}-notes": "Fait."},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li id="step-{step.pk}" class="step step-line')
    assert f'id="step-{step.pk}-link"' in html and " autofocus>" in html
    assert f'<li id="step-{steps[2].pk}" class="card step step-open' in html
    assert f'name="step-{steps[2].pk}-status"' in html
    assert 'id="setup-progress" hx-swap-oob="true"' in html
    assert 'value="29"' in html
    assert "est enregistrée" in html
    assert response.headers["HX-Replace-Url"] == (
        _url("setup_path", community) + "?etape=3"
    )
    # The message is said in the page, not kept for the next one.
    later = _client(facilitator).get(_url("setup_path", community))
    assert "est enregistrée" not in later.content.decode()


def test_the_only_step_left_stays_open_after_an_htmx_save(
    steps, facilitator, community
):
    """When the saved step is the only one not done, it comes back open."""
    step = steps[4]
    CommunitySetupStep.objects.exclude(pk=step.pk).update(status="done")

    response = _client(facilitator).post(
        _url("setup_step_update", community, step.pk),
        {f"step-{step.pk}-status": "in_progress"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert html.lstrip().startswith(f'<li id="step-{step.pk}" class="card step')
    assert 'hx-swap-oob="true"><h2' not in html
    assert f'name="step-{step.pk}-status"' in html


def test_skipping_without_reason_shows_the_error_and_keeps_the_notes(
    steps, facilitator, community
):
    """The error is next to the reason; the typed notes stay; nothing is saved."""
    step = steps[1]

    response = _client(facilitator).post(
        _url("setup_step_update", community, step.pk),
        {f"step-{step.pk}-status": "skipped", f"step-{step.pk}-notes": "Mes notes"},
    )

    assert response.status_code == 200
    assert _open_steps(response) == [step.pk]
    form = next(s.form for s in response.context["path"].steps if s.pk == step.pk)
    assert form.errors["skip_reason"]
    assert "Mes notes" in response.content.decode()
    step.refresh_from_db()
    assert (step.status, step.notes) == ("todo", "")


def test_an_htmx_save_with_an_error_returns_the_step_with_focus_on_the_field(
    steps, facilitator, community
):
    """htmx gets the step alone, open, with the error and the focus on the field."""
    step = steps[1]

    response = _client(facilitator).post(
        _url("setup_step_update", community, step.pk),
        {f"step-{step.pk}-status": "skipped", f"step-{step.pk}-notes": "Mes notes"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li id="step-{step.pk}" class="card step')
    assert "Indiquez pourquoi cette étape est omise." in html
    assert "Mes notes" in html
    assert re.search(
        rf'<textarea name="step-{step.pk}-skip_reason"[^>]* autofocus', html
    )
    step.refresh_from_db()
    assert step.status == "todo"


def test_a_step_of_another_community_is_not_found(steps, facilitator, community):
    """A step addressed under another community's address is a 404."""
    other = Community.objects.create(name="Autre", slug="autre", domain="x")
    foreign = method_services.copy_setup_path(other)[0]

    response = _client(facilitator).post(
        _url("setup_step_update", community, foreign.pk),
        {f"step-{foreign.pk}-status": "done"},
    )

    assert response.status_code == 404


# Charter ----------------------------------------------------------------------------


def test_facilitator_writes_then_revises_the_charter(facilitator, community):
    """Each save is a revision; the history page shows the change as a diff."""
    client = _client(facilitator)
    url = _url("charter_update", community)
    client.post(url, {"mandate": "Apprendre entre pairs.", "domain": "Achats."})

    response = client.post(
        url,
        {
            "mandate": "Apprendre entre pairs, sans décider pour personne.",
            "domain": "Achats.",
            "adopted_on": "2025-03-12",
            "note": "Adoptée.",
        },
    )

    assert response.url == _url("charter_detail", community)
    assert CharterRevision.objects.count() == 2
    detail = client.get(_url("charter_detail", community)).content.decode()
    assert "12 mars 2025" in detail
    history = client.get(_url("charter_history", community)).content.decode()
    assert "<ins>" in history
    assert "sans décider pour personne." in history
    assert "Adoptée." in history


def test_charter_without_mandate_keeps_the_typed_domain(facilitator, community):
    """A missing mandate is an error next to it; the rest is kept; no revision."""
    response = _client(facilitator).post(
        _url("charter_update", community),
        {"mandate": "", "domain": "Le domaine que j'ai tapé."},
    )

    assert response.status_code == 200
    assert _errors(response, "mandate")
    assert "Le domaine que j&#x27;ai tapé." in response.content.decode()
    assert not CharterRevision.objects.exists()


def test_saving_the_same_charter_says_nothing_changed(facilitator, community):
    """A save with no change adds no revision."""
    client = _client(facilitator)
    data = {"mandate": "M.", "domain": "D."}
    client.post(_url("charter_update", community), data)

    client.post(_url("charter_update", community), data)

    assert CharterRevision.objects.count() == 1


def test_charter_page_without_charter_invites_to_write_it(
    facilitator, member, community
):
    """Facilitators get a button to write it; members only read the empty state."""
    facilitator_html = _client(facilitator).get(_url("charter_detail", community))
    member_html = _client(member).get(_url("charter_detail", community))

    edit = _url("charter_update", community)
    assert edit in facilitator_html.content.decode()
    assert edit not in member_html.content.decode()


# Objectives -------------------------------------------------------------------------


def test_facilitator_adds_an_objective_and_records_progress(facilitator, community):
    """An objective is added, a measure recorded; the page shows an accessible
    progress bar with its value as text, and the history."""
    client = _client(facilitator)
    client.post(
        _url("objective_create", community),
        {
            "title": "35 % d'aliments du Québec",
            "baseline": "22",
            "target": "35",
            "unit": "%",
            "status": "planned",
        },
    )
    objective = Objective.objects.get()

    response = client.post(
        _url("objective_progress", community, objective.pk),
        {"value": "28.5", "measured_on": "2025-01-15", "comment": "Bon hiver."},
    )

    assert response.url == objective.get_absolute_url()
    html = client.get(objective.get_absolute_url()).content.decode()
    assert '<progress max="100" value="50"' in html
    assert "28,5\u00a0% sur 35\u00a0% (50\u00a0%)" in html
    assert "Bon hiver." in html
    objective.refresh_from_db()
    assert objective.status == Objective.Status.IN_PROGRESS


def test_objective_with_target_equal_to_baseline_shows_the_error(
    facilitator, community
):
    """The error sits next to the target; the typed title is kept; nothing saved."""
    response = _client(facilitator).post(
        _url("objective_create", community),
        {
            "title": "Mon objectif",
            "baseline": "10",
            "target": "10",
            "status": "planned",
        },
    )

    assert response.status_code == 200
    assert _errors(response, "target")
    assert 'value="Mon objectif"' in response.content.decode()
    assert not Objective.objects.exists()


def test_future_measure_shows_the_error_next_to_the_date(facilitator, community):
    """A measure dated tomorrow is refused next to its date; the value is kept."""
    objective = ObjectiveFactory(community=community)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = _client(facilitator).post(
        _url("objective_progress", community, objective.pk),
        {"value": "31.5", "measured_on": tomorrow},
    )

    assert response.status_code == 200
    assert response.context["progress_form"].errors["measured_on"]
    assert 'value="31.5"' in response.content.decode()
    assert not ObjectiveProgress.objects.exists()


def test_facilitators_are_prompted_to_review_the_future(facilitator, member, community):
    """With every objective reached or abandoned, facilitators see the prompt to
    dissolve or reorient; members do not."""
    ObjectiveFactory(community=community, status=Objective.Status.REACHED)
    ObjectiveFactory(community=community, status=Objective.Status.ABANDONED)
    closing = _url("closing", community)

    facilitator_page = _client(facilitator).get(_url("objective_list", community))
    member_page = _client(member).get(_url("objective_list", community))
    dashboard = _client(facilitator).get(_url("dashboard", community))

    assert closing in facilitator_page.content.decode()
    assert facilitator_page.context["review_due"]
    assert closing not in member_page.content.decode()
    assert dashboard.context["board"].review_due


def test_objective_edit_changes_status_and_keeps_history(facilitator, community):
    """Editing the status keeps the progress updates."""
    objective = ObjectiveFactory(community=community)
    ProgressFactory(objective=objective)

    response = _client(facilitator).post(
        _url("objective_update", community, objective.pk),
        {"title": objective.title, "target": "40", "status": "abandoned"},
    )

    assert response.status_code == 302
    objective.refresh_from_db()
    assert objective.status == Objective.Status.ABANDONED
    assert objective.progress_updates.count() == 1


NBSP = "\u00a0"


def _recipes(community):
    """An objective counted in a word unit that must agree, with two measures."""
    objective = ObjectiveFactory(
        community=community,
        title="Publier 20 recettes",
        baseline=Decimal("0"),
        target=Decimal("20"),
        unit="recettes",
    )
    ProgressFactory(objective=objective, value=Decimal("6"))
    ProgressFactory(
        objective=objective,
        value=Decimal("13"),
        measured_on=timezone.localdate() + timedelta(days=1),
    )
    return objective


def test_objective_progress_says_the_unit_once(facilitator, community):
    """ "13 sur 20 recettes (65 %)": the unit once, after the target, and no
    participle that would have to agree with it; the same on the detail page,
    whose history names the unit in its heading."""
    objective = _recipes(community)
    client = _client(facilitator)

    listing = client.get(_url("objective_list", community)).content.decode()
    detail = client.get(objective.get_absolute_url()).content.decode()

    progress = f"13 sur 20{NBSP}recettes (65{NBSP}%)"
    assert progress in listing
    assert progress in detail
    assert f"<dd>20{NBSP}recettes</dd>" in detail
    assert "<dd>0</dd>" in detail
    assert "Valeur (recettes)" in detail
    assert "<td>13</td>" in detail
    for html in (listing, detail):
        assert "recettes sur" not in html
        assert "visés" not in html


def test_objective_progress_in_english(facilitator, community):
    """In English: "13 of 20 recettes (65%)" (the unit as the members typed it)."""
    _recipes(community)
    facilitator.language = "en"
    facilitator.save()

    html = _client(facilitator).get(_url("objective_list", community)).content.decode()

    assert f"13 of 20{NBSP}recettes (65%)" in html
    assert "targeted" not in html


def test_symbol_units_follow_each_number(facilitator, community):
    """A percentage reads "22,5 % sur 35 % (puis le pourcentage)": a symbol
    needs no agreement and belongs to each number."""
    objective = ObjectiveFactory(
        community=community, baseline=Decimal("10"), target=Decimal("35"), unit="%"
    )
    ProgressFactory(objective=objective, value=Decimal("22.50"))

    html = _client(facilitator).get(objective.get_absolute_url()).content.decode()

    assert f"22,5{NBSP}% sur 35{NBSP}% (50{NBSP}%)" in html
    assert f"<dd>10{NBSP}%</dd>" in html
    assert "22,50" not in html


def test_objective_without_measure_states_its_target(facilitator, community):
    """Before the first measure: "Cible : 20 recettes. Aucune mesure…"."""
    ObjectiveFactory(community=community, target=Decimal("20"), unit="recettes")

    html = _client(facilitator).get(_url("objective_list", community)).content.decode()

    assert f"Cible{NBSP}: 20{NBSP}recettes. Aucune mesure" in html


# Stages -----------------------------------------------------------------------------


def test_facilitator_changes_the_stage_and_the_timeline_shows_it(
    facilitator, community
):
    """The new stage appears with its suggested activities and in the timeline."""
    client = _client(facilitator)

    response = client.post(
        _url("stage_timeline", community),
        {"stage": "coalescing", "reason": "La rencontre de démarrage a eu lieu."},
    )

    assert response.url == _url("stage_timeline", community)
    html = client.get(_url("stage_timeline", community)).content.decode()
    assert "La rencontre de démarrage a eu lieu." in html
    assert 'aria-current="step"' in html
    assert StageChange.objects.get().changed_by == facilitator


def test_stage_change_to_the_same_stage_shows_the_error(facilitator, community):
    """Choosing the current stage is an error next to the choice; the reason stays."""
    response = _client(facilitator).post(
        _url("stage_timeline", community),
        {"stage": "potential", "reason": "Ma raison."},
    )

    assert response.status_code == 200
    assert _errors(response, "stage")
    assert "Ma raison." in response.content.decode()
    assert not StageChange.objects.exists()


def test_member_posting_a_stage_change_is_refused(member, community):
    """Members see the lifecycle but cannot change it."""
    response = _client(member).post(
        _url("stage_timeline", community), {"stage": "maturing", "reason": "Moi."}
    )

    assert response.status_code == 403
    assert not StageChange.objects.exists()


# Closing ----------------------------------------------------------------------------


def test_dissolving_is_confirmed_then_archives(facilitator, community):
    """The confirmation page explains; an incomplete summary keeps what was typed;
    the complete one archives the community."""
    client = _client(facilitator)
    url = _url("community_dissolve", community)

    page = client.get(url)
    incomplete = client.post(url, {"achieved": "Nos menus.", "learned": ""})
    community.refresh_from_db()
    assert not community.is_archived
    done = client.post(url, {"achieved": "Nos menus.", "learned": "La patience."})

    assert page.status_code == 200
    assert _errors(incomplete, "learned")
    assert "Nos menus." in incomplete.content.decode()
    assert done.url == community.get_absolute_url()
    community.refresh_from_db()
    assert community.is_archived
    html = client.get(community.get_absolute_url()).content.decode()
    assert "La patience." in html
    assert Dissolution.objects.count() == 1


def test_reorienting_leads_to_new_objectives(facilitator, community):
    """After confirming a reorientation, the facilitator lands on the objectives."""
    response = _client(facilitator).post(
        _url("community_reorient", community),
        {
            "domain": "Réduire le gaspillage",
            "reason": "Cap atteint.",
            "stage": "potential",
        },
    )

    assert response.url == _url("objective_list", community)
    assert Reorientation.objects.get().new_domain == "Réduire le gaspillage"
    assert not StageChange.objects.exists()


def test_reorienting_without_reason_shows_the_error(facilitator, community):
    """A reorientation needs a reason; the typed domain stays."""
    response = _client(facilitator).post(
        _url("community_reorient", community),
        {"domain": "Mon nouveau domaine", "reason": "", "stage": "potential"},
    )

    assert _errors(response, "reason")
    assert 'value="Mon nouveau domaine"' in response.content.decode()
    assert not Reorientation.objects.exists()


# The community page and the dashboard -------------------------------------------------


def test_community_page_links_each_part_for_each_person(
    facilitator, member, outsider, community
):
    """Everyone reading a public community sees the charter, objectives and stage;
    members also the setup path; facilitators the dashboard and closing."""
    parts = {
        name: _url(name, community)
        for name in ("charter_detail", "objective_list", "stage_timeline")
    }
    setup, dashboard = _url("setup_path", community), _url("dashboard", community)

    pages = {
        who: _client(user).get(community.get_absolute_url()).content.decode()
        for who, user in (("out", outsider), ("mem", member), ("fac", facilitator))
    }

    assert all(url in html for url in parts.values() for html in pages.values())
    assert setup not in pages["out"]
    assert setup in pages["mem"] and setup in pages["fac"]
    assert dashboard not in pages["mem"]
    assert dashboard in pages["fac"]
    assert _url("closing", community) in pages["fac"]


def test_dashboard_lists_what_needs_attention_with_links(facilitator, community, steps):
    """Pending requests, steps left and objectives due are linked from the board."""
    MembershipFactory(
        community=community, state=Membership.State.REQUESTED, joined_at=None
    )
    ObjectiveFactory(
        community=community,
        title="Menus d'automne",
        due_date=timezone.localdate() + timedelta(days=5),
    )

    html = _client(facilitator).get(_url("dashboard", community)).content.decode()

    assert "Menus d&#x27;automne" in html
    assert _url("setup_path", community) + f"?etape=1#step-{steps[0].pk}" in html
    assert reverse("communities:request_list", args=[community.slug]) in html
    assert reverse("communities:community_export", args=[community.slug]) in html


def _dissolve(community, facilitator):
    method_services.dissolve_community(
        actor=facilitator, community=community, achieved="Des menus.", learned="Tout."
    )


@pytest.mark.parametrize("page", ["community_detail", "stage_timeline", "dashboard"])
def test_a_dissolved_community_shows_dissoute_not_its_last_stage(
    page, facilitator, community
):
    """Wherever the stage is shown, a dissolved community reads "Dissoute"."""
    community.stage = Community.Stage.STEWARDSHIP
    community.save()
    _dissolve(community, facilitator)
    url = (
        community.get_absolute_url()
        if page == "community_detail"
        else _url(page, community)
    )

    html = _client(facilitator).get(url).content.decode()

    assert "Dissoute" in html
    assert "Étape" + NBSP + ":" not in html
    assert "Étape actuelle" not in html


def test_a_reoriented_community_shows_its_stage_and_the_date(facilitator, community):
    """After a reorientation, the community page says the stage and "Réorientée
    le <date>"."""
    method_services.reorient_community(
        actor=facilitator,
        community=community,
        domain="Gaspillage alimentaire",
        reason="Le contexte change.",
        stage=Community.Stage.MATURING,
    )
    today = timezone.localdate()
    with translation.override("fr"):
        day = date_format(today, "j F Y")

    html = _client(facilitator).get(community.get_absolute_url()).content.decode()

    assert f"Étape{NBSP}: Maturité · Réorientée le {day}" in html


@pytest.mark.parametrize(
    ("role", "sentence"),
    [
        (Membership.Role.MEMBER, "Vous êtes membre"),
        (Membership.Role.FACILITATOR, "Vous êtes animateur·trice"),
        (Membership.Role.SPONSOR, "Vous êtes parrain ou marraine"),
    ],
)
def test_the_community_page_says_the_viewers_role_once(role, sentence, community):
    """ "Vous êtes membre", not "Vous êtes membre (Membre)"."""
    person = MembershipFactory(community=community, role=role).user

    html = _client(person).get(community.get_absolute_url()).content.decode()

    assert f">{sentence}<" in html
    assert "Vous êtes membre (" not in html


# GET never writes --------------------------------------------------------------------


def test_reading_the_method_pages_writes_nothing(facilitator, community, steps):
    """Opening every page of the method issues no INSERT, UPDATE or DELETE."""
    objective = ObjectiveFactory(community=community)
    ProgressFactory(objective=objective)
    method_services.save_charter(
        actor=facilitator, community=community, mandate="M.", domain="D."
    )
    client = _client(facilitator)
    urls = [
        reverse("method:guide"),
        *(
            _url(name, community)
            for name in (
                "setup_path",
                "charter_detail",
                "charter_update",
                "charter_history",
                "objective_list",
                "objective_create",
                "stage_timeline",
                "dashboard",
                "closing",
                "community_dissolve",
                "community_reorient",
            )
        ),
        reverse("communities:community_export", args=[community.slug]),
        _url("objective_detail", community, objective.pk),
        _url("objective_update", community, objective.pk),
    ]

    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        writes = [
            q["sql"]
            for q in queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert writes == [], url


def test_english_pages_use_english_step_texts(member, community, steps):
    """A person who chose English reads the setup path in English."""
    member.language = "en"
    member.save()

    html = _client(member).get(_url("setup_path", community)).content.decode()

    with translation.override("en"):
        assert steps[0].title in html
    assert "Analyse the territory and its needs" in html
