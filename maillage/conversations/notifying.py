"""The notifications the exchanges send, declared with ``notifications.kinds``
and registered from ``ConversationsConfig.ready()``.

Each one is about a thread, or a reply in it: ``about_thread`` and
``about_reply`` give the key that ``notifications.services.withdraw`` and
``quote_again`` find them by, once the thread is hidden or the reply changes.
"""

from django.utils.translation import gettext_lazy as _

from maillage.notifications.kinds import Category, Kind, register

MENTION = Kind(
    key="mention",
    label=_("Mention"),
    icon="at-symbol",
    describe=_("%(actor)s mentioned you in “%(subject)s”"),
)
REPLY = Kind(
    key="reply",
    label=_("Reply to your thread"),
    icon="chat-bubble-left",
    describe=_("%(actor)s replied to your thread “%(subject)s”"),
)
SOLUTION = Kind(
    key="solution",
    label=_("Solution"),
    icon="check-circle",
    describe=_("%(actor)s marked a solution in “%(subject)s”"),
)
NEW_REPLY = Kind(
    key="new_reply",
    label=_("New reply in a thread you follow"),
    icon="chat-bubble-left-right",
    category=Category.FOLLOWED,
    describe=_("%(actor)s replied in “%(subject)s”"),
)
NEW_THREAD = Kind(
    key="new_thread",
    label=_("New thread in a community you follow"),
    icon="document-plus",
    category=Category.FOLLOWED,
    describe=_("%(actor)s started “%(subject)s”"),
)
HELP_REQUEST = Kind(
    key="help_request",
    label=_("Request for help"),
    icon="lifebuoy",
    describe=_("%(actor)s asks for your help with “%(subject)s”"),
)
FLAG = Kind(
    key="flag",
    label=_("Flagged content"),
    icon="flag",
    describe=_("%(actor)s flagged content in “%(subject)s”"),
)

KINDS = (MENTION, REPLY, SOLUTION, NEW_REPLY, NEW_THREAD, HELP_REQUEST, FLAG)


def register_kinds() -> None:
    for kind in KINDS:
        register(kind)


def about_thread(thread_id: int) -> str:
    """The key of what a notification about a thread shows (its title)."""
    return f"thread:{thread_id}"


def about_reply(thread_id: int, reply_id: int) -> str:
    """The key of what a notification about a reply shows (its thread's title
    and its text): inside its thread's, so hiding the thread withdraws it."""
    return f"{about_thread(thread_id)}/reply:{reply_id}"
