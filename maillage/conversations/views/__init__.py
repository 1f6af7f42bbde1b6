"""The exchanges' pages, one module a subject: ``reading`` (activity, lists, a
thread's page), ``writing`` (threads, replies, mentions while typing),
``reactions`` (reactions, solutions, follows), ``moderation`` (flags, the
queue and the log), ``help`` ("who can help me?"); ``common`` holds what they
share. Each view fetches and authorises through ``conversations.access``.
"""

from .common import (
    ACTIVITY_PER_PAGE,
    FOLLOW_ACTIONS,
    LOG_PER_PAGE,
    SOLUTION_ACTIONS,
    THREADS_PER_PAGE,
)
from .help import thread_helpers
from .moderation import (
    REPLY_ACTIONS,
    THREAD_ACTIONS,
    flag_dismiss,
    moderation_log,
    moderation_queue,
    reply_flag,
    reply_moderate,
    thread_flag,
    thread_moderate,
)
from .reactions import (
    community_follow,
    reply_react,
    reply_solution,
    thread_follow,
    thread_react,
)
from .reading import activity, reply_permalink, thread_detail, thread_list, thread_visit
from .writing import (
    MENTION_LENGTH,
    MENTIONS_CHECKED,
    mention_check,
    mention_suggestions,
    reply_create,
    reply_delete,
    reply_history,
    reply_update,
    thread_create,
    thread_update,
)

__all__ = [
    "ACTIVITY_PER_PAGE",
    "FOLLOW_ACTIONS",
    "LOG_PER_PAGE",
    "MENTIONS_CHECKED",
    "MENTION_LENGTH",
    "REPLY_ACTIONS",
    "SOLUTION_ACTIONS",
    "THREADS_PER_PAGE",
    "THREAD_ACTIONS",
    "activity",
    "community_follow",
    "flag_dismiss",
    "mention_check",
    "mention_suggestions",
    "moderation_log",
    "moderation_queue",
    "reply_create",
    "reply_delete",
    "reply_flag",
    "reply_history",
    "reply_moderate",
    "reply_permalink",
    "reply_react",
    "reply_solution",
    "reply_update",
    "thread_create",
    "thread_detail",
    "thread_flag",
    "thread_follow",
    "thread_helpers",
    "thread_list",
    "thread_moderate",
    "thread_react",
    "thread_update",
    "thread_visit",
]
