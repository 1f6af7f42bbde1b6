"""Lists: a community's threads and tags, its activity feed, the moderation queue
and log."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from .. import permissions
from ..models import (
    STATE_SOLVED,
    STATE_UNSOLVED,
    CommunityFollow,
    Flag,
    ModerationLog,
    Reply,
    Tag,
    Thread,
)

# Lists ------------------------------------------------------------------------


def visible_in(community, viewer, membership):
    """``Thread.objects.visible_to(viewer)`` within ``community``: the same
    rules, decided here from the viewer's ``membership`` in it (which the page
    has already loaded) with the predicates the pages use, rather than as
    subqueries in every query of the page: simpler SQL, and a third less
    query building on the activity page (docs/performance.md). A test checks
    that it lists what ``visible_to`` lists, for every kind of viewer."""
    if not permissions.can_read_community(viewer, community, membership):
        return Thread.objects.none()
    threads = Thread.objects.filter(community=community)
    if permissions.can_moderate(viewer, community, membership):
        return threads
    return threads.published()


def thread_list(
    *,
    community,
    viewer,
    membership,
    kind: str = "",
    tag: Tag | None = None,
    state="",
):
    """The community's threads ``viewer`` may read, filtered, pinned first.

    A queryset to page; each row has its author (and organisation), its reply
    count, what is new for the viewer; its tags (``tag_list``, a plain list:
    ``thread.tags.all()`` would clone a queryset on every row) come in one more
    query.
    """
    threads = (
        visible_in(community, viewer, membership)
        .select_related("author__organisation")
        .prefetch_related(Prefetch("tags", to_attr="tag_list"))
        .with_author_marks()
        .with_reply_counts()
        .with_news_for(viewer)
        .in_listing_order()
    )
    if kind:
        threads = threads.filter(kind=kind)
    if tag is not None:
        threads = threads.filter(tags=tag)
    if state == STATE_SOLVED:
        threads = threads.solved()
    elif state == STATE_UNSOLVED:
        threads = threads.unsolved()
    return threads


def community_tags(community) -> list[Tag]:
    """Tags used by the community's published threads, for the tag filter.

    An ``EXISTS`` per tag (there are few) rather than a ``DISTINCT`` over every
    tagged thread of the community: 2.7 → 1.1 ms at scale 1 (docs/performance.md).
    """
    used = Thread.tags.through.objects.filter(
        tag=OuterRef("pk"), thread__community=community, thread__hidden_at__isnull=True
    )
    return list(Tag.objects.filter(Exists(used)))


def shared_tags() -> list[Tag]:
    return list(Tag.objects.filter(is_shared=True))


def thread_counts(*, community, viewer, membership) -> dict:
    """How many threads of each kind, of unsolved challenges and in all: one
    query, grouped by kind in the order of the thread_community_counts index
    (read alone: ``kind`` is counted, not the id), two sums a row rather than
    seven (docs/performance.md)."""
    rows = (
        visible_in(community, viewer, membership)
        .order_by("kind")
        .values("kind")
        .annotate(
            n=Count("kind"),
            unsolved=Count("kind", filter=Q(solution__isnull=True)),
        )
    )
    counts = dict.fromkeys(Thread.Kind.values, 0)
    counts["unsolved"] = 0
    for row in rows:
        counts[row["kind"]] = row["n"]
        if row["kind"] == Thread.Kind.CHALLENGE:
            counts["unsolved"] = row["unsolved"]
    counts["total"] = sum(counts[kind] for kind in Thread.Kind.values)
    return counts


def pinned_threads(*, community, viewer, membership) -> list[Thread]:
    return list(
        visible_in(community, viewer, membership)
        .filter(pinned_at__isnull=False)
        .order_by("-pinned_at")
    )


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True)
class FeedCursor:
    """Where a page of the activity feed ends: the next page starts after it.

    The feed is ordered by (time, id, kind of item), latest first; the cursor is
    that triple, written in the URL as ``<microseconds since 1970>.<t|r><id>``.
    """

    happened_at: datetime
    item: str  # "thread" or "reply"
    ref: int

    TOKEN = re.compile(r"^(\d{1,18})\.([rt])(\d{1,18})$")

    @property
    def token(self) -> str:
        micros = (self.happened_at - EPOCH) // MICROSECOND
        return f"{micros}.{self.item[0]}{self.ref}"

    @classmethod
    def parse(cls, token: str | None) -> "FeedCursor | None":
        """The cursor written in ``token``, or None when it is not one."""
        found = cls.TOKEN.match(token or "")
        if found is None:
            return None
        micros, item, ref = found.groups()
        try:
            happened_at = EPOCH + int(micros) * MICROSECOND
        except OverflowError:
            return None
        return cls(happened_at, "thread" if item == "t" else "reply", int(ref))

    def before(self, item: str) -> Q:
        """Rows of ``item`` that come after the cursor, latest first."""
        older = Q(created_at__lt=self.happened_at)
        older |= Q(created_at=self.happened_at, pk__lt=self.ref)
        if item < self.item:
            older |= Q(created_at=self.happened_at, pk=self.ref)
        return older


@dataclass
class FeedPage:
    rows: list  # (item, ref, happened_at), latest first
    older: FeedCursor | None  # where the next page starts; None: this is the end


def activity_feed(
    *, community, viewer, membership, before: FeedCursor | None = None, size=30
):
    """New threads and new replies of the community, latest first: one page.

    Two queries whatever the size of the community: the page's newest threads
    and newest replies, each read in index order after ``before`` and merged
    here (no count of the whole feed: pages go "older" from a cursor).
    ``activity_items`` then loads the page's threads and replies.
    """
    visible = visible_in(community, viewer, membership)
    threads = visible.order_by("-created_at", "-pk")
    # Read in the order of the (community, latest) index; each reply's thread is
    # checked against the same gate as the threads, row by row.
    replies = (
        Reply.objects.published()
        .filter(community=community)
        .filter(Exists(visible.filter(pk=OuterRef("thread_id"))))
        .order_by("-created_at", "-pk")
    )
    if before is not None:
        threads = threads.filter(before.before("thread"))
        replies = replies.filter(before.before("reply"))
    rows = [
        ("thread", ref, when)
        for ref, when in threads.values_list("pk", "created_at")[: size + 1]
    ]
    rows += [
        ("reply", ref, when)
        for ref, when in replies.values_list("pk", "created_at")[: size + 1]
    ]
    rows.sort(key=lambda row: (row[2], row[1], row[0]), reverse=True)
    page = rows[:size]
    older = None
    if len(rows) > size:
        item, ref, when = page[-1]
        older = FeedCursor(when, item, ref)
    return FeedPage(page, older)


@dataclass
class ActivityItem:
    thread: Thread
    reply: Reply | None
    happened_at: object


def activity_items(rows) -> list[ActivityItem]:
    """Turn a page of ``activity_feed`` rows into threads and replies."""
    thread_ids = [ref for item, ref, _when in rows if item == "thread"]
    reply_ids = [ref for item, ref, _when in rows if item == "reply"]
    threads = (
        Thread.objects.select_related("author__organisation")
        .with_author_marks()
        .in_bulk(thread_ids)
    )
    replies = (
        Reply.objects.select_related("author__organisation", "thread")
        .with_author_marks()
        .in_bulk(reply_ids)
    )
    items = []
    for item, ref, when in rows:
        if item == "thread" and ref in threads:
            items.append(ActivityItem(threads[ref], None, when))
        elif item == "reply" and ref in replies:
            reply = replies[ref]
            items.append(ActivityItem(reply.thread, reply, when))
    return items


def follows_community(user, community) -> bool:
    if not user.is_authenticated:
        return False
    return CommunityFollow.objects.filter(user=user, community=community).exists()


# Moderation -------------------------------------------------------------------


def moderation_queue(community) -> list[Flag]:
    """Open flags of the community, oldest first, with what they point at."""
    return list(
        Flag.objects.filter(community=community, resolved_at__isnull=True)
        .select_related(
            "thread__author__organisation",
            "reply__author__organisation",
            "reporter__organisation",
        )
        .order_by("created_at", "pk")
    )


def moderation_log(community):
    """The community's moderation acts, latest first (a queryset to page)."""
    return ModerationLog.objects.filter(community=community).select_related(
        "actor__organisation", "thread", "reply"
    )
