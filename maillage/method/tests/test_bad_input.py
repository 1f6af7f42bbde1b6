"""What a new user hit (issue 10): bad input to the method is refused with a
message, numbers are read the French way, and a creating form sent twice
creates once."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from maillage.communities.models import Community
from maillage.method.models import CommunityProposal, Objective, ObjectiveProgress
from maillage.method.tests.factories import ObjectiveFactory, ProposalFactory
from maillage.territories.models import Region

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999"


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _url(name, community, *args):
    return reverse(f"method:{name}", args=[community.slug, *args])


def _token(client, url):
    page = client.get(url).content.decode()
    return page.split('name="submission" value="', 1)[1].split('"', 1)[0]


def _sent_twice(client, url, data):
    """POST the form as shown once, twice (a double click)."""
    data = {**data, "submission": _token(client, url)}
    return client.post(url, data), client.post(url, data)


def _objective_data(**values):
    return {
        "title": "Plus de légumes d'ici",
        "description": "",
        "indicator": "Part des achats",
        "baseline": "",
        "target": "",
        "unit": "%",
        "due_date": "",
        "status": "in_progress",
        **values,
    }


# Numbers in French -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("22,5", Decimal("22.5")), ("22.5", Decimal("22.5")), ("1 250", Decimal("1250"))],
)
def test_an_objective_reads_a_starting_value_the_french_way(
    community, facilitator, typed, stored
):
    """The trial's "22,5" stored 225; it is now 22.5."""
    _client(facilitator).post(
        _url("objective_create", community),
        _objective_data(baseline=typed, target="40"),
    )

    assert Objective.objects.get().baseline == stored


def test_an_unreadable_number_is_an_error_next_to_the_field(community, facilitator):
    response = _client(facilitator).post(
        _url("objective_create", community),
        _objective_data(baseline="22,5,5", target="1,250"),
    )

    form = response.context["form"]
    assert "22,5" in form.errors["baseline"][0]
    assert form.errors["target"]
    assert 'value="22,5,5"' in response.content.decode()
    assert not Objective.objects.exists()


def test_the_objective_form_shows_numbers_the_french_way(community, facilitator):
    """An objective's 22.50 is shown "22,50" to edit, in a text box."""
    objective = ObjectiveFactory(community=community, baseline=Decimal("22.50"))

    page = (
        _client(facilitator)
        .get(_url("objective_update", community, objective.pk))
        .content.decode()
    )

    assert 'name="baseline" value="22,50"' in page
    assert 'type="number"' not in page


def test_a_measure_reads_the_french_way(community, facilitator):
    objective = ObjectiveFactory(community=community)

    _client(facilitator).post(
        _url("objective_progress", community, objective.pk),
        {"value": "27,75", "measured_on": timezone.localdate().isoformat()},
    )

    assert objective.progress_updates.get().value == Decimal("27.75")


# Ids too large for the database ----------------------------------------------------


def test_a_huge_objective_id_in_a_path_is_not_found(community, facilitator):
    """An objective id too large for the database is a 404, never a 500."""
    path = reverse("method:objective_detail", args=[community.slug, 1]).replace(
        "/1/", f"/{HUGE}/"
    )

    assert _client(facilitator).get(path).status_code == 404
    assert _client(facilitator).post(path).status_code == 404


# Creating forms sent twice ------------------------------------------------------------


def test_a_double_clicked_proposal_is_stored_once(member):
    url = reverse("method:guide")
    data = {
        "role": "Cuisinière",
        "organisation": "École des Berges",
        "name": "Cantines du Bas-Saint-Laurent",
        "domain": "Repas scolaires",
        "regions": [Region.objects.get(code="01").pk],
        "needs": "Trouver des producteurs près de chez nous.",
    }

    first, second = _sent_twice(_client(member), url, data)

    assert first.status_code == second.status_code == 302
    assert CommunityProposal.objects.count() == 1


def test_a_proposal_form_shown_twice_sends_two_proposals(member):
    client = _client(member)
    url = reverse("method:guide")
    data = {
        "role": "Cuisinière",
        "organisation": "École des Berges",
        "name": "Cantines",
        "domain": "Repas scolaires",
        "regions": [Region.objects.get(code="01").pk],
        "needs": "Des producteurs.",
    }
    for _n in range(2):
        client.post(url, {**data, "submission": _token(client, url)})

    assert CommunityProposal.objects.count() == 2


def test_a_double_clicked_acceptance_creates_one_community(staff):
    proposal = ProposalFactory()
    url = reverse("method:proposal_accept", args=[proposal.pk])
    client = _client(staff)
    page = client.get(reverse("method:proposal_detail", args=[proposal.pk]))
    token = page.content.decode().split('name="accept-submission" value="')[1][:22]
    data = {
        "accept-name": "Laurentides à table",
        "accept-slug": "laurentides",
        "accept-domain": "Menus de CPE",
        "accept-regions": [Region.objects.get(code="15").pk],
        "accept-visibility": "public",
        "accept-join_policy": "open",
        "accept-submission": token,
    }

    first, second = client.post(url, data), client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert Community.objects.filter(slug="laurentides").count() == 1


def test_a_double_clicked_objective_is_added_once(community, facilitator):
    _sent_twice(
        _client(facilitator),
        _url("objective_create", community),
        _objective_data(baseline="10", target="40"),
    )

    assert Objective.objects.count() == 1


def test_a_double_clicked_measure_is_recorded_once(community, facilitator):
    objective = ObjectiveFactory(community=community)
    client = _client(facilitator)
    token = _token(client, _url("objective_detail", community, objective.pk))
    data = {
        "value": "30",
        "measured_on": timezone.localdate().isoformat(),
        "submission": token,
    }
    url = _url("objective_progress", community, objective.pk)

    client.post(url, data)
    client.post(url, data)

    assert ObjectiveProgress.objects.count() == 1
