"""Every write to the exchanges goes through here.

Each function takes the acting person, checks what they may do (and that the
community is not archived), writes in one transaction and tells the people
concerned through ``notifications.services.notify``, which itself leaves out
anyone who may not read the community's content. Notifications never show
more than the page does: hiding a thread withdraws those about it, and hiding,
deleting or editing a reply changes what those about it quote.

One module a subject: ``threads``, ``replies`` (and solutions), ``follows``
(reactions, follows, visits), ``moderation``, ``help`` ("who can help me?");
``common`` holds what they share. Callers import from this package.
"""

from .common import MAX_HELPERS_ASKED, MAX_RELATED, MAX_TAGS, MAX_TEXT, check_rate_limit
from .follows import (
    follow_community,
    follow_thread,
    record_visit,
    toggle_reaction,
    unfollow_community,
    unfollow_thread,
)
from .help import ask_for_help, may_be_asked
from .moderation import (
    dismiss_flag,
    flag_content,
    set_reply_hidden,
    set_thread_hidden,
    set_thread_locked,
    set_thread_pinned,
)
from .replies import (
    create_reply,
    delete_reply,
    edit_reply,
    mark_solution,
    unmark_solution,
)
from .threads import create_thread, tags_for, update_thread

__all__ = [
    "MAX_HELPERS_ASKED",
    "MAX_RELATED",
    "MAX_TAGS",
    "MAX_TEXT",
    "ask_for_help",
    "check_rate_limit",
    "create_reply",
    "create_thread",
    "delete_reply",
    "dismiss_flag",
    "edit_reply",
    "flag_content",
    "follow_community",
    "follow_thread",
    "mark_solution",
    "may_be_asked",
    "record_visit",
    "set_reply_hidden",
    "set_thread_hidden",
    "set_thread_locked",
    "set_thread_pinned",
    "tags_for",
    "toggle_reaction",
    "unfollow_community",
    "unfollow_thread",
    "unmark_solution",
    "update_thread",
]
