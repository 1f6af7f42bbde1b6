"""The exchanges' tables, one module a subject: ``threads`` (tags, threads, the
five kinds and their sections, and the text helpers of excerpts and mentions),
``replies`` (replies and their revisions), ``activity`` (reactions, follows,
visits), ``moderation`` (flags and the moderation log).
"""

from .activity import CommunityFollow, Reaction, ThreadFollow, ThreadVisit
from .moderation import Flag, ModerationLog
from .replies import Reply, ReplyRevision
from .threads import (
    KIND_BY_VALUE,
    KIND_ICONS,
    KIND_SECTIONS,
    KIND_SLUGS,
    MENTION_MARKUP,
    REQUIRED_SECTIONS,
    SECTION_FIELDS,
    STATE_SOLVED,
    STATE_UNSOLVED,
    Tag,
    Thread,
    excerpt_of,
    linked_mentions,
    plain_mentions,
)

__all__ = [
    "KIND_BY_VALUE",
    "KIND_ICONS",
    "KIND_SECTIONS",
    "KIND_SLUGS",
    "MENTION_MARKUP",
    "REQUIRED_SECTIONS",
    "SECTION_FIELDS",
    "STATE_SOLVED",
    "STATE_UNSOLVED",
    "CommunityFollow",
    "Flag",
    "ModerationLog",
    "Reaction",
    "Reply",
    "ReplyRevision",
    "Tag",
    "Thread",
    "ThreadFollow",
    "ThreadVisit",
    "excerpt_of",
    "linked_mentions",
    "plain_mentions",
]
