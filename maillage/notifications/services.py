"""Every write about notifications: creating them, reading them, delivery choices.

``notify`` is the one entry point for the apps above (conversations, meetings…):
it knows people, communities and the kinds the apps declared (``kinds.py``),
never threads.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from maillage.accounts.models import Consent, User
from maillage.communities import permissions as community_permissions
from maillage.communities.models import Community, Membership
from maillage.core import mail

from . import emails, kinds
from .models import Category, Frequency, Notification, NotificationPreference

# How far back a digest looks for notifications not yet e-mailed: twice the
# period, so that one missed scheduler run loses nothing, while someone who
# switches from "never" to a digest is not sent weeks of old news.
DIGEST_WINDOWS = {
    Frequency.DAILY: timedelta(days=2),
    Frequency.WEEKLY: timedelta(days=14),
}
# People handled per batch by ``send_digests``: each batch costs a fixed number
# of queries, whatever the number of notifications.
DIGEST_CHUNK_SIZE = 200
# SQLite limits the number of parameters of one statement.
_MAX_IDS_PER_QUERY = 900


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _pk(person) -> int:
    return person if isinstance(person, int) else person.pk


@transaction.atomic
def notify(
    *,
    recipients: Iterable,
    community: Community | None,
    kind: kinds.Kind | str,
    actor: User | None,
    subject: str,
    excerpt: str = "",
    url: str,
    target_key: str = "",
    about_key: str = "",
) -> list[Notification]:
    """Tell ``recipients`` (people or their ids) that ``actor`` did ``kind`` (a
    registered kind, or its key).

    Leaves out the actor, inactive or deleted accounts, people who cannot read the
    community's content, and anyone who already has an unread notification with
    the same ``target_key`` (at most 120 characters, e.g. "thread:12:reply").
    ``about_key`` names what ``subject`` and ``excerpt`` show (e.g.
    "thread:12/reply:5"), for ``withdraw`` and ``quote_again``.
    Without a community (a proposal, before any community exists) only staff
    are told.
    Immediate e-mails go out once the transaction commits. Costs a fixed number
    of queries whatever the number of recipients.
    """
    kind = kinds.get(kind)
    if not kind.is_registered:
        raise ValueError(f"Unknown notification kind: {kind.key!r}")
    wanted = {_pk(r) for r in recipients}
    if actor is not None:
        wanted.discard(actor.pk)
    if not wanted:
        return []
    people = {u.pk: u for u in User.objects.active().filter(pk__in=wanted)}
    if community is None:
        people = {pk: u for pk, u in people.items() if u.is_staff}
    else:
        readers = community_permissions.content_readers(community, people)
        people = {pk: u for pk, u in people.items() if pk in readers}
    if target_key and people:
        already = Notification.objects.unread().filter(
            recipient_id__in=people, target_key=target_key
        )
        for pk in already.values_list("recipient_id", flat=True):
            people.pop(pk, None)
    if not people:
        return []

    immediate = _immediate_recipients(people, kind)
    now = timezone.now()
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=person,
                community=community,
                kind=kind.key,
                actor=actor,
                subject=Truncator(subject).chars(255),
                excerpt=Truncator(excerpt).chars(300),
                url=url,
                target_key=target_key[:120],
                about_key=about_key[:120],
                emailed_at=now if pk in immediate else None,
            )
            for pk, person in sorted(people.items())
        ]
    )
    to_email = [n for n in notifications if n.recipient_id in immediate]
    if to_email:
        # Rendered after the commit, so that the write lock is not held for it.
        transaction.on_commit(
            lambda: mail.send(emails.notification_email(n) for n in to_email)
        )
    return notifications


def _immediate_recipients(people: dict, kind: kinds.Kind) -> set[int]:
    """Who among ``people`` wants this kind e-mailed at once and consented to it."""
    if kind.email != kinds.Email.AS_CHOSEN:
        return set()
    category = kind.category
    default = NotificationPreference.DEFAULTS[category]
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=people).values_list(
            "user_id", category
        )
    )
    wanting = {pk for pk in people if chosen.get(pk, default) == Frequency.IMMEDIATE}
    if not wanting:
        return set()
    return set(
        Consent.objects.current()
        .filter(user_id__in=wanting, purpose=Consent.Purpose.EMAIL)
        .values_list("user_id", flat=True)
    )


def _about(key: str) -> Q:
    """Notifications about ``key`` or about something inside it ("thread:1"
    covers "thread:1/reply:5", not "thread:12")."""
    return Q(about_key=key) | Q(about_key__startswith=f"{key}/")


@transaction.atomic
def withdraw(*, community: Community, about_key: str) -> int:
    """Delete the notifications of ``community`` about ``about_key`` or about
    what it holds, because it is no longer shown (a hidden thread and its
    replies).

    Their subject and excerpt would otherwise keep showing it in the lists and in
    the digests not sent yet. Returns how many were deleted.
    """
    if not about_key:
        raise ValueError("withdraw needs the key of what is no longer shown.")
    deleted, _by_model = Notification.objects.filter(
        _about(about_key), community=community
    ).delete()
    return deleted


@transaction.atomic
def quote_again(*, community: Community, about_key: str, excerpt: str) -> int:
    """Make the notifications of ``community`` about exactly ``about_key`` quote
    ``excerpt``: the text now shown there, or nothing once it is hidden or
    deleted, so that an earlier or removed text is not shown through them.
    Returns how many were changed.
    """
    if not about_key:
        raise ValueError("quote_again needs the key of what changed.")
    return Notification.objects.filter(community=community, about_key=about_key).update(
        excerpt=Truncator(excerpt).chars(300)
    )


@transaction.atomic
def mark_read(*, user: User, notification_id: int) -> Notification:
    """Mark one of ``user``'s notifications read (raises DoesNotExist otherwise)."""
    notification = (
        Notification.objects.for_reader(user)
        .select_related("actor", "community")
        .select_for_update(of=("self",))
        .get(pk=notification_id)
    )
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def mark_all_read(*, user: User) -> int:
    """Mark every unread notification of ``user`` read; returns how many."""
    return (
        Notification.objects.filter(recipient=user)
        .unread()
        .update(read_at=timezone.now())
    )


@transaction.atomic
def set_preferences(
    *, user: User, about_me: str, followed: str
) -> NotificationPreference:
    """Record how ``user`` wants each category of notification e-mailed."""
    if about_me not in Frequency.values:
        raise ValidationError({"about_me": _("Choose one of the options.")})
    if followed not in Frequency.values or followed == Frequency.IMMEDIATE:
        raise ValidationError({"followed": _("Choose one of the options.")})
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"about_me": about_me, "followed": followed}
    )
    return preference


@transaction.atomic
def unsubscribe(*, user: User, categories: Iterable[str]) -> NotificationPreference:
    """Stop every e-mail of ``categories`` for ``user`` (the unsubscribe link)."""
    categories = [c for c in categories if c in Category.values]
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    for category in categories:
        setattr(preference, category, Frequency.NEVER)
    preference.save()
    return preference


def _chose(category: str, frequencies: list[str]) -> Q:
    """Recipients whose choice for ``category`` is one of ``frequencies``."""
    field = f"recipient__notification_preference__{category}"
    chosen = Q(**{f"{field}__in": frequencies})
    if NotificationPreference.DEFAULTS[category] in frequencies:
        chosen |= Q(recipient__notification_preference__isnull=True)
    return chosen


def _in_digest(frequency: str) -> Q:
    """Notifications whose kind and recipient's preference put them in this
    digest. Kinds never e-mailed, or no longer declared, are left out; kinds
    e-mailed only in digests go in the daily one of those who chose
    "immediately"."""
    Email = kinds.Email
    condition = Q(pk__in=[])
    for category in Category.values:
        as_chosen = kinds.keys(category=category, email=Email.AS_CHOSEN)
        if as_chosen:
            condition |= Q(kind__in=as_chosen) & _chose(category, [frequency])
        digest_only = kinds.keys(category=category, email=Email.DIGEST)
        if digest_only:
            frequencies = [frequency]
            if frequency == Frequency.DAILY:
                frequencies.append(Frequency.IMMEDIATE)
            condition |= Q(kind__in=digest_only) & _chose(category, frequencies)
    return condition


def _digest_due(frequency: str, now):
    return (
        Notification.objects.unread()
        .filter(
            emailed_at__isnull=True,
            created_at__gt=now - DIGEST_WINDOWS[frequency],
            created_at__lte=now,
            recipient__is_active=True,
            recipient__deleted_at__isnull=True,
            recipient__consents__purpose=Consent.Purpose.EMAIL,
            recipient__consents__withdrawn_at__isnull=True,
        )
        .filter(_in_digest(frequency))
    )


def send_digests(
    *, frequency: str, now=None, chunk_size: int = DIGEST_CHUNK_SIZE
) -> int:
    """E-mail each person the digest of ``frequency``; returns how many were sent.

    Takes the notifications not yet e-mailed nor read, checks again that the
    reader may still see each community, and marks what was sent as e-mailed, so
    a second run sends nothing new. People are handled in chunks, each chunk in
    its own transaction and a fixed number of queries.
    """
    if frequency not in DIGEST_WINDOWS:
        raise ValueError(f"Unknown digest frequency: {frequency!r}")
    now = now or timezone.now()
    due = _digest_due(frequency, now)
    recipient_ids = sorted(set(due.values_list("recipient_id", flat=True)))
    sent = 0
    for chunk in _chunks(recipient_ids, chunk_size):
        sent += _send_digest_chunk(due.filter(recipient_id__in=chunk), frequency, now)
    return sent


@transaction.atomic
def _send_digest_chunk(due, frequency: str, now) -> int:
    # Locked rows belong to a run already under way (PostgreSQL): skip them so
    # that overlapping runs never send the same notification twice. The
    # recipient's row is locked with each notification, so a person handled by
    # one run is skipped whole by the other: two runs started at once never
    # split someone's notifications into two digests. (A person whose account
    # row is being updated at that instant waits for the next run, which looks
    # back twice the period.) SQLite's IMMEDIATE transactions serialise the
    # chunks instead.
    notifications = list(
        due.select_related("community", "actor", "recipient")
        .select_for_update(of=("self", "recipient"), skip_locked=True, no_key=True)
        .order_by(
            "recipient_id", "community__name", "community_id", "-created_at", "-id"
        )
    )
    private = {
        n.community_id
        for n in notifications
        if n.community is not None
        and not community_permissions.content_is_public(n.community)
    }
    memberships = {}
    if private:
        memberships = {
            (m.user_id, m.community_id): m
            for m in Membership.objects.active()
            .filter(
                community_id__in=private,
                user_id__in={n.recipient_id for n in notifications},
            )
            .only("user_id", "community_id", "state")
        }
    by_person: dict[int, list[Notification]] = {}
    for n in notifications:
        if n.community is None and not n.recipient.is_staff:
            # Only staff read what belongs to no community (proposals).
            continue
        membership = memberships.get((n.recipient_id, n.community_id))
        if n.community is not None and not community_permissions.can_view_content(
            n.recipient, n.community, membership
        ):
            continue
        by_person.setdefault(n.recipient_id, []).append(n)

    messages = [
        emails.digest_email(items[0].recipient, items, frequency=frequency)
        for items in by_person.values()
    ]
    sent_ids = [n.pk for items in by_person.values() for n in items]
    for ids in _chunks(sent_ids, _MAX_IDS_PER_QUERY):
        Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).update(
            emailed_at=now
        )
    mail.send_on_commit(messages)
    return len(messages)
