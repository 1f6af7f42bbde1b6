"""Who may see and do what with the method: every page and action of a
community's setup path, charter, objectives, stages, dashboard and closing, per
viewer and kind of community (the tables read as in
``communities/tests/test_permission_matrix.py``)."""

import pytest
from django.urls import reverse

from maillage.communities.models import Community
from maillage.communities.tests.matrix import (
    assert_nothing_leaks,
    assert_outcome,
    built_world_fixture,  # noqa: F401 (a fixture)
    cases,
    world_fixture,  # noqa: F401 (a fixture)
)
from maillage.method import services as method_services
from maillage.method.models import (
    CharterRevision,
    CommunitySetupStep,
    Dissolution,
    Objective,
    ObjectiveProgress,
    Reorientation,
    StageChange,
)
from maillage.method.tests.factories import ObjectiveFactory, ProgressFactory

METHOD_PAGES = """
page               kind       anon  out   inv   req   mem   spon  fac   staff
charter_detail     public     200   200   200   200   200   200   200   200
charter_detail     restricted login 403   403   403   200   200   200   200
charter_detail     private    404   404   403   404   200   200   200   200
charter_history    public     200   200   200   200   200   200   200   200
charter_history    restricted login 403   403   403   200   200   200   200
charter_history    private    404   404   403   404   200   200   200   200
objective_list     public     200   200   200   200   200   200   200   200
objective_list     restricted login 403   403   403   200   200   200   200
objective_list     private    404   404   403   404   200   200   200   200
objective_detail   public     200   200   200   200   200   200   200   200
objective_detail   restricted login 403   403   403   200   200   200   200
objective_detail   private    404   404   403   404   200   200   200   200
stage_timeline     public     200   200   200   200   200   200   200   200
stage_timeline     restricted login 403   403   403   200   200   200   200
stage_timeline     private    404   404   403   404   200   200   200   200
setup_path         public     login 403   403   403   200   200   200   200
setup_path         restricted login 403   403   403   200   200   200   200
setup_path         private    404   404   403   404   200   200   200   200
dashboard          public     login 403   403   403   403   200   200   200
dashboard          restricted login 403   403   403   403   200   200   200
dashboard          private    login 404   403   404   403   200   200   200
community_export   public     login 403   403   403   403   403   200   200
community_export   restricted login 403   403   403   403   403   200   200
community_export   private    login 404   403   404   403   403   200   200
charter_update     public     login 403   403   403   403   403   200   200
charter_update     restricted login 403   403   403   403   403   200   200
charter_update     private    login 404   403   404   403   403   200   200
objective_create   public     login 403   403   403   403   403   200   200
objective_create   restricted login 403   403   403   403   403   200   200
objective_create   private    login 404   403   404   403   403   200   200
objective_update   public     login 403   403   403   403   403   200   200
objective_update   restricted login 403   403   403   403   403   200   200
objective_update   private    login 404   403   404   403   403   200   200
closing            public     login 403   403   403   403   403   200   200
closing            restricted login 403   403   403   403   403   200   200
closing            private    login 404   403   404   403   403   200   200
community_dissolve public     login 403   403   403   403   403   200   200
community_dissolve restricted login 403   403   403   403   403   200   200
community_dissolve private    login 404   403   404   403   403   200   200
community_reorient public     login 403   403   403   403   403   200   200
community_reorient restricted login 403   403   403   403   403   200   200
community_reorient private    login 404   403   404   403   403   200   200
community_reopen   public     login 403   403   403   403   403   403   back
community_reopen   restricted login 403   403   403   403   403   403   back
community_reopen   private    login 404   403   404   403   403   403   back
"""


@pytest.fixture
def method_world(world):
    """The world's communities with a setup path, a charter and an objective."""
    for community in world.communities.values():
        method_services.copy_setup_path(community)
        method_services.save_charter(
            actor=world.staff,
            community=community,
            mandate=f"Mandat de {community.name}",
            domain="Achats locaux",
        )
        objective = ObjectiveFactory(community=community, title=f"But {community.slug}")
        ProgressFactory(objective=objective)
    return world


def _method_url(name, world, kind):
    community = world.communities[kind]
    if name in ("objective_detail", "objective_update", "objective_progress"):
        return reverse(
            f"method:{name}", args=[community.slug, community.objectives.get().pk]
        )
    if name == "setup_step_update":
        step = community.setup_steps.first()
        return reverse(f"method:{name}", args=[community.slug, step.pk])
    if name == "community_export":  # the communities app writes the whole export
        return reverse(f"communities:{name}", args=[community.slug])
    return reverse(f"method:{name}", args=[community.slug])


@pytest.mark.parametrize(("page", "kind", "viewer", "outcome"), cases(METHOD_PAGES))
def test_method_page_answers_each_viewer_as_expected_and_leaks_nothing(
    method_world, page, kind, viewer, outcome
):
    """Each page of the method gives each viewer the expected status, no hidden
    name, and the community's own content when it opens."""
    community = method_world.communities[kind]

    response = method_world.client_for(kind, viewer).get(
        _method_url(page, method_world, kind)
    )

    assert_outcome(response, outcome, community)
    if response.streaming:
        return
    html = response.content.decode()
    assert_nothing_leaks(html, method_world, kind, viewer)
    if outcome == "200":
        assert community.name in html
    if outcome == "200" and page == "charter_detail":
        assert f"Mandat de {community.name}" in html
    if outcome == "200" and page in ("objective_list", "objective_detail"):
        assert f"But {community.slug}" in html
    if outcome != "200":
        assert f"Mandat de {community.name}" not in html
        assert f"But {community.slug}" not in html


METHOD_ACTIONS = """
action             kind       anon  out   inv   req   mem   spon  fac   staff
setup_step_update  public     login 403   403   403   403   403   ok    ok
setup_step_update  restricted login 403   403   403   403   403   ok    ok
setup_step_update  private    login 404   403   404   403   403   ok    ok
charter_update     public     login 403   403   403   403   403   ok    ok
charter_update     restricted login 403   403   403   403   403   ok    ok
charter_update     private    login 404   403   404   403   403   ok    ok
objective_create   public     login 403   403   403   403   403   ok    ok
objective_create   restricted login 403   403   403   403   403   ok    ok
objective_create   private    login 404   403   404   403   403   ok    ok
objective_update   public     login 403   403   403   403   403   ok    ok
objective_update   restricted login 403   403   403   403   403   ok    ok
objective_update   private    login 404   403   404   403   403   ok    ok
objective_progress public     login 403   403   403   403   403   ok    ok
objective_progress restricted login 403   403   403   403   403   ok    ok
objective_progress private    login 404   403   404   403   403   ok    ok
stage_timeline     public     login 403   403   403   403   403   ok    ok
stage_timeline     restricted login 403   403   403   403   403   ok    ok
stage_timeline     private    login 404   403   404   403   403   ok    ok
community_reorient public     login 403   403   403   403   403   ok    ok
community_reorient restricted login 403   403   403   403   403   ok    ok
community_reorient private    login 404   403   404   403   403   ok    ok
community_dissolve public     login 403   403   403   403   403   ok    ok
community_dissolve restricted login 403   403   403   403   403   ok    ok
community_dissolve private    login 404   403   404   403   403   ok    ok
community_reopen   public     login 403   403   403   403   403   403   back
community_reopen   restricted login 403   403   403   403   403   403   back
community_reopen   private    login 404   403   404   403   403   403   back
"""


def _method_request(action, world, kind):
    """The form data of a method action, and where it leads when done."""
    community = world.communities[kind]
    slug = community.slug
    step = community.setup_steps.first()
    data = {
        "setup_step_update": {f"step-{step.pk}-status": "done"},
        "charter_update": {"mandate": "Nouveau mandat", "domain": "Achats"},
        "objective_create": {"title": "Nouvel objectif", "status": "planned"},
        "objective_update": {
            "title": "But renommé",
            "target": "40",
            "status": "reached",
        },
        "objective_progress": {"value": "33", "measured_on": "2025-01-15"},
        "stage_timeline": {"stage": "coalescing", "reason": "On démarre."},
        "community_reorient": {
            "domain": "Gaspillage",
            "reason": "Cap atteint.",
            "stage": "potential",
        },
        "community_dissolve": {"achieved": "Beaucoup.", "learned": "Encore plus."},
        "community_reopen": {"reason": "Erreur."},
    }[action]
    done = {
        # Back at the saved step, the next one not done open.
        "setup_step_update": reverse("method:setup_path", args=[slug])
        + f"?etape=2#step-{step.pk}",
        "charter_update": reverse("method:charter_detail", args=[slug]),
        "objective_create": reverse("method:objective_list", args=[slug]),
        "objective_update": community.objectives.get().get_absolute_url(),
        "objective_progress": community.objectives.get().get_absolute_url(),
        "stage_timeline": reverse("method:stage_timeline", args=[slug]),
        "community_reorient": reverse("method:objective_list", args=[slug]),
        "community_dissolve": community.get_absolute_url(),
    }.get(action)
    return _method_url(action, world, kind), data, done


def _method_state():
    """What the method's actions may change."""
    return (
        sorted(Community.objects.values_list("id", "stage", "domain", "archived_at")),
        sorted(CommunitySetupStep.objects.values_list("id", "status")),
        CharterRevision.objects.count(),
        sorted(Objective.objects.values_list("id", "title", "status")),
        ObjectiveProgress.objects.count(),
        StageChange.objects.count(),
        Reorientation.objects.count(),
        Dissolution.objects.count(),
    )


def _assert_method_done(action, world, kind):
    community = world.communities[kind]
    community.refresh_from_db()
    match action:
        case "setup_step_update":
            assert community.setup_steps.first().status == "done"
        case "charter_update":
            assert community.charter.mandate == "Nouveau mandat"
            assert community.charter_revisions.count() == 2
        case "objective_create":
            assert community.objectives.filter(title="Nouvel objectif").exists()
        case "objective_update":
            assert community.objectives.get().status == "reached"
        case "objective_progress":
            assert community.objectives.get().progress_updates.count() == 2
        case "stage_timeline":
            assert community.stage == "coalescing"
        case "community_reorient":
            assert community.domain == "Gaspillage"
        case "community_dissolve":
            assert community.is_archived


@pytest.mark.parametrize(("action", "kind", "viewer", "outcome"), cases(METHOD_ACTIONS))
def test_method_action_is_done_only_by_allowed_viewers(
    method_world, action, kind, viewer, outcome
):
    """Facilitators and staff change the method; anyone else is turned away and
    nothing changes."""
    url, data, done = _method_request(action, method_world, kind)
    before = _method_state()

    response = method_world.client_for(kind, viewer).post(url, data)

    if outcome == "ok":
        assert response.status_code == 302
        assert response.url.startswith(done)
        _assert_method_done(action, method_world, kind)
    else:
        assert_outcome(response, outcome, method_world.communities[kind])
        assert _method_state() == before
    assert_nothing_leaks(response.content.decode(), method_world, kind, viewer)
