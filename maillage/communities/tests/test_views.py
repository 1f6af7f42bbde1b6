"""The community pages and forms, through the test client."""

import re

import pytest
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community, Invitation, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.territories.models import Region

pytestmark = pytest.mark.django_db


def test_home_lists_communities_with_their_region(client, community):
    """The home page shows each listed community with its region."""
    response = client.get(reverse("communities:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Montérégie" in html
    assert community.name in html


def test_home_filters_by_region(client, community):
    """A region filter keeps only the communities of that region."""
    estrie = CommunityFactory(
        name="Estrie à table", regions=[Region.objects.get(code="05")]
    )
    response = client.get(reverse("communities:home"), {"region": "05"})
    html = response.content.decode()
    assert estrie.name in html
    assert community.name not in html


def test_home_htmx_request_returns_only_results(client, community):
    """An htmx request gets the results fragment, not the whole page."""
    response = client.get(reverse("communities:home"), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="results"' in html
    assert "<html" not in html


def test_home_lists_a_community_of_two_regions_once(client):
    """A community with two regions has one card on the home page."""
    both = CommunityFactory(
        name="Les deux rives",
        regions=[Region.objects.get(code="16"), Region.objects.get(code="06")],
    )
    html = client.get(reverse("communities:home")).content.decode()
    assert html.count(f'href="{both.get_absolute_url()}"') == 1


def test_home_marks_dissolved_communities_and_lists_them_last(client, community):
    """A dissolved community carries the "Dissolved" badge, after the living ones."""
    from django.utils import timezone

    CommunityFactory(name="Aaa dissoute", archived_at=timezone.now())
    html = client.get(reverse("communities:home")).content.decode()
    assert "Dissoute" in html
    assert html.index(community.name) < html.index("Aaa dissoute")
    assert html.index("Communautés dissoutes") < html.index("Aaa dissoute")


def test_home_shows_the_latest_exchange_of_a_public_community(client, community):
    """A public community's card names its latest exchange, linked, with its age."""
    from maillage.conversations.tests.factories import ThreadFactory

    thread = ThreadFactory(community=community, title="Des courges en février")
    html = client.get(reverse("communities:home")).content.decode()
    assert "Des courges en février" in html
    assert f'href="{thread.get_absolute_url()}"' in html
    assert "<time datetime=" in html


def test_home_keeps_a_restricted_community_s_exchanges_from_outsiders(client, outsider):
    """A restricted community's card says its content is for members, and
    shows none of it to a visitor or a non-member."""
    from maillage.conversations.tests.factories import ThreadFactory

    circle = CommunityFactory(name="Cercle", visibility=Community.Visibility.RESTRICTED)
    ThreadFactory(community=circle, title="Titre réservé aux membres")
    member = MembershipFactory(community=circle).user
    for viewer in (None, outsider):
        if viewer is not None:
            client.force_login(viewer)
        html = client.get(reverse("communities:home")).content.decode()
        assert "Titre réservé aux membres" not in html
        assert "sont réservés à ses membres" in html
    client.force_login(member)
    html = client.get(reverse("communities:home")).content.decode()
    assert "Titre réservé aux membres" in html


def test_home_without_communities_invites_to_start_one(client):
    """With no community, the home page says so and leads to the guide."""
    html = client.get(reverse("communities:home")).content.decode()
    assert "Aucune communauté n'est encore ouverte" in html
    assert f'href="{reverse("method:guide")}"' in html


def test_home_shows_my_communities_when_logged_in(client, member, community):
    """A logged-in member sees the communities they belong to."""
    client.force_login(member)
    response = client.get(reverse("communities:home"))
    assert response.context["my_memberships"][0].community == community


def test_staff_creates_community_and_becomes_facilitator(client, staff):
    """A valid form creates the community with its creator as facilitator."""
    client.force_login(staff)
    response = client.post(
        reverse("communities:community_create"),
        {
            "name": "Laval en cuisine",
            "slug": "laval-en-cuisine",
            "domain": "Menus locaux dans les écoles",
            "description": "Bienvenue",
            "regions": [Region.objects.get(code="13").pk],
            "visibility": "public",
            "join_policy": "open",
        },
    )
    community = Community.objects.get(slug="laval-en-cuisine")
    assert response.status_code == 302
    assert response["Location"] == community.get_absolute_url()
    assert community.memberships.get().role == Membership.Role.FACILITATOR


def test_create_community_bad_input_keeps_what_was_typed(client, staff, community):
    """A taken slug and no region give errors next to the fields; nothing saved."""
    client.force_login(staff)
    response = client.post(
        reverse("communities:community_create"),
        {
            "name": "Nom gardé",
            "slug": community.slug,
            "domain": "Domaine gardé",
            "visibility": "public",
            "join_policy": "open",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "slug" in form.errors
    assert "regions" in form.errors
    html = response.content.decode()
    assert 'value="Nom gardé"' in html
    assert 'value="Domaine gardé"' in html
    assert Community.objects.count() == 1


def test_ordinary_user_cannot_open_the_create_page(client, member):
    """Only staff and people allowed by staff may launch a community."""
    client.force_login(member)
    assert client.get(reverse("communities:community_create")).status_code == 403


def test_presentation_shows_the_action_that_fits(
    client, community, facilitator, outsider
):
    """An outsider on an open community is offered to join."""
    client.force_login(outsider)
    response = client.get(community.get_absolute_url())
    assert response.context["can_join"] is True
    assert reverse("communities:community_join", args=[community.slug]) in (
        response.content.decode()
    )


def test_join_open_community(client, community, facilitator, outsider):
    """Joining an open community makes the person an active member."""
    client.force_login(outsider)
    response = client.post(reverse("communities:community_join", args=[community.slug]))
    assert response.status_code == 302
    assert Membership.objects.get(user=outsider, community=community).is_active


def test_request_then_approval_tells_the_person(
    client, facilitator, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    """A request reaches the facilitators; approving it e-mails the requester."""
    community = CommunityFactory(join_policy=Community.JoinPolicy.REQUEST)
    MembershipFactory(community=community, user=facilitator, role="facilitator")
    client.force_login(outsider)
    url = reverse("communities:membership_request", args=[community.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"message": "Je gère la cuisine d'un CPE."})
    pending = Membership.objects.get(user=outsider, community=community)
    assert pending.state == Membership.State.REQUESTED
    assert [m.to for m in mailoutbox] == [[facilitator.email]]

    client.force_login(facilitator)
    response = client.get(reverse("communities:request_list", args=[community.slug]))
    assert "Je gère la cuisine d&#x27;un CPE." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("communities:request_decide", args=[community.slug, pending.pk]),
            {"decision": "approve"},
        )
    pending.refresh_from_db()
    assert pending.is_active
    assert mailoutbox[-1].to == [outsider.email]
    assert community.name in mailoutbox[-1].subject


def test_request_without_message_shows_error(client, outsider):
    """An empty request message is refused next to the field."""
    community = CommunityFactory(join_policy=Community.JoinPolicy.REQUEST)
    client.force_login(outsider)
    response = client.post(
        reverse("communities:membership_request", args=[community.slug]),
        {"message": ""},
    )
    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    assert not Membership.objects.filter(user=outsider).exists()


def test_invitation_flow_for_someone_without_an_account(
    client, community, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    """A facilitator invites an e-mail; its owner signs up, verifies and joins."""
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("communities:invitation_list", args=[community.slug]),
            {"email": "nouvelle@cpe.qc.ca", "role": "member", "message": "Bienvenue!"},
        )
    invitation_mail = mailoutbox[-1]
    assert invitation_mail.to == ["nouvelle@cpe.qc.ca"]
    link = re.search(r"http://\S+/invitations/\S+/", invitation_mail.body).group(0)
    path = link.split("127.0.0.1:8000", 1)[1]
    client.logout()

    # The link works without an account and remembers where to come back.
    page = client.get(path)
    assert page.status_code == 200
    assert community.domain in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "nouvelle@cpe.qc.ca",
                "password1": "Pommes-de-terre-2026",
                "password2": "Pommes-de-terre-2026",
                "display_name": "Nadia Nouvelle",
                "accept_terms": "on",
            },
        )
    assert response.status_code == 302
    confirm = re.search(r"http://\S+/compte/confirm-email/\S+/", mailoutbox[-1].body)
    confirm_path = confirm.group(0).split("testserver", 1)[-1]
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert response["Location"] == path

    response = client.post(path, {"action": "accept"})
    assert response.status_code == 302
    membership = Membership.objects.get(
        user__email="nouvelle@cpe.qc.ca", community=community
    )
    assert membership.is_active
    assert Invitation.objects.get().accepted_by == membership.user
    # Single use: the link no longer works.
    assert "no longer valid" in client.get(path).content.decode() or (
        "plus valide" in client.get(path).content.decode()
    )


def test_invite_bad_email_shows_error_and_sends_nothing(
    client, community, facilitator, mailoutbox
):
    """A malformed address is refused next to the field."""
    client.force_login(facilitator)
    response = client.post(
        reverse("communities:invitation_list", args=[community.slug]),
        {"email": "pas-une-adresse", "role": "member"},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert Invitation.objects.count() == 0
    assert mailoutbox == []


def test_invite_active_member_is_refused(client, community, facilitator, member):
    """Inviting someone already in the community shows a clear error."""
    client.force_login(facilitator)
    response = client.post(
        reverse("communities:invitation_list", args=[community.slug]),
        {"email": member.email, "role": "member"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Invitation.objects.count() == 0


def test_last_facilitator_cannot_leave(client, community, facilitator):
    """Leaving as the only facilitator is refused with a message."""
    client.force_login(facilitator)
    response = client.post(
        reverse("communities:community_leave", args=[community.slug]), follow=True
    )
    assert Membership.objects.get(user=facilitator).is_facilitator
    assert "au moins un" in response.content.decode()


def test_member_leaves_after_confirmation(client, community, member):
    """The leave page asks first; the POST makes the member leave."""
    client.force_login(member)
    url = reverse("communities:community_leave", args=[community.slug])
    assert client.get(url).status_code == 200
    assert Membership.objects.get(user=member).is_active
    client.post(url)
    assert Membership.objects.get(user=member).state == Membership.State.LEFT


def test_facilitator_changes_role_and_removes_member(
    client, community, facilitator, member
):
    """Facilitators promote members and remove them after confirmation."""
    client.force_login(facilitator)
    target = Membership.objects.get(user=member)
    client.post(
        reverse("communities:membership_role", args=[community.slug, target.pk]),
        {"role": "sponsor"},
    )
    target.refresh_from_db()
    assert target.role == Membership.Role.SPONSOR
    remove_url = reverse(
        "communities:membership_remove", args=[community.slug, target.pk]
    )
    assert client.get(remove_url).status_code == 200
    client.post(remove_url)
    target.refresh_from_db()
    assert target.state == Membership.State.REMOVED


def test_demoting_last_facilitator_is_refused(client, community, facilitator, staff):
    """Staff cannot demote the only facilitator either."""
    client.force_login(staff)
    own = Membership.objects.get(user=facilitator)
    response = client.post(
        reverse("communities:membership_role", args=[community.slug, own.pk]),
        {"role": "member"},
        follow=True,
    )
    own.refresh_from_db()
    assert own.role == Membership.Role.FACILITATOR
    assert "au moins un" in response.content.decode()


def test_member_directory_filters_by_name(client, community, member, facilitator):
    """The name search narrows the directory."""
    client.force_login(member)
    response = client.get(
        reverse("communities:member_list", args=[community.slug]), {"q": "Françoise"}
    )
    names = [m.user.display_name for m in response.context["page"].object_list]
    assert names == ["Françoise Animatrice"]


def test_member_directory_htmx_returns_fragment(client, community, member):
    """Filtering with htmx swaps only the results."""
    client.force_login(member)
    response = client.get(
        reverse("communities:member_list", args=[community.slug]),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert 'id="results"' in html and "<html" not in html


def test_update_presentation(client, community, facilitator):
    """Facilitators edit the presentation; Markdown is rendered sanitised."""
    client.force_login(facilitator)
    client.post(
        reverse("communities:community_update", args=[community.slug]),
        {
            "name": community.name,
            "domain": "Nouveau domaine",
            "description": "**Gras** <script>alert(1)</script>",
            "regions": [r.pk for r in community.regions.all()],
            "visibility": "restricted",
            "join_policy": "request",
        },
    )
    community.refresh_from_db()
    assert community.domain == "Nouveau domaine"
    html = client.get(community.get_absolute_url()).content.decode()
    assert "<strong>Gras</strong>" in html
    assert "<script>alert(1)</script>" not in html


def test_unknown_invitation_token_is_404(client):
    """A made-up invitation link finds nothing."""
    assert client.get("/invitations/not-a-token/").status_code == 404


def test_private_community_is_404_for_outsiders(client, outsider):
    """A private community does not exist for those outside it."""
    private = CommunityFactory(name="Cercle secret", visibility="private")
    client.force_login(outsider)
    response = client.get(private.get_absolute_url())
    assert response.status_code == 404
    assert "Cercle secret" not in response.content.decode()


def test_user_factory_people_can_log_in(client):
    """Sanity check of the factory used across the suite."""
    person = UserFactory()
    assert client.login(email=person.email, password="motdepasse-123")


def test_invitee_with_account_accepts_from_the_community_page(
    client, facilitator, outsider
):
    """A person with an account answers an invitation without the e-mailed link."""
    from maillage.communities import services

    private = CommunityFactory(name="Cercle privé", visibility="private")
    MembershipFactory(community=private, user=facilitator, role="facilitator")
    services.invite_member(actor=facilitator, community=private, email=outsider.email)
    client.force_login(outsider)
    page = client.get(private.get_absolute_url())
    assert page.status_code == 200
    client.post(
        reverse("communities:invitation_respond", args=[private.slug]),
        {"action": "accept"},
    )
    assert Membership.objects.get(user=outsider, community=private).is_active


def test_responding_without_invitation_changes_nothing(client, community, outsider):
    """Without a pending invitation, the answer is refused."""
    client.force_login(outsider)
    client.post(
        reverse("communities:invitation_respond", args=[community.slug]),
        {"action": "accept"},
    )
    assert not Membership.objects.filter(user=outsider).exists()


def test_member_directory_search_ignores_accents_and_case(client, community, member):
    """Searching "francoise" finds "Françoise"; "erables" finds "Les Érables"."""
    from maillage.organisations.tests.factories import OrganisationFactory

    MembershipFactory(
        community=community,
        user__display_name="Françoise Gagné",
        user__organisation=OrganisationFactory(name="CPE Les Érables"),
    )
    client.force_login(member)
    url = reverse("communities:member_list", args=[community.slug])
    for query in ("francoise", "FRANÇOISE gagne", "erables"):
        names = [
            m.user.display_name
            for m in client.get(url, {"q": query}).context["page"].object_list
        ]
        assert names == ["Françoise Gagné"], query


def test_member_directory_is_paginated(client, community, member):
    """Beyond 20 members the directory continues on a second page."""
    MembershipFactory.create_batch(21, community=community)
    client.force_login(member)
    url = reverse("communities:member_list", args=[community.slug])
    first = client.get(url)
    assert len(first.context["page"].object_list) == 20
    assert "?page=2" in first.content.decode()
    second = client.get(url, {"page": 2})
    assert len(second.context["page"].object_list) == 2


def test_community_form_errors_are_summed_up_with_links_to_their_fields(client, staff):
    """A refused form starts with a summary of its errors, each linked to its field."""
    client.force_login(staff)
    response = client.post(reverse("communities:community_create"), {"name": ""})
    html = response.content.decode()
    assert response.status_code == 200
    summary = html[html.index('class="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert "Il y a un problème" in summary
    assert 'href="#id_name"' in summary
    assert 'href="#id_slug"' in summary


def test_request_list_pages_the_oldest_first_and_decides_on_the_same_page(
    client, community, facilitator
):
    """25 requests: 20 on the first page, oldest first, 5 on the second; a
    decision taken on the second page comes back to it."""
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now() - timedelta(days=30)
    pending = []
    for day in range(25):
        request = MembershipFactory(
            community=community, state=Membership.State.REQUESTED, joined_at=None
        )
        Membership.objects.filter(pk=request.pk).update(
            updated_at=start + timedelta(days=day)
        )
        pending.append(request)
    client.force_login(facilitator)
    url = reverse("communities:request_list", args=[community.slug])

    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()

    waiting = "25 demandes attendent une réponse, des plus anciennes aux plus récentes."
    assert waiting in first
    names = [p.user.public_name for p in pending]
    assert all(name in first for name in names[:20])
    assert not any(name in first for name in names[20:])
    assert all(name in second for name in names[20:])
    assert "Page 2 sur 2" in second
    assert 'name="page" value="2"' in second
    assert 'name="page"' not in first

    last = pending[24].pk
    decide = reverse("communities:request_decide", args=[community.slug, last])
    response = client.post(decide, {"decision": "decline", "page": "2"})
    assert response.url == f"{url}?page=2"
    response = client.post(
        reverse("communities:request_decide", args=[community.slug, pending[23].pk]),
        {"decision": "decline", "page": "²"},
    )
    assert response.url == url
