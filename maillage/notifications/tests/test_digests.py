"""Digests: contents by community, sent once, and never what the reader cannot see."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent
from maillage.communities import services as community_services
from maillage.communities.models import Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.notifications import services
from maillage.notifications.models import Notification

from .factories import NotificationFactory, consent_to_email


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run a digest and let its e-mails go out, as the command does."""

    def run(frequency="daily", **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.send_digests(frequency=frequency, **kwargs)

    return run


def test_daily_digest_groups_notifications_by_community(
    community, member, mailoutbox, send
):
    """One e-mail lists each community once, with its notifications under it."""
    consent_to_email(member)
    other = CommunityFactory(name="Abitibi à table")
    NotificationFactory(recipient=member, community=community, subject="Menu d'hiver")
    NotificationFactory(recipient=member, community=other, subject="Courges locales")
    NotificationFactory(recipient=member, community=community, subject="Pain local")
    assert send() == 1
    (message,) = mailoutbox
    body = message.body
    assert body.count("Montérégie mange local") == 1
    assert body.count("Abitibi à table") == 1
    # Communities in name order; each notification under its own community.
    assert body.index("Abitibi à table") < body.index("Courges locales")
    assert body.index("Courges locales") < body.index("Montérégie mange local")
    assert body.index("Montérégie mange local") < body.index("Menu d'hiver")
    assert body.index("Montérégie mange local") < body.index("Pain local")
    html = message.alternatives[0][0]
    assert html.count("<h2") == 2
    assert "Pain local" in html


def test_digest_marks_notifications_emailed_and_is_idempotent(member, mailoutbox, send):
    """Running the digest twice sends nothing the second time."""
    consent_to_email(member)
    NotificationFactory.create_batch(3, recipient=member)
    assert send() == 1
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert send() == 0
    assert len(mailoutbox) == 1


def test_digest_sends_only_what_is_new_since_the_last_one(member, mailoutbox, send):
    """A later notification goes into the next digest, alone."""
    consent_to_email(member)
    NotificationFactory(recipient=member, subject="Premier")
    send()
    NotificationFactory(recipient=member, subject="Second")
    send()
    assert len(mailoutbox) == 2
    assert "Premier" not in mailoutbox[1].body
    assert "Second" in mailoutbox[1].body


def test_digest_leaves_out_read_notifications(member, mailoutbox, send):
    """What was already read on the site is not e-mailed."""
    consent_to_email(member)
    NotificationFactory(recipient=member, read_at=timezone.now(), subject="Déjà lu")
    NotificationFactory(recipient=member, subject="Pas encore lu")
    send()
    assert "Déjà lu" not in mailoutbox[0].body
    assert "Pas encore lu" in mailoutbox[0].body


def test_digest_needs_email_consent(member, mailoutbox, send):
    """Without the e-mail consent no digest is sent."""
    NotificationFactory(recipient=member)
    consent_to_email(NotificationFactory().recipient)
    account_services.give_consent(user=member, purpose=Consent.Purpose.DIRECTORY)
    assert send() == 1
    assert member.email not in [to for m in mailoutbox for to in m.to]


def test_digest_rechecks_visibility_at_send_time(
    private_community, community, mailoutbox, send
):
    """A person removed from a private community gets nothing from it any more."""
    facilitator = MembershipFactory(
        community=private_community, role=Membership.Role.FACILITATOR
    ).user
    person = MembershipFactory(community=private_community).user
    MembershipFactory(community=community, user=person)
    consent_to_email(person)
    services.notify(
        recipients=[person],
        community=private_community,
        kind="new_thread",
        actor=facilitator,
        subject="Prix secrets du fournisseur",
        url="/c/cuisines-estrie/fils/1/",
    )
    NotificationFactory(
        recipient=person, community=community, subject="Nouvelle ouverte"
    )
    membership = Membership.objects.get(community=private_community, user=person)
    community_services.remove_member(actor=facilitator, membership=membership)
    assert send() == 1
    (message,) = mailoutbox
    assert "Prix secrets du fournisseur" not in message.body
    assert "Cuisines de l'Estrie" not in message.body
    assert "Prix secrets du fournisseur" not in message.alternatives[0][0]
    assert "Nouvelle ouverte" in message.body


def test_digest_with_only_hidden_notifications_sends_nothing(
    private_community, mailoutbox, send
):
    """When everything comes from a community one left, no e-mail goes out."""
    person = MembershipFactory(
        community=private_community, state=Membership.State.LEFT
    ).user
    consent_to_email(person)
    NotificationFactory(recipient=person, community=private_community)
    assert send() == 0
    assert mailoutbox == []


def test_weekly_digest_holds_what_the_person_chose_weekly(member, mailoutbox, send):
    """Followed activity set to weekly waits for the weekly digest."""
    member.language = "en"  # the assertions read the English wording
    member.save()
    consent_to_email(member)
    services.set_preferences(user=member, about_me="immediate", followed="weekly")
    NotificationFactory(recipient=member, kind="new_reply", subject="Hebdo")
    assert send("daily") == 0
    assert send("weekly") == 1
    assert "Hebdo" in mailoutbox[0].body
    assert "weekly" in mailoutbox[0].subject


def test_daily_digest_by_default_for_followed_activity(member, mailoutbox, send):
    """With no choice made, followed activity comes in the daily digest."""
    consent_to_email(member)
    NotificationFactory(recipient=member, kind="new_thread")
    assert send("weekly") == 0
    assert send("daily") == 1


def test_about_me_in_a_digest_when_chosen(member, mailoutbox, send):
    """Mentions go into the daily digest for a person who chose so, and followed
    activity set to never stays out of it."""
    consent_to_email(member)
    services.set_preferences(user=member, about_me="daily", followed="never")
    NotificationFactory(recipient=member, kind="mention", subject="Mention")
    NotificationFactory(recipient=member, kind="new_reply", subject="Suivi")
    assert send("daily") == 1
    assert "Mention" in mailoutbox[0].body
    assert "Suivi" not in mailoutbox[0].body


def test_immediately_emailed_notifications_stay_out_of_digests(
    community, actor, member, mailoutbox, send, django_capture_on_commit_callbacks
):
    """A mention e-mailed at once is not repeated in the digest."""
    consent_to_email(member)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipients=[member],
            community=community,
            kind="mention",
            actor=actor,
            subject="Mention",
            url="/",
        )
    assert send("daily") == 0
    assert len(mailoutbox) == 1


def test_digest_unsubscribe_link_covers_its_categories(member, mailoutbox, send):
    """A digest holding both categories unsubscribes from both."""
    from maillage.notifications import emails

    consent_to_email(member)
    services.set_preferences(user=member, about_me="weekly", followed="weekly")
    NotificationFactory(recipient=member, kind="mention")
    NotificationFactory(recipient=member, kind="new_reply")
    send("weekly")
    message = mailoutbox[0].message()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = message["List-Unsubscribe"][1:-1].rstrip("/").rsplit("/", 1)[1]
    assert emails.read_unsubscribe_token(token) == (
        member.pk,
        ["about_me", "followed"],
    )


def test_digest_is_in_the_readers_language(community, make_member, mailoutbox, send):
    """An English-speaking person gets an English digest."""
    person = consent_to_email(make_member(community, language="en"))
    NotificationFactory(recipient=person, community=community)
    send()
    assert mailoutbox[0].subject == "[Maillage] Your daily digest: 1 notification"
    assert 'lang="en"' in mailoutbox[0].alternatives[0][0]


def test_digest_ignores_notifications_older_than_its_window(member, mailoutbox, send):
    """A daily digest does not dig up notifications from weeks ago."""
    consent_to_email(member)
    old = NotificationFactory(recipient=member, subject="Ancienne")
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=10)
    )
    NotificationFactory(recipient=member, subject="Récente")
    send()
    assert "Ancienne" not in mailoutbox[0].body


def test_digest_caps_the_list_and_counts_the_rest(member, mailoutbox, send):
    """A digest lists 50 notifications at most and says how many more wait."""
    member.language = "en"  # the assertions read the English wording
    member.save()
    consent_to_email(member)
    NotificationFactory.create_batch(53, recipient=member)
    send()
    assert "53 notifications" in mailoutbox[0].subject
    assert "And 3 more notifications" in mailoutbox[0].body


def test_digest_query_count_does_not_grow_with_people(
    community, private_community, django_assert_num_queries, send
):
    """A chunk of people costs the same queries whatever their number."""

    def people(n):
        made = []
        for _ in range(n):
            person = consent_to_email(MembershipFactory(community=community).user)
            MembershipFactory(community=private_community, user=person)
            NotificationFactory.create_batch(2, recipient=person, community=community)
            NotificationFactory(recipient=person, community=private_community)
            made.append(person)
        return made

    # Who is due; per chunk: savepoint, notifications, memberships, update,
    # release.
    people(3)
    with django_assert_num_queries(6):
        assert send(chunk_size=100) == 3
    people(12)
    with django_assert_num_queries(6):
        assert send(chunk_size=100) == 12


def test_send_digests_command(member, mailoutbox, django_capture_on_commit_callbacks):
    """The scheduler's command sends the chosen digest and says how many."""
    from io import StringIO

    consent_to_email(member)
    NotificationFactory(recipient=member)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "--frequency", "daily", stdout=out)
    assert "1 daily digest" in out.getvalue()
    assert len(mailoutbox) == 1


def test_send_digests_command_requires_a_frequency(db):
    """The command refuses to guess the frequency."""
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_digests")
    with pytest.raises(CommandError):
        call_command("send_digests", "--frequency", "hourly")


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks: PostgreSQL (SQLite serialises the chunks)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_overlapping_runs_never_split_a_persons_digest(
    community, mailoutbox, django_capture_on_commit_callbacks
):
    """A run that has begun on someone (PostgreSQL row locks, as
    ``_send_digest_chunk`` takes them: the notification with its recipient)
    holds that person whole: another run at the same moment sends the others
    their digest and leaves that person out, instead of sending them a second
    digest with the rest of their notifications; once the first run is over,
    what it did not send goes in the next digest, once."""
    from django.db import transaction

    held, other = (
        consent_to_email(MembershipFactory(community=community).user) for _ in range(2)
    )
    first = NotificationFactory(recipient=held, community=community)
    NotificationFactory.create_batch(2, recipient=held, community=community)
    NotificationFactory.create_batch(2, recipient=other, community=community)
    locked, release = threading.Event(), threading.Event()

    def run_under_way():
        from django.db import connection as own

        try:
            with transaction.atomic():
                list(
                    Notification.objects.filter(pk=first.pk)
                    .select_related("recipient")
                    .select_for_update(of=("self", "recipient"), no_key=True)
                )
                locked.set()
                release.wait(timeout=30)
        finally:
            own.close()

    thread = threading.Thread(target=run_under_way)
    thread.start()
    try:
        assert locked.wait(timeout=30)
        with django_capture_on_commit_callbacks(execute=True):
            assert services.send_digests(frequency="daily") == 1
    finally:
        release.set()
        thread.join(timeout=30)
    assert [m.to for m in mailoutbox] == [[other.email]]
    assert Notification.objects.filter(recipient=held, emailed_at=None).count() == 3

    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(frequency="daily") == 1
    assert [m.to for m in mailoutbox] == [[other.email], [held.email]]
    assert not Notification.objects.filter(emailed_at=None).exists()
