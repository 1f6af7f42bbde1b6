"""Staff are told of new community proposals, in the site and by e-mail, although
no community exists yet; nobody else is."""

import pytest
from django.test import Client
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory
from maillage.method import services as method_services
from maillage.notifications import services
from maillage.notifications.models import (
    Frequency,
    Notification,
    NotificationPreference,
)
from maillage.notifications.tests.factories import consent_to_email
from maillage.territories.models import Region

pytestmark = pytest.mark.django_db


def _propose(proposer, name="Gaspésie mange local"):
    return method_services.propose_community(
        proposer=proposer,
        role="Conseillère en saine alimentation",
        organisation="CISSS de la Gaspésie",
        name=name,
        domain="Achats locaux des cuisines publiques",
        regions=[Region.objects.get(code="11")],
        needs="Les cuisines ne connaissent pas l'offre.",
    )


@pytest.fixture
def proposer(db):
    return UserFactory(display_name="Gisèle Proposante")


@pytest.fixture
def staff_team(db):
    """Two active staff people, one inactive, and one who is not staff."""
    first = consent_to_email(UserFactory(is_staff=True, display_name="Sophie"))
    second = UserFactory(is_staff=True, display_name="Samuel")
    UserFactory(is_staff=True, is_active=False)
    consent_to_email(UserFactory(display_name="Pas du personnel"))
    return first, second


def test_the_method_declares_its_kind_of_notification():
    """The proposal kind is the method's, declared in the notifications registry."""
    from maillage.method.notifying import PROPOSAL
    from maillage.notifications import kinds

    assert kinds.get("proposal") is PROPOSAL


def test_every_active_staff_person_is_told_of_a_proposal(
    proposer, staff_team, mailoutbox, django_capture_on_commit_callbacks
):
    """Each active staff person gets a notification without community, linking to
    the review page; those who consented get it by e-mail at once; no one else."""
    with django_capture_on_commit_callbacks(execute=True):
        proposal = _propose(proposer)

    notifications = Notification.objects.filter(kind="proposal")
    assert {n.recipient for n in notifications} == set(staff_team)
    assert all(n.community is None for n in notifications)
    assert {n.url for n in notifications} == {
        reverse("method:proposal_detail", args=[proposal.pk])
    }
    (message,) = mailoutbox
    assert message.to == [staff_team[0].email]
    assert "Gisèle Proposante propose une nouvelle communauté" in message.subject
    assert "Pour l'équipe de la plateforme" in message.body
    assert f"/lancer-une-communaute/propositions/{proposal.pk}/" in message.body


def test_staff_who_chose_a_digest_get_the_proposal_in_it(
    proposer, staff_team, mailoutbox, django_capture_on_commit_callbacks
):
    """The e-mail follows each person's choice: a daily digest here."""
    first, _second = staff_team
    NotificationPreference.objects.create(user=first, about_me=Frequency.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        _propose(proposer)
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_digests(frequency="daily")

    assert sent == 1
    (digest,) = mailoutbox
    assert "Gaspésie mange local" in digest.body
    assert "Pour l'équipe de la plateforme" in digest.body


def test_a_digest_leaves_out_a_proposal_once_the_person_is_no_longer_staff(
    proposer, staff_team, mailoutbox, django_capture_on_commit_callbacks
):
    """Staff status is checked again when the digest is sent."""
    first, _second = staff_team
    NotificationPreference.objects.create(user=first, about_me=Frequency.DAILY)
    _propose(proposer)
    first.is_staff = False
    first.save()

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_digests(frequency="daily")

    assert sent == 0 and mailoutbox == []


def test_staff_see_the_proposal_in_their_notifications(proposer, staff_team):
    """The list shows it, marked as for the platform team, with its link."""
    proposal = _propose(proposer)
    client = Client()
    client.force_login(staff_team[1])

    html = client.get(reverse("notifications:notification_list")).content.decode()

    assert "Gisèle Proposante propose une nouvelle communauté" in html
    assert "« Gaspésie mange local »" in html
    assert "Pour l'équipe de la plateforme" in html
    open_url = reverse(
        "notifications:notification_open",
        args=[Notification.objects.get(recipient=staff_team[1]).pk],
    )
    response = client.post(open_url)
    assert response.url == reverse("method:proposal_detail", args=[proposal.pk])


def test_a_notification_without_community_reaches_staff_only(proposer, staff_team):
    """notify() without a community drops whoever is not staff, even if named."""
    someone = UserFactory()

    created = services.notify(
        recipients=[someone, *staff_team],
        community=None,
        kind="proposal",
        actor=proposer,
        subject="Une proposition",
        url="/lancer-une-communaute/propositions/1/",
    )

    assert {n.recipient for n in created} == set(staff_team)


def test_someone_no_longer_staff_no_longer_sees_it(proposer, staff_team):
    """Without a community to read, only staff read such a notification."""
    _propose(proposer)
    former = staff_team[1]
    former.is_staff = False
    former.save()
    client = Client()
    client.force_login(former)

    html = client.get(reverse("notifications:notification_list")).content.decode()

    assert "Gaspésie mange local" not in html


def test_a_second_proposal_is_a_second_notification(proposer, staff_team):
    """Each proposal has its own notification, unread ones included."""
    _propose(proposer)
    _propose(proposer, name="Laurentides à table")

    assert Notification.objects.filter(recipient=staff_team[0]).count() == 2
