"""Query budgets of the method's pages: the count must not grow with rows.

Each test measures a page with a few rows, adds more rows (with different
authors, so that a missing select_related shows), and measures again against
the same pinned number.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services
from maillage.communities.models import Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.method import services as method_services
from maillage.method.models import SetupStepTemplate
from maillage.method.tests.factories import (
    ObjectiveFactory,
    ProgressFactory,
    ProposalFactory,
)
from maillage.territories.models import Region

# Pinned budgets. A signed-in page costs 3 queries first: the session, the user
# and the unread notifications count of the site header.
# Signed in, community, viewer's membership, pending requests with their
# people, pending invitations with their inviters, setup steps, objectives with
# their latest measure.
DASHBOARD = 9
# A sponsor's read-only dashboard: the same, without requests and invitations.
DASHBOARD_SPONSOR = 7
# Signed in, community, viewer's membership, objectives with latest measure.
OBJECTIVE_LIST = 6
# Signed in, community, viewer's membership, the objective, its history
# with who recorded each measure.
OBJECTIVE_DETAIL = 7
# Signed in, community, viewer's membership, charter with its author, count
# of revisions.
CHARTER = 7
# Signed in, community, viewer's membership, revisions with their authors.
CHARTER_HISTORY = 6
# Signed in, community, viewer's membership, steps with who changed them.
SETUP_PATH = 6
# Signed in, community, viewer's membership, stage changes, reorientations,
# dissolutions (each with its people).
STAGE_TIMELINE = 8
# Signed in, proposals with proposer, community and decider, their regions.
PROPOSAL_LIST = 5
# Steps of the guide (anonymous visitor).
GUIDE = 1


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _get(client, url, num_queries, django_assert_num_queries):
    with django_assert_num_queries(num_queries):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _people(how_many):
    return [UserFactory() for _ in range(how_many)]


def _facilitators(community, how_many):
    return [
        MembershipFactory(community=community, role=Membership.Role.FACILITATOR).user
        for _ in range(how_many)
    ]


def _add_objectives(community, how_many, *, days=10):
    objectives = []
    for n in range(how_many):
        objective = ObjectiveFactory(
            community=community,
            due_date=timezone.localdate() + timedelta(days=days + n),
        )
        for recorder in _people(2):
            ProgressFactory(objective=objective, recorded_by=recorder)
        objectives.append(objective)
    return objectives


def test_dashboard_queries_do_not_grow(
    community, facilitator, django_assert_num_queries
):
    """The dashboard costs the same with 2 or 10 of each thing needing attention."""
    method_services.copy_setup_path(community)
    url = reverse("method:dashboard", args=[community.slug])
    client = _client(facilitator)

    def add(how_many):
        for person in _people(how_many):
            MembershipFactory(
                community=community, user=person, state="requested", joined_at=None
            )
        inviters = _facilitators(community, how_many)
        for n, inviter in enumerate(inviters):
            services.invite_member(
                actor=inviter, community=community, email=f"i{n}-{inviter.pk}@x.ca"
            )
        return _add_objectives(community, how_many)

    first = add(2)
    html = _get(client, url, DASHBOARD, django_assert_num_queries)
    assert all(o.title in html for o in first)

    more = add(8)
    for step in community.setup_steps.all()[:3]:
        method_services.update_setup_step(
            actor=facilitator, step=step, status="in_progress"
        )

    html = _get(client, url, DASHBOARD, django_assert_num_queries)
    assert all(o.title in html for o in first + more)


def test_sponsor_dashboard_queries_do_not_grow(community, django_assert_num_queries):
    """The sponsor's dashboard costs the same with 2 or 10 objectives, and reads
    no request or invitation."""
    method_services.copy_setup_path(community)
    sponsor = MembershipFactory(community=community, role=Membership.Role.SPONSOR).user
    url = reverse("method:dashboard", args=[community.slug])
    client = _client(sponsor)
    first = _add_objectives(community, 2)
    MembershipFactory(community=community, state="requested", joined_at=None)
    _get(client, url, DASHBOARD_SPONSOR, django_assert_num_queries)

    more = _add_objectives(community, 8)

    html = _get(client, url, DASHBOARD_SPONSOR, django_assert_num_queries)
    assert all(o.title in html for o in first + more)


@pytest.mark.parametrize("viewer", ["member", "facilitator"])
def test_objective_list_queries_do_not_grow(
    community, member, facilitator, viewer, django_assert_num_queries
):
    """The objectives page costs the same with 3 or 12 objectives and measures."""
    url = reverse("method:objective_list", args=[community.slug])
    client = _client(member if viewer == "member" else facilitator)
    first = _add_objectives(community, 3)
    html = _get(client, url, OBJECTIVE_LIST, django_assert_num_queries)
    assert all(o.title in html for o in first)

    more = _add_objectives(community, 9)

    html = _get(client, url, OBJECTIVE_LIST, django_assert_num_queries)
    assert all(o.title in html for o in first + more)
    assert html.count("<progress") == 12


def test_objective_detail_queries_do_not_grow(
    community, facilitator, django_assert_num_queries
):
    """An objective's page costs the same with 2 or 12 measures by many people."""
    objective = _add_objectives(community, 1)[0]
    url = objective.get_absolute_url()
    client = _client(facilitator)
    _get(client, url, OBJECTIVE_DETAIL, django_assert_num_queries)

    recorders = _people(10)
    for n, recorder in enumerate(recorders):
        ProgressFactory(
            objective=objective,
            recorded_by=recorder,
            value=Decimal(n),
            measured_on=timezone.localdate() - timedelta(days=n),
        )

    html = _get(client, url, OBJECTIVE_DETAIL, django_assert_num_queries)
    assert all(r.display_name in html for r in recorders)


def _revise(community, authors):
    for n, author in enumerate(authors):
        MembershipFactory(community=community, user=author, role="facilitator")
        method_services.save_charter(
            actor=author,
            community=community,
            mandate=f"Mandat, version {n} par {author.pk}.",
            domain="Achats locaux.",
            adopted_on=timezone.localdate() - timedelta(days=n),
        )


def test_charter_queries_do_not_grow(community, member, django_assert_num_queries):
    """The charter page costs the same after 2 or 10 revisions."""
    url = reverse("method:charter_detail", args=[community.slug])
    client = _client(member)
    _revise(community, _people(2))
    _get(client, url, CHARTER, django_assert_num_queries)

    _revise(community, _people(8))

    html = _get(client, url, CHARTER, django_assert_num_queries)
    assert "10" in html


def test_charter_history_queries_do_not_grow(
    community, member, django_assert_num_queries
):
    """The history costs the same with 2 or 10 revisions by different people."""
    url = reverse("method:charter_history", args=[community.slug])
    client = _client(member)
    first = _people(2)
    _revise(community, first)
    _get(client, url, CHARTER_HISTORY, django_assert_num_queries)

    more = _people(8)
    _revise(community, more)

    html = _get(client, url, CHARTER_HISTORY, django_assert_num_queries)
    assert all(p.display_name in html for p in first + more)


@pytest.mark.parametrize("viewer", ["member", "facilitator"])
def test_setup_path_queries_do_not_grow(
    community, member, facilitator, viewer, django_assert_num_queries
):
    """The setup path costs the same with 2 or 7 steps changed by different people,
    whichever step is open."""
    steps = method_services.copy_setup_path(community)
    url = reverse("method:setup_path", args=[community.slug])
    client = _client(member if viewer == "member" else facilitator)
    authors = _facilitators(community, 7)
    for step, author in zip(steps[:2], authors, strict=False):
        method_services.update_setup_step(actor=author, step=step, status="done")
    _get(client, url, SETUP_PATH, django_assert_num_queries)

    for step, author in zip(steps[2:], authors[2:], strict=False):
        method_services.update_setup_step(
            actor=author, step=step, status="in_progress", notes="En cours."
        )

    _get(client, url, SETUP_PATH, django_assert_num_queries)
    # Each step, opened in turn, costs the same and names who changed it.
    for number, (step, author) in enumerate(zip(steps, authors, strict=False), 1):
        html = _get(
            client, f"{url}?etape={number}", SETUP_PATH, django_assert_num_queries
        )
        assert f'id="step-{step.pk}-title"' in html
        assert author.display_name in html


def test_stage_timeline_queries_do_not_grow(
    community, member, django_assert_num_queries
):
    """The lifecycle page costs the same with 2 or 10 events by different people."""
    url = reverse("method:stage_timeline", args=[community.slug])
    client = _client(member)
    stages = ["coalescing", "maturing", "stewardship", "transformation", "potential"]

    def move(how_many):
        authors = _facilitators(community, how_many)
        for n, author in enumerate(authors):
            community.refresh_from_db()
            stage = next(s for s in stages[n % 5 :] + stages if s != community.stage)
            method_services.change_stage(
                actor=author, community=community, stage=stage, reason=f"Raison {n}"
            )
        return authors

    first = move(1)
    method_services.reorient_community(
        actor=first[0], community=community, domain="Nouveau", reason="Cap."
    )
    _get(client, url, STAGE_TIMELINE, django_assert_num_queries)

    more = move(6)
    method_services.reorient_community(
        actor=more[0], community=community, domain="Encore", reason="Cap 2."
    )
    dissolver, reopener = more[1], UserFactory(is_staff=True)
    method_services.dissolve_community(
        actor=dissolver, community=community, achieved="A.", learned="L."
    )
    method_services.reopen_community(actor=reopener, community=community, reason="R.")

    html = _get(client, url, STAGE_TIMELINE, django_assert_num_queries)
    assert all(a.display_name in html for a in first + more)
    assert reopener.display_name in html


def test_proposal_list_queries_do_not_grow(staff, django_assert_num_queries):
    """The staff list of proposals costs the same with 2 or 10 proposals."""
    url = reverse("method:proposal_list")
    client = _client(staff)
    regions = list(Region.objects.all()[:3])
    first = [ProposalFactory(regions=regions) for _ in range(2)]
    _get(client, url, PROPOSAL_LIST, django_assert_num_queries)

    more = [ProposalFactory(regions=regions[:1]) for _ in range(8)]
    method_services.decline_proposal(actor=staff, proposal=more[0], message="Non.")

    html = _get(client, url, PROPOSAL_LIST, django_assert_num_queries)
    assert all(p.proposer.display_name in html for p in first + more)


def test_guide_queries_do_not_grow(db, client, django_assert_num_queries):
    """The guide costs one query with 7 or 12 steps."""
    url = reverse("method:guide")
    html = _get(client, url, GUIDE, django_assert_num_queries)
    assert "Analyser le territoire" in html

    for n in range(5):
        SetupStepTemplate.objects.create(
            position=100 + n, title_fr=f"Étape ajoutée {n}", advice_fr="Conseil."
        )

    html = _get(client, url, GUIDE, django_assert_num_queries)
    assert "Étape ajoutée 4" in html
