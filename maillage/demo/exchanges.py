"""The exchanges in the demo: each community gets its threads, replies, reactions
and solved (or unsolved) challenges, from ``exchanges_data.py``.

Writes go through the conversations services, as members would make them (so
mentions are recognised and notifications created); only their dates are moved
into the past afterwards, so that the activity reads like a story. A thread that
already exists (same community, same title) is left as it is, with its replies:
what people did while trying the demo stays.
"""

from contextlib import contextmanager
from datetime import timedelta

from django.test.utils import override_settings
from django.utils import timezone

from maillage.accounts.models import User
from maillage.communities.models import Community, Membership
from maillage.conversations import services
from maillage.conversations.models import Reply, Thread

from . import exchanges_data as data

CREATED_KEYS = ("threads", "replies", "reactions")
# Replies come this long after the thread, then after each other.
REPLY_SPACING = timedelta(hours=5)


def seed_exchanges(*, communities: dict, created) -> None:
    """Write the missing demo threads of each community (idempotent)."""
    for key in CREATED_KEYS:
        created.setdefault(key, 0)
    people = {
        u.email.lower(): u
        for u in User.objects.filter(
            email__in=_emails(), is_active=True, deleted_at__isnull=True
        )
    }
    # The demo posts faster than any person could: no rate limit here.
    with override_settings(MAILLAGE_POSTS_PER_MINUTE=0):
        for slug, threads in data.EXCHANGES.items():
            community = communities.get(slug)
            if community is None:
                continue
            existing = set(
                Thread.objects.filter(community=community).values_list(
                    "title", flat=True
                )
            )
            missing = [spec for spec in threads if spec["title"] not in existing]
            if not missing:
                continue
            with _writable(community) as base:
                if not existing:
                    _follow(community, slug, people)
                for spec in missing:
                    _thread(community, spec, people, base, created)


def _emails() -> set[str]:
    emails = {
        email for followers in data.COMMUNITY_FOLLOWERS.values() for email in followers
    }
    for threads in data.EXCHANGES.values():
        for spec in threads:
            emails.add(spec["author"])
            emails.update(email for email, _kind in spec.get("reactions", ()))
            for reply in spec["replies"]:
                emails.add(reply["author"])
                emails.update(email for email, _kind in reply.get("reactions", ()))
    return emails


@contextmanager
def _writable(community: Community):
    """Yield the date the community's story ends at (now, or its archive date).

    An archived community held its exchanges before it was dissolved, but the
    services refuse to write in an archive: its archive date is lifted while the
    seed writes, and put back in the same transaction.
    """
    community.refresh_from_db(fields=["archived_at"])
    archived_at = community.archived_at
    if archived_at is None:
        yield timezone.now()
        return
    Community.objects.filter(pk=community.pk).update(archived_at=None)
    community.archived_at = None
    try:
        yield archived_at
    finally:
        Community.objects.filter(pk=community.pk).update(archived_at=archived_at)
        community.archived_at = archived_at


def _active(community, user) -> bool:
    return (
        user is not None
        and Membership.objects.active().filter(community=community, user=user).exists()
    )


def _follow(community, slug, people) -> None:
    for email in data.COMMUNITY_FOLLOWERS.get(slug, ()):
        person = people.get(email)
        if _active(community, person):
            services.follow_community(user=person, community=community)


def _moderator(community) -> User | None:
    first = (
        Membership.objects.facilitators()
        .filter(community=community)
        .select_related("user")
        .order_by("joined_at", "pk")
        .first()
    )
    return first.user if first else User.objects.filter(is_staff=True).first()


def _react(item, thread, reactions, people, created) -> None:
    author_id = item.author_id
    for email, kind in reactions:
        person = people.get(email)
        if person is None or person.pk == author_id:
            continue
        if not _active(thread.community, person):
            continue
        services.toggle_reaction(
            user=person,
            kind=kind,
            thread=thread,
            reply=item if isinstance(item, Reply) else None,
        )
        created["reactions"] += 1


def _thread(community, spec, people, base, created) -> None:
    author = people.get(spec["author"])
    if not _active(community, author):
        return
    thread = services.create_thread(
        author=author,
        community=community,
        kind=spec["kind"],
        title=spec["title"],
        sections=spec["sections"],
        new_tags=spec.get("tags", ()),
    )
    created["threads"] += 1
    when = base - timedelta(days=spec["days_ago"])
    _react(thread, thread, spec.get("reactions", ()), people, created)
    replies = []
    for reply_spec in spec["replies"]:
        replier = people.get(reply_spec["author"])
        if not _active(community, replier):
            continue
        reply = services.create_reply(
            author=replier, thread=thread, body=reply_spec["body"]
        )
        created["replies"] += 1
        _react(reply, thread, reply_spec.get("reactions", ()), people, created)
        replies.append(reply)
    if "solution" in spec and spec["solution"] < len(replies):
        services.mark_solution(actor=author, reply=replies[spec["solution"]])
    if spec.get("pinned"):
        moderator = _moderator(community)
        if moderator is not None:
            services.set_thread_pinned(actor=moderator, thread=thread, pinned=True)
    _backdate(thread, replies, when)


def _backdate(thread, replies, when) -> None:
    """Move the thread and its replies into the past, keeping their order."""
    latest = when
    for n, reply in enumerate(replies, start=1):
        latest = when + n * REPLY_SPACING
        Reply.objects.filter(pk=reply.pk).update(created_at=latest, updated_at=latest)
    Thread.objects.filter(pk=thread.pk).update(
        created_at=when,
        updated_at=latest,
        last_activity_at=latest,
        solved_at=latest if thread.solution_id else None,
        pinned_at=latest if thread.pinned_at else None,
    )
