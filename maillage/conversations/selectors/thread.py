"""A thread's page: its replies with what the viewer may do with each, reactions,
follows, visits."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from maillage.core.markdown import render_markdown_many
from maillage.core.routing import pk_url_maker

from .. import permissions
from ..models import (
    Reaction,
    Reply,
    ReplyRevision,
    Thread,
    ThreadFollow,
    ThreadVisit,
)

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


def _bars(counts: dict, mine: set, key, labels) -> list[ReactionButton]:
    return [
        ReactionButton(
            kind=kind,
            label=label,
            count=counts.get((key, kind), 0),
            pressed=(key, kind) in mine,
        )
        for kind, label in labels
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
    # The labels translated once, not once per item (100 replies, 5 kinds).
    labels = [(kind, str(label)) for kind, label in Reaction.Kind.choices]
    if thread is not None:
        bars["thread", thread.pk] = _bars(counts, mine, ("thread", thread.pk), labels)
    for reply in replies:
        bars["reply", reply.pk] = _bars(counts, mine, ("reply", reply.pk), labels)
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
