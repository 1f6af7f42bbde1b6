"""Page-shaped reads: each costs a fixed number of queries whatever the data size."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.accounts.models import User
from maillage.communities import permissions as community_permissions
from maillage.communities.models import Community, Membership
from maillage.core.markdown import render_markdown_many
from maillage.core.routing import pk_url_maker
from maillage.core.text import fold

from . import mentions, permissions
from .mentions import MentionProblem
from .models import (
    CommunityFollow,
    Flag,
    ModerationLog,
    Reaction,
    Reply,
    ReplyRevision,
    Tag,
    Thread,
    ThreadFollow,
    ThreadVisit,
)

# Lists and states offered as filters, with their public (French) values.
STATE_SOLVED = "resolu"
STATE_UNSOLVED = "non-resolu"


# Lists ------------------------------------------------------------------------


def thread_list(*, community, viewer, kind: str = "", tag: Tag | None = None, state=""):
    """The community's threads ``viewer`` may read, filtered, pinned first.

    A queryset to page; each row has its author (and organisation), its reply
    count, what is new for the viewer; tags come in one more query.
    """
    threads = (
        Thread.objects.visible_to(viewer)
        .filter(community=community)
        .select_related("author__organisation")
        .prefetch_related("tags")
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
    """Tags used by the community's published threads, for the tag filter."""
    return list(
        Tag.objects.filter(
            threads__community=community, threads__hidden_at__isnull=True
        ).distinct()
    )


def shared_tags() -> list[Tag]:
    return list(Tag.objects.filter(is_shared=True))


def thread_counts(*, community, viewer) -> dict:
    """How many threads of each kind, and of unsolved challenges: one query."""
    kinds = Thread.Kind.values
    aggregates = {k: Count("pk", filter=Q(kind=k)) for k in kinds}
    aggregates["unsolved"] = Count(
        "pk", filter=Q(kind=Thread.Kind.CHALLENGE, solution__isnull=True)
    )
    aggregates["total"] = Count("pk")
    return (
        Thread.objects.visible_to(viewer)
        .filter(community=community)
        .order_by()
        .aggregate(**aggregates)
    )


def pinned_threads(*, community, viewer) -> list[Thread]:
    return list(
        Thread.objects.visible_to(viewer)
        .filter(community=community, pinned_at__isnull=False)
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


def activity_feed(*, community, viewer, before: FeedCursor | None = None, size=30):
    """New threads and new replies of the community, latest first: one page.

    Two queries whatever the size of the community: the page's newest threads
    and newest replies, each read in index order after ``before`` and merged
    here (no count of the whole feed: pages go "older" from a cursor).
    ``activity_items`` then loads the page's threads and replies.
    """
    visible = Thread.objects.visible_to(viewer).filter(community=community)
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


# A thread ---------------------------------------------------------------------


@dataclass
class ReactionButton:
    kind: str
    label: str
    count: int
    pressed: bool


@dataclass
class ThreadPage:
    """What a thread's page shows: its replies, each with what the viewer may
    do with it (``can_edit``...), its links (``urls``) and its HTML, and in
    ``rights`` what the viewer may do on the page (the template's flags)."""

    thread: Thread
    tags: list
    related: list
    replies: list
    following: bool
    last_seen_at: object
    solution: Reply | None = None
    reaction_bars: dict = field(default_factory=dict)
    rights: dict = field(default_factory=dict)

    @property
    def thread_bar(self) -> list:
        return self.reaction_bars.get(("thread", self.thread.pk), [])


def thread_for_page(pk: int) -> Thread:
    """The thread with what every page about it shows (raises DoesNotExist)."""
    return (
        Thread.objects.select_related("community", "author__organisation")
        .with_author_marks()
        .get(pk=pk)
    )


def _bars(counts: dict, mine: set, key) -> list[ReactionButton]:
    return [
        ReactionButton(
            kind=kind,
            label=str(label),
            count=counts.get((key, kind), 0),
            pressed=(key, kind) in mine,
        )
        for kind, label in Reaction.Kind.choices
    ]


def _reaction_bars(viewer, *, thread=None, replies=()) -> dict:
    """Reaction counts and the viewer's own, per item: two queries in all.

    Keys are ``("thread", pk)`` and ``("reply", pk)``.
    """
    where = Q(reply__in=[r.pk for r in replies])
    if thread is not None:
        where |= Q(thread=thread)
    counts = {}
    rows = (
        Reaction.objects.filter(where)
        .order_by()
        .values("thread_id", "reply_id", "kind")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        key = ("reply", row["reply_id"]) if row["reply_id"] else ("thread", thread.pk)
        counts[key, row["kind"]] = row["n"]
    mine = set()
    if viewer.is_authenticated:
        for thread_id, reply_id, kind in Reaction.objects.filter(
            where, user=viewer
        ).values_list("thread_id", "reply_id", "kind"):
            key = ("reply", reply_id) if reply_id else ("thread", thread_id)
            mine.add((key, kind))
    bars = {}
    if thread is not None:
        bars["thread", thread.pk] = _bars(counts, mine, ("thread", thread.pk))
    for reply in replies:
        bars["reply", reply.pk] = _bars(counts, mine, ("reply", reply.pk))
    return bars


def reaction_bar(viewer, *, thread, reply=None) -> list[ReactionButton]:
    """The reaction bar of one item (after a reaction is toggled)."""
    if reply is not None:
        return _reaction_bars(viewer, replies=[reply])["reply", reply.pk]
    return _reaction_bars(viewer, thread=thread)["thread", thread.pk]


# The links of each reply on a thread's page (see decorate_replies).
REPLY_URLS = ("react", "update", "delete", "solution", "flag", "moderate", "history")


def decorate_replies(thread, replies, viewer, membership, bars, *, can_moderate=False):
    """Attach to each reply what ``viewer`` may do with it, its links, its
    reaction bar and its HTML (no query; the HTML of the replies shown comes
    from the cache in one trip)."""
    shown = [r for r in replies if r.is_published or (can_moderate and r.is_hidden)]
    texts = [r.display_body for r in shown]
    for reply, html in zip(shown, render_markdown_many(texts), strict=True):
        reply.body_html = html
    urls = {a: pk_url_maker(f"conversations:reply_{a}") for a in REPLY_URLS}
    thread_url = thread.get_absolute_url()
    for reply in replies:
        reply.urls = {action: make(reply.pk) for action, make in urls.items()}
        reply.permalink = f"{thread_url}#{reply.anchor}"
        reply.reaction_bar = bars.get(("reply", reply.pk), [])
        reply.can_react = permissions.can_react(viewer, reply, thread, membership)
        reply.can_edit = permissions.can_edit_reply(viewer, reply, thread, membership)
        reply.can_delete = permissions.can_delete_reply(
            viewer, reply, thread, membership
        )
        reply.can_see_history = reply.edited_at and permissions.can_see_reply_history(
            viewer, reply, thread, membership
        )


def _page_rights(viewer, thread, membership, can_moderate) -> dict:
    community = thread.community
    return {
        "can_post": permissions.can_post(viewer, community, membership),
        "can_reply": permissions.can_reply(viewer, thread, membership),
        "can_react_thread": permissions.can_react(viewer, thread, thread, membership),
        "can_edit": permissions.can_edit_thread(viewer, thread, membership),
        "can_mark_solution": permissions.can_mark_solution(viewer, thread, membership),
        "can_ask_for_help": permissions.can_ask_for_help(viewer, thread, membership),
        # Facilitators see hidden content even in an archive, but act only in
        # a live community.
        "can_moderate": can_moderate,
        "moderation_controls": can_moderate and not community.is_archived,
    }


def thread_page(*, thread: Thread, viewer, membership) -> ThreadPage:
    """Everything a thread's page shows to ``viewer`` (whose membership in the
    thread's community is ``membership``), in a fixed number of queries."""
    can_moderate = permissions.can_moderate(viewer, thread.community, membership)
    related = thread.related.all()
    if not can_moderate:
        related = related.filter(hidden_at__isnull=True)
    replies = list(
        Reply.objects.filter(thread=thread)
        .select_related("author__organisation", "quoted__author")
        .with_author_marks()
    )
    following = False
    last_seen_at = None
    if viewer.is_authenticated:
        following = ThreadFollow.objects.filter(user=viewer, thread=thread).exists()
        last_seen_at = (
            ThreadVisit.objects.filter(user=viewer, thread=thread)
            .values_list("last_seen_at", flat=True)
            .first()
        )
    solution = next((r for r in replies if r.pk == thread.solution_id), None)
    bars = _reaction_bars(viewer, thread=thread, replies=replies)
    decorate_replies(
        thread, replies, viewer, membership, bars, can_moderate=can_moderate
    )
    return ThreadPage(
        thread=thread,
        tags=list(thread.tags.all()),
        related=list(related.order_by("title")),
        replies=replies,
        following=following,
        last_seen_at=last_seen_at,
        solution=solution,
        reaction_bars=bars,
        rights=_page_rights(viewer, thread, membership, can_moderate),
    )


def reply_history(reply) -> list[ReplyRevision]:
    return list(reply.revisions.select_related("edited_by"))


# Mentions ---------------------------------------------------------------------


def _active_members(community):
    return User.objects.active().filter(
        memberships__community=community,
        memberships__state=Membership.State.ACTIVE,
    )


def mention_candidates(*, community, query: str, viewer, limit: int = 8):
    """Active members whose name starts or contains ``query`` (accents ignored).

    Each has ``has_namesake``: another active member carries the same name, so
    that choosing the person inserts the stored form rather than the name.
    """
    folded = fold(query)
    if not folded:
        return []
    namesakes = (
        _active_members(community)
        .filter(display_name__iexact=OuterRef("display_name"))
        .exclude(pk=OuterRef("pk"))
    )
    return list(
        _active_members(community)
        .filter(search_text__contains=folded)
        .exclude(pk=viewer.pk)
        .exclude(display_name="")
        .annotate(has_namesake=Exists(namesakes))
        .select_related("organisation")
        .order_by("display_name", "pk")[:limit]
    )


def readable_mentions(*, community, texts) -> list[str]:
    """``texts`` with stored mentions written "@Name" where that stays exact."""
    return mentions.readable_mentions(list(texts), community)


def mention_problems(*, community, texts) -> list[MentionProblem]:
    """The "@names" of ``texts`` that stay text: nobody or several carry them."""
    return mentions.mention_problems(texts, community)


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


# "Who can help me?" -----------------------------------------------------------


@dataclass
class HelperSuggestion:
    person: User
    reasons: list[str]
    in_community: bool
    score: int = 0
    is_guest_expert: bool = False


def _segments_match(expertise_slug: str, tag_slug: str) -> bool:
    """ "menus" matches "menus-de-cpe" but "menu" does not match "menus"."""
    return f"-{tag_slug}-" in f"-{expertise_slug}-"


def helpers_for(*, thread: Thread, viewer, limit: int = 10) -> list[HelperSuggestion]:
    """People who could help with a challenge, each with why they are suggested.

    Members of the thread's community come first, its guest experts (whose end
    date has not passed) first among them, whatever the tags. Others are
    suggested only when the thread is in a public community (so they can read
    it) and only if they consented to the directory. Past contributions are
    counted only in communities whose content ``viewer`` may read, so that a
    reason never tells of a private community's content.
    """
    tags = {t.slug: t for t in thread.tags.all()}
    community = thread.community
    exclude = {viewer.pk, thread.author_id}
    scores: dict[int, int] = defaultdict(int)
    reasons: dict[int, list[str]] = defaultdict(list)
    if tags:
        _score_by_tags(tags, viewer, scores, reasons)

    candidates = set(scores) - exclude - {None}
    # One query: the candidates who are members, and the community's guest experts.
    rows = Membership.objects.active().filter(
        community=community, user_id__in=candidates
    ) | Membership.objects.guest_experts().filter(community=community)
    members, experts = set(), set()
    for membership in rows.only("user_id", "role", "guest_expert_until"):
        if membership.user_id in exclude:
            continue
        members.add(membership.user_id)
        if membership.is_guest_expert:
            experts.add(membership.user_id)
            reasons[membership.user_id].insert(0, _("guest expert of the community"))
    if not members and not candidates:
        return []
    outside = set()
    if community_permissions.content_is_public(community) and candidates - members:
        outside = set(
            User.objects.in_directory()
            .filter(pk__in=candidates - members)
            .values_list("pk", flat=True)
        )
    people = (
        User.objects.active().select_related("organisation").in_bulk(members | outside)
    )
    suggestions = [
        HelperSuggestion(
            person=person,
            reasons=reasons[pk],
            in_community=pk in members,
            score=scores[pk],
            is_guest_expert=pk in experts,
        )
        for pk, person in people.items()
    ]
    suggestions.sort(
        key=lambda s: (
            not s.in_community,
            not s.is_guest_expert,
            -s.score,
            fold(str(s.person.public_name)),
        )
    )
    inside = [s for s in suggestions if s.in_community][:limit]
    elsewhere = [s for s in suggestions if not s.in_community][:limit]
    return inside + elsewhere


def _score_by_tags(tags: dict, viewer, scores: dict, reasons: dict) -> None:
    """Score people by declared expertise and past contributions on ``tags``."""
    expertise_filter = Q()
    for slug in tags:
        expertise_filter |= Q(expertisetag__slug__contains=slug)
    declared = defaultdict(list)
    for user_id, slug, name in User.expertise.through.objects.filter(
        expertise_filter
    ).values_list("user_id", "expertisetag__slug", "expertisetag__name"):
        if any(_segments_match(slug, tag) for tag in tags):
            declared[user_id].append(name)
    for user_id, names in declared.items():
        scores[user_id] += 2 * len(names)
        reasons[user_id].append(
            _("expertise: %(names)s") % {"names": ", ".join(sorted(names))}
        )

    readable = Community.objects.content_visible_to(viewer).values("pk")
    solved = (
        Thread.objects.solved()
        .published()
        .filter(community__in=readable, tags__slug__in=tags)
        .order_by()
        .values_list("solution__author_id", "tags__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    for user_id, slug, n in solved:
        scores[user_id] += 3 * n
        reasons[user_id].append(
            ngettext(
                "gave %(count)d solution on “%(tag)s”",
                "gave %(count)d solutions on “%(tag)s”",
                n,
            )
            % {"count": n, "tag": tags[slug].name}
        )
    told = (
        Thread.objects.published()
        .filter(
            community__in=readable,
            kind__in=[Thread.Kind.SUCCESS, Thread.Kind.TIP],
            tags__slug__in=tags,
        )
        .order_by()
        .values_list("author_id", "kind", "tags__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    for user_id, kind, slug, n in told:
        scores[user_id] += (2 if kind == Thread.Kind.SUCCESS else 1) * n
        if kind == Thread.Kind.SUCCESS:
            text = ngettext(
                "told %(count)d success on “%(tag)s”",
                "told %(count)d successes on “%(tag)s”",
                n,
            )
        else:
            text = ngettext(
                "shared %(count)d tip on “%(tag)s”",
                "shared %(count)d tips on “%(tag)s”",
                n,
            )
        reasons[user_id].append(text % {"count": n, "tag": tags[slug].name})
