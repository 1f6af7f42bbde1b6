"""The kinds of notification, declared by the apps that send them.

``notifications`` sits below the apps that notify (the exchanges, the method,
and later the library, meetings and evaluation), so it cannot name what they
are about. Each app declares its kinds in a module of its own and registers
them from its ``AppConfig.ready()``::

    MENTION = Kind(key="mention", label=_("Mention"), icon="at-symbol",
                   describe=_("%(actor)s mentioned you in “%(subject)s”"))

    def register_kinds():
        register(MENTION)

then passes the kind (or its key) to ``services.notify``. The key is what the
``Notification.kind`` column stores; a row whose kind is no longer registered
(its app was removed) still shows, with a neutral sentence, and is no longer
e-mailed.

This module imports nothing of the app's models: ``models`` reads it, never
the other way round.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """The two families of notifications a person sets a delivery for."""

    ABOUT_ME = "about_me", _("About me")
    FOLLOWED = "followed", _("Activity I follow")


class Email(StrEnum):
    """How a kind is e-mailed."""

    # At once or in a digest, as the person chose for the kind's category.
    AS_CHOSEN = "as_chosen"
    # Never on its own: in the digest the person chose, the daily one for those
    # who chose "immediately".
    DIGEST = "digest"
    # Only in the site's list.
    NEVER = "never"


# The Notification.kind column's length.
MAX_KEY_LENGTH = 40


@dataclass(frozen=True, eq=False)
class Kind:
    """One kind of notification.

    ``label`` names it in the administration and on the e-mail choices page.
    ``describe`` is the sentence the notification reads as: a phrase with
    ``%(actor)s`` and ``%(subject)s`` (marked for translation, lazily), or a
    function of the notification returning the sentence; it is composed at
    display time, in the reader's language. ``icon`` is a heroicons name shown
    beside the notification. ``category`` decides which of the person's e-mail
    choices applies, ``email`` whether it is e-mailed at all.
    """

    key: str
    label: str
    describe: str | Callable[..., str]
    icon: str = "bell"
    category: str = Category.ABOUT_ME
    email: Email = Email.AS_CHOSEN

    def sentence(self, notification) -> str:
        """The sentence ``notification`` reads as, in the active language."""
        if not isinstance(self.describe, str | Promise):
            return str(self.describe(notification))
        actor = notification.actor
        name = actor.public_name if actor is not None else gettext("Someone")
        return str(self.describe) % {"actor": name, "subject": notification.subject}

    @property
    def is_registered(self) -> bool:
        return _kinds.get(self.key) is self


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add ``kind``; registering the same one again does nothing, another kind
    with a key already taken is an error."""
    if not kind.key or len(kind.key) > MAX_KEY_LENGTH:
        raise ValueError(f"A kind's key has 1 to {MAX_KEY_LENGTH} characters.")
    if kind.category not in Category.values:
        raise ValueError(f"Unknown category {kind.category!r} for {kind.key!r}.")
    existing = _kinds.get(kind.key)
    if existing is not None and existing is not kind:
        raise ValueError(f"The notification kind {kind.key!r} is already registered.")
    _kinds[kind.key] = kind
    return kind


def unregister(key: str) -> None:
    """Forget the kind of ``key`` (for tests; its rows then show as unknown)."""
    _kinds.pop(key, None)


def registered() -> list[Kind]:
    """Every registered kind, in the order they were registered."""
    return list(_kinds.values())


def is_known(key: str) -> bool:
    return key in _kinds


def get(key) -> Kind:
    """The kind of ``key`` (or ``key`` itself when it is a kind); a neutral one
    when no app declares it any longer."""
    if isinstance(key, Kind):
        return key
    return _kinds.get(key) or _unknown(key)


def _unknown(key: str) -> Kind:
    return Kind(
        key=key,
        label=key,
        describe=_("News about “%(subject)s”"),
        email=Email.NEVER,
    )


def keys(*, category: str, email: Email | None = None) -> list[str]:
    """The keys of the registered kinds of ``category`` (and ``email`` policy)."""
    return [
        kind.key
        for kind in _kinds.values()
        if kind.category == category and (email is None or kind.email == email)
    ]


def labels(category: str) -> list[str]:
    """The labels of the kinds of ``category``, e-mailed ones, in the active
    language (the e-mail choices page lists them)."""
    return [
        str(kind.label)
        for kind in _kinds.values()
        if kind.category == category and kind.email != Email.NEVER
    ]
