"""What a new user hit (issue 10): bad input to the communities app is refused
with a message, and a creating form sent twice creates once (the method's part
is in ``maillage/method/tests/test_bad_input.py``)."""

import pytest
from django.test import Client
from django.urls import reverse

from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.territories.models import Region

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999"


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _url(name, community, *args):
    return reverse(f"communities:{name}", args=[community.slug, *args])


def _token(client, url):
    page = client.get(url).content.decode()
    return page.split('name="submission" value="', 1)[1].split('"', 1)[0]


def _sent_twice(client, url, data):
    """POST the form as shown once, twice (a double click)."""
    data = {**data, "submission": _token(client, url)}
    return client.post(url, data), client.post(url, data)


# Ids too large for the database ----------------------------------------------------


def test_a_huge_region_id_is_a_form_error(staff):
    response = _client(staff).post(
        reverse("communities:community_create"),
        {
            "name": "Laval en cuisine",
            "slug": "laval",
            "domain": "Menus",
            "regions": [HUGE],
            "visibility": "public",
            "join_policy": "open",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["regions"]
    assert not Community.objects.filter(slug="laval").exists()


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("membership_role", ["monteregie", HUGE]),
        ("request_decide", ["monteregie", HUGE]),
    ],
)
def test_a_huge_id_in_a_path_is_not_found(community, facilitator, name, params):
    path = reverse(f"communities:{name}", args=[params[0], 1]).replace(
        "/1/", f"/{HUGE}/"
    )

    assert _client(facilitator).get(path).status_code == 404
    assert _client(facilitator).post(path).status_code == 404


def test_a_huge_page_of_members_shows_a_page(community, member):
    response = _client(member).get(_url("member_list", community), {"page": HUGE})

    assert response.status_code == 200


# Creating forms sent twice ------------------------------------------------------------


def test_a_double_clicked_community_is_created_once(staff):
    first, second = _sent_twice(
        _client(staff),
        reverse("communities:community_create"),
        {
            "name": "Laval en cuisine",
            "slug": "laval-en-cuisine",
            "domain": "Menus locaux",
            "regions": [Region.objects.get(code="13").pk],
            "visibility": "public",
            "join_policy": "open",
        },
    )

    community = Community.objects.get(slug="laval-en-cuisine")
    assert first.url == second.url == community.get_absolute_url()


def test_a_double_clicked_invitation_is_sent_once(
    community, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    """The first invitation's link stays valid: the second sending is the first."""
    with django_capture_on_commit_callbacks(execute=True):
        first, second = _sent_twice(
            _client(facilitator),
            _url("invitation_list", community),
            {"email": "nouvelle@exemple.qc.ca", "role": "member", "message": ""},
        )

    assert first.status_code == second.status_code == 302
    assert Invitation.objects.count() == 1
    assert len(mailoutbox) == 1


# Unknown choices ----------------------------------------------------------------------


def test_an_unknown_role_is_a_400_that_says_so(community, facilitator, member):
    """The trial's role=overlord: refused with the roles there are."""
    membership = member.memberships.get()

    response = _client(facilitator).post(
        _url("membership_role", community, membership.pk), {"role": "overlord"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "overlord" in page
    assert "Animateur" in page
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER


def test_an_unknown_decision_is_a_400(community, facilitator, outsider):
    request = MembershipFactory(
        community=community, user=outsider, state=Membership.State.REQUESTED
    )

    response = _client(facilitator).post(
        _url("request_decide", community, request.pk), {"decision": "maybe"}
    )

    assert response.status_code == 400
    request.refresh_from_db()
    assert request.state == Membership.State.REQUESTED


def test_an_unknown_answer_to_an_invitation_is_a_400(community, outsider):
    response = _client(outsider).post(
        _url("invitation_respond", community), {"action": "later"}
    )

    assert response.status_code == 400
