"""Page-shaped reads: each costs a fixed number of queries whatever the data size.

One module a subject: ``lists`` (thread lists, the activity feed, the
moderation queue and log), ``thread`` (a thread's page: replies, reactions,
what the viewer may do), ``people`` (mentions, "who can help me?").
"""

from .lists import (
    EPOCH,
    MICROSECOND,
    ActivityItem,
    FeedCursor,
    FeedPage,
    activity_feed,
    activity_items,
    community_tags,
    follows_community,
    moderation_log,
    moderation_queue,
    pinned_threads,
    shared_tags,
    thread_counts,
    thread_list,
    visible_in,
)
from .people import (
    HelperSuggestion,
    helpers_for,
    mention_candidates,
    mention_problems,
    readable_mentions,
)
from .thread import (
    REPLY_URLS,
    ReactionButton,
    ThreadPage,
    decorate_replies,
    reaction_bar,
    reply_history,
    thread_for_page,
    thread_page,
)

__all__ = [
    "EPOCH",
    "MICROSECOND",
    "REPLY_URLS",
    "ActivityItem",
    "FeedCursor",
    "FeedPage",
    "HelperSuggestion",
    "ReactionButton",
    "ThreadPage",
    "activity_feed",
    "activity_items",
    "community_tags",
    "decorate_replies",
    "follows_community",
    "helpers_for",
    "mention_candidates",
    "mention_problems",
    "moderation_log",
    "moderation_queue",
    "pinned_threads",
    "reaction_bar",
    "readable_mentions",
    "reply_history",
    "shared_tags",
    "thread_counts",
    "thread_for_page",
    "thread_list",
    "thread_page",
    "visible_in",
]
