"""notify(): who is told, once, and who is e-mailed at once; reading and choices."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent
from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.notifications import services
from maillage.notifications.models import (
    Frequency,
    Notification,
    NotificationPreference,
)

from .factories import NotificationFactory, consent_to_email


def _notify(recipients, community, actor, kind="mention", **kwargs):
    defaults = {
        "subject": "Collations locales en CPE",
        "excerpt": "Des idées pour l'hiver?",
        "url": "/c/monteregie/fils/1/#reponse-3",
    }
    return services.notify(
        recipients=recipients,
        community=community,
        kind=kind,
        actor=actor,
        **{**defaults, **kwargs},
    )


def test_notify_creates_one_notification_per_recipient(community, actor, member):
    """Each recipient gets a notification with the stored actor, subject and link."""
    other = MembershipFactory(community=community).user
    created = _notify([member, other], community, actor)
    assert {n.recipient_id for n in created} == {member.pk, other.pk}
    stored = Notification.objects.get(recipient=member)
    assert stored.actor == actor
    assert stored.kind == "mention"
    assert stored.url == "/c/monteregie/fils/1/#reponse-3"
    assert stored.read_at is None


def test_notify_accepts_ids_as_recipients(community, actor, member):
    """Recipients may be given as ids as well as people."""
    created = _notify([member.pk], community, actor)
    assert [n.recipient_id for n in created] == [member.pk]


def test_notify_leaves_out_the_actor(community, actor, member):
    """Nobody is notified of their own action."""
    created = _notify([actor, member], community, actor)
    assert [n.recipient_id for n in created] == [member.pk]


def test_notify_leaves_out_deleted_and_deactivated_people(community, actor):
    """Deleted or deactivated accounts receive nothing."""
    deleted = MembershipFactory(community=community, user__deleted_at=timezone.now())
    inactive = MembershipFactory(community=community, user__is_active=False)
    assert _notify([deleted.user, inactive.user], community, actor) == []


def test_notify_in_a_public_community_reaches_non_members(community, actor, outsider):
    """A public community's content is readable by anyone, so anyone may be told."""
    created = _notify([outsider], community, actor)
    assert [n.recipient_id for n in created] == [outsider.pk]


@pytest.mark.parametrize(
    "visibility", [Community.Visibility.PRIVATE, Community.Visibility.RESTRICTED]
)
def test_notify_leaves_out_non_members_of_closed_communities(visibility, outsider):
    """Non-members, former members and requesters of a restricted or private
    community are not told of its content."""
    closed = CommunityFactory(visibility=visibility)
    actor = MembershipFactory(community=closed).user
    member = MembershipFactory(community=closed).user
    left = MembershipFactory(community=closed, state=Membership.State.LEFT).user
    requester = MembershipFactory(
        community=closed, state=Membership.State.REQUESTED
    ).user
    invited = MembershipFactory(community=closed, state=Membership.State.INVITED).user
    created = _notify([member, left, requester, invited, outsider], closed, actor)
    assert [n.recipient_id for n in created] == [member.pk]


def test_notify_includes_staff_in_a_private_community(
    private_community, private_member, staff
):
    """Staff can read every community, so they may be told (e.g. of a flag)."""
    created = _notify([staff], private_community, private_member, kind="flag")
    assert [n.recipient_id for n in created] == [staff.pk]


def test_notify_does_not_repeat_an_unread_notification(community, actor, member):
    """An unread notification with the same target key is not created twice."""
    first = _notify([member], community, actor, target_key="thread:1:new_reply")
    second = _notify([member], community, actor, target_key="thread:1:new_reply")
    assert len(first) == 1
    assert second == []
    assert Notification.objects.filter(recipient=member).count() == 1


def test_notify_repeats_once_the_first_was_read(community, actor, member):
    """After reading, the next event on the same target notifies again."""
    (first,) = _notify([member], community, actor, target_key="thread:1:new_reply")
    services.mark_read(user=member, notification_id=first.pk)
    again = _notify([member], community, actor, target_key="thread:1:new_reply")
    assert len(again) == 1


def test_notify_without_target_key_never_merges(community, actor, member):
    """An empty target key means every event is its own notification."""
    _notify([member], community, actor)
    _notify([member], community, actor)
    assert Notification.objects.filter(recipient=member).count() == 2


def test_notify_rejects_an_unknown_kind(community, actor, member):
    """A typo in the kind fails loudly instead of storing nonsense."""
    with pytest.raises(ValueError, match="kind"):
        _notify([member], community, actor, kind="like")


def test_notify_truncates_long_subjects_and_excerpts(community, actor, member):
    """Over-long texts are cut to the stored lengths, not refused."""
    (created,) = _notify(
        [member], community, actor, subject="s" * 400, excerpt="e" * 400
    )
    created.refresh_from_db()
    assert len(created.subject) == 255
    assert len(created.excerpt) == 300


def test_notify_costs_a_fixed_number_of_queries(
    private_community, private_member, django_assert_num_queries
):
    """Telling 3 or 30 people costs the same number of queries."""

    def members(n):
        return [MembershipFactory(community=private_community).user for _ in range(n)]

    few, many = members(3), members(30)
    for people in (few, many):
        for person in people:
            consent_to_email(person)
        # Users, memberships, unread duplicates, preferences, consents, insert,
        # and the savepoint pair of the atomic block.
        with django_assert_num_queries(8):
            _notify(people, private_community, private_member, target_key="t:1")


# Immediate e-mail.


def test_immediate_emails_cost_no_query_per_recipient(
    community, actor, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Rendering and sending the e-mails after commit reads nothing more."""
    people = [
        consent_to_email(MembershipFactory(community=community).user) for _ in range(10)
    ]
    with django_capture_on_commit_callbacks() as callbacks:
        _notify(people, community, actor)
    with django_assert_num_queries(0):
        for callback in callbacks:
            callback()


def test_mention_is_emailed_at_once_with_consent(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """With e-mail consent and default choices, a mention is e-mailed at once."""
    consent_to_email(member)
    with django_capture_on_commit_callbacks(execute=True):
        (created,) = _notify([member], community, actor)
    assert [m.to for m in mailoutbox] == [[member.email]]
    created.refresh_from_db()
    assert created.emailed_at is not None


def test_nothing_is_emailed_without_consent(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """Without the e-mail consent nothing is sent, and the notification waits."""
    with django_capture_on_commit_callbacks(execute=True):
        (created,) = _notify([member], community, actor)
    assert mailoutbox == []
    created.refresh_from_db()
    assert created.emailed_at is None


def test_withdrawn_consent_stops_email(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """A consent given then withdrawn no longer allows e-mail."""
    consent_to_email(member)
    account_services.withdraw_consent(user=member, purpose=Consent.Purpose.EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([member], community, actor)
    assert mailoutbox == []


@pytest.mark.parametrize(
    "frequency", [Frequency.DAILY, Frequency.WEEKLY, Frequency.NEVER]
)
def test_about_me_not_emailed_at_once_when_chosen_otherwise(
    community,
    actor,
    member,
    frequency,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    """A person who chose a digest or never for "about me" gets no immediate mail."""
    consent_to_email(member)
    services.set_preferences(user=member, about_me=frequency, followed="daily")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([member], community, actor, kind="reply")
    assert mailoutbox == []


def test_followed_activity_is_never_emailed_at_once(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """New replies in followed threads wait for the digest by default."""
    consent_to_email(member)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([member], community, actor, kind="new_reply")
    assert mailoutbox == []


def test_nothing_is_emailed_when_the_transaction_rolls_back(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """The e-mail goes out only once the notification is really saved."""
    from django.db import transaction

    consent_to_email(member)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _notify([member], community, actor)
        raise RuntimeError
    assert mailoutbox == []
    assert not Notification.objects.exists()


# Reading and choices.


def test_withdraw_deletes_what_is_about_the_key_and_what_it_holds(
    community, actor, member
):
    """What is about the key and about what it holds goes; what is about another
    key stays, even one that starts the same, and so does what shares the link."""
    for about in ("thread:1", "thread:1/reply:2", "thread:12", "thread:12/reply:3"):
        _notify([member], community, actor, url=f"/x/{about}/", about_key=about)
    _notify([member], community, actor, url="/x/thread:1/", about_key="")

    assert services.withdraw(community=community, about_key="thread:1") == 2

    assert sorted(Notification.objects.values_list("about_key", flat=True)) == [
        "",
        "thread:12",
        "thread:12/reply:3",
    ]


def test_withdraw_leaves_other_communities_alone(
    community, actor, member, private_community, private_member
):
    """Only the community named loses its notifications about the key."""
    _notify([member], community, actor, about_key="thread:1")
    _notify([private_member], private_community, actor, about_key="thread:1")

    assert services.withdraw(community=community, about_key="thread:1") == 1

    assert Notification.objects.get().community == private_community


def test_quote_again_changes_the_excerpt_of_that_key_only(community, actor, member):
    """Only notifications about exactly the key quote the new text, truncated
    like new ones; what is about a key that starts the same keeps its own."""
    for about in ("thread:1/reply:2", "thread:1/reply:20"):
        _notify([member], community, actor, about_key=about, excerpt="Avant")

    changed = services.quote_again(
        community=community, about_key="thread:1/reply:2", excerpt="x" * 400
    )

    assert changed == 1
    excerpts = dict(Notification.objects.values_list("about_key", "excerpt"))
    assert excerpts == {
        "thread:1/reply:2": "x" * 299 + "…",
        "thread:1/reply:20": "Avant",
    }


def test_withdraw_and_quote_again_refuse_an_empty_key(community):
    """An empty key would reach every notification not about anything."""
    with pytest.raises(ValueError):
        services.withdraw(community=community, about_key="")
    with pytest.raises(ValueError):
        services.quote_again(community=community, about_key="", excerpt="")


def test_mark_read_sets_the_date_once(member):
    """Marking read twice keeps the first date."""
    notification = NotificationFactory(recipient=member)
    first = services.mark_read(user=member, notification_id=notification.pk)
    again = services.mark_read(user=member, notification_id=notification.pk)
    assert first.read_at is not None
    assert again.read_at == first.read_at


def test_mark_read_refuses_someone_elses_notification(member, outsider):
    """Nobody can mark another person's notification."""
    notification = NotificationFactory(recipient=member)
    with pytest.raises(Notification.DoesNotExist):
        services.mark_read(user=outsider, notification_id=notification.pk)


def test_mark_all_read_marks_only_the_persons_own(member, outsider):
    """Mark all read touches only the caller's unread notifications."""
    NotificationFactory.create_batch(3, recipient=member)
    theirs = NotificationFactory(recipient=outsider)
    assert services.mark_all_read(user=member) == 3
    assert not Notification.objects.filter(recipient=member).unread().exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_set_preferences_saves_both_categories(member):
    """Choices are stored for the person."""
    services.set_preferences(user=member, about_me="daily", followed="weekly")
    preference = NotificationPreference.objects.get(user=member)
    assert (preference.about_me, preference.followed) == ("daily", "weekly")


def test_set_preferences_refuses_immediate_for_followed_activity(member):
    """Followed activity comes at most daily: "immediately" is refused."""
    with pytest.raises(ValidationError):
        services.set_preferences(user=member, about_me="daily", followed="immediate")
    assert not NotificationPreference.objects.exists()


def test_unsubscribe_sets_never_for_the_given_category_only(member):
    """Unsubscribing from "about me" leaves the followed-activity choice as it was."""
    services.set_preferences(user=member, about_me="immediate", followed="weekly")
    services.unsubscribe(user=member, categories=["about_me"])
    preference = NotificationPreference.objects.get(user=member)
    assert (preference.about_me, preference.followed) == ("never", "weekly")


def test_unsubscribe_creates_the_preference_when_missing(db):
    """A person on the defaults gets a row saying never."""
    user = UserFactory()
    services.unsubscribe(user=user, categories=["followed"])
    preference = NotificationPreference.objects.get(user=user)
    assert (preference.about_me, preference.followed) == ("immediate", "never")
