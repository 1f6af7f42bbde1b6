"""Threads and tags; the five kinds and their sections; excerpts and mentions."""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from maillage.core.fields import MarkdownField
from maillage.core.models import ListingIndex, TimeStampedModel
from maillage.core.routing import pk_url
from maillage.core.text import showable

from ..querysets import ThreadQuerySet

# "@[Display Name](user-id)", as inserted by the suggestions while typing.
MENTION_MARKUP = re.compile(r"@\[([^\[\]\n]{1,120})\]\((\d{1,12})\)")


class Tag(models.Model):
    """A topic shared by every community: a seeded vocabulary, plus free additions."""

    name = models.CharField(_("name"), max_length=40)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    # The seeded vocabulary is offered as checkboxes; free additions are not.
    is_shared = models.BooleanField(_("in the shared vocabulary"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class Thread(TimeStampedModel):
    """A challenge, a success, a tip, lessons learned or a discussion."""

    class Kind(models.TextChoices):
        CHALLENGE = "challenge", _("Challenge")
        SUCCESS = "success", _("Success")
        TIP = "tip", _("Tip")
        LESSONS = "lessons", _("Lessons learned")
        DISCUSSION = "discussion", pgettext_lazy("thread kind", "Discussion")

    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("community"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    # Deleted accounts keep their row (anonymised), so SET_NULL is only a guard.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="threads",
        verbose_name=_("author"),
    )
    # The structured sections; each kind uses its own (see KIND_SECTIONS).
    problem = MarkdownField(_("the problem"), blank=True)
    context = MarkdownField(_("context"), blank=True)
    tried = MarkdownField(_("what was already tried"), blank=True)
    actions = MarkdownField(_("what was done"), blank=True)
    result = MarkdownField(_("result"), blank=True)
    success_factors = MarkdownField(_("what made it work"), blank=True)
    planned = MarkdownField(_("what was planned"), blank=True)
    happened = MarkdownField(_("what happened"), blank=True)
    gap = MarkdownField(_("why the gap"), blank=True)
    lessons = MarkdownField(_("what we learn"), blank=True)
    body = MarkdownField(_("message"), blank=True)

    tags = models.ManyToManyField(
        Tag, blank=True, related_name="threads", verbose_name=_("tags")
    )
    related = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="related_from",
        verbose_name=_("related threads"),
    )
    solution = models.OneToOneField(
        "Reply",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="solution_of",
        verbose_name=_("solution"),
    )
    solved_at = models.DateTimeField(_("solved"), null=True, blank=True)
    solved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("solution marked by"),
    )
    # Lists are ordered by the latest reply, kept here so they need no join.
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    pinned_at = models.DateTimeField(_("pinned"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(
                fields=["community", "-last_activity_at"],
                name="thread_community_activity",
            ),
            # The thread list's order (see ThreadQuerySet.in_listing_order), for
            # all threads and by kind and solved state ("unsolved challenges").
            # The activity page: the community's latest new threads.
            models.Index(
                fields=["community", "-created_at", "-id"],
                name="thread_community_latest",
            ),
            ListingIndex(
                models.F("community"),
                models.F("pinned_at").desc(nulls_last=True),
                models.F("last_activity_at").desc(),
                models.F("id").desc(),
                name="thread_listing",
            ),
            ListingIndex(
                models.F("community"),
                models.F("kind"),
                models.F("solution"),
                models.F("pinned_at").desc(nulls_last=True),
                models.F("last_activity_at").desc(),
                models.F("id").desc(),
                name="thread_kind_listing",
            ),
            # The counts of a community's threads (the thread list's total, the
            # counts by kind and of unsolved challenges) read from the index
            # alone, never from the threads' long rows (docs/performance.md).
            models.Index(
                fields=["community", "kind", "solution", "hidden_at"],
                name="thread_community_counts",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return pk_url("conversations:thread_detail", self.pk)

    @property
    def is_challenge(self) -> bool:
        return self.kind == self.Kind.CHALLENGE

    @property
    def is_solved(self) -> bool:
        return self.solution_id is not None

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def is_pinned(self) -> bool:
        return self.pinned_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def kind_slug(self) -> str:
        return KIND_BY_VALUE[self.kind]

    def sections(self) -> list[tuple[str, str]]:
        """The kind's sections that have text, as (heading, Markdown) pairs."""
        return [
            (str(label), getattr(self, name))
            for name, label in KIND_SECTIONS[self.kind]
            if getattr(self, name).strip()
        ]

    def display_sections(self) -> list[tuple[str, str]]:
        """``sections`` with mentions as links, for the ``markdown`` filter."""
        return [(heading, linked_mentions(text)) for heading, text in self.sections()]

    @property
    def reaction_bar_id(self) -> str:
        return f"reactions-fil-{self.pk}"

    def sections_by_name(self) -> dict[str, str]:
        """The kind's sections by field name, empty ones included (exports)."""
        return {name: getattr(self, name) for name, _label in KIND_SECTIONS[self.kind]}

    @property
    def kind_icon(self) -> str:
        return KIND_ICONS[self.kind]

    @property
    def kind_label(self) -> str:
        """``get_kind_display()`` without its cost on every row of a list
        (Django rebuilds a dict of the choices at each call: 50 µs)."""
        return self.Kind(self.kind).label

    def excerpt(self, length: int = 200) -> str:
        """The first section's text, shortened: for lists and notifications."""
        for _heading, text in self.sections():
            return excerpt_of(text, length)
        return ""


# Public path segments of the five kinds (French, as every path of the site).
KIND_SLUGS = {
    "defi": Thread.Kind.CHALLENGE,
    "bon-coup": Thread.Kind.SUCCESS,
    "astuce": Thread.Kind.TIP,
    "retour-experience": Thread.Kind.LESSONS,
    "discussion": Thread.Kind.DISCUSSION,
}
KIND_BY_VALUE = {value: slug for slug, value in KIND_SLUGS.items()}
# The states of challenges offered as a filter of lists, with their public
# (French) values.
STATE_SOLVED = "resolu"
STATE_UNSOLVED = "non-resolu"
# Each kind's icon (a heroicons name), always shown beside the kind's name.
KIND_ICONS = {
    Thread.Kind.CHALLENGE: "question-mark-circle",
    Thread.Kind.SUCCESS: "trophy",
    Thread.Kind.TIP: "light-bulb",
    Thread.Kind.LESSONS: "arrow-uturn-left",
    Thread.Kind.DISCUSSION: "chat-bubble-left-right",
}

# Each kind's sections, in order, with the heading shown above them.
KIND_SECTIONS = {
    Thread.Kind.CHALLENGE: [
        ("problem", _("The problem")),
        ("context", _("The context")),
        ("tried", _("What was already tried")),
    ],
    Thread.Kind.SUCCESS: [
        ("context", _("The context")),
        ("actions", _("What was done")),
        ("result", _("The result")),
        ("success_factors", _("What made it work")),
    ],
    Thread.Kind.TIP: [("body", _("The tip"))],
    Thread.Kind.LESSONS: [
        ("planned", _("What was planned")),
        ("happened", _("What happened")),
        ("gap", _("Why the gap")),
        ("lessons", _("What we learn")),
    ],
    Thread.Kind.DISCUSSION: [("body", _("Message"))],
}
# The sections a thread of each kind cannot do without.
REQUIRED_SECTIONS = {
    Thread.Kind.CHALLENGE: {"problem"},
    Thread.Kind.SUCCESS: {"actions", "result"},
    Thread.Kind.TIP: {"body"},
    Thread.Kind.LESSONS: {"happened", "lessons"},
    Thread.Kind.DISCUSSION: {"body"},
}
SECTION_FIELDS = (
    "problem",
    "context",
    "tried",
    "actions",
    "result",
    "success_factors",
    "planned",
    "happened",
    "gap",
    "lessons",
    "body",
)


# Bounded, and with no bracket inside: linear however many brackets a text has
# (an unbounded pattern took seconds on a line of "[").
_MARKDOWN_LINK = re.compile(
    r"\[([^\[\]\n]{0,300})\]\([^()\n]{0,500}(?:\([^()\n]{0,200}\)[^()\n]{0,200})?\)"
)
_MARKDOWN_MARKS = re.compile(r"[*_`#>~]+")


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")


def excerpt_of(text: str, length: int = 200) -> str:
    """A short plain-text version of Markdown ``text`` (lists, notifications).

    Paragraphs and list items keep their own lines (items start with "• "), so
    that a list reads as a list where the excerpt is shown with its line breaks.
    """
    text = _MARKDOWN_LINK.sub(r"\1", plain_mentions(showable(text)))
    blocks: list[str] = []
    open_block = False  # whether the next line continues the last block
    for line in text.splitlines():
        item = _LIST_ITEM.match(line)
        if item:
            line = line[item.end() :]
        words = " ".join(_MARKDOWN_MARKS.sub("", line).split())
        if item:
            blocks.append(f"• {words}")
        elif not words:
            open_block = False
            continue
        elif open_block:
            blocks[-1] = f"{blocks[-1]} {words}"
        else:
            blocks.append(words)
        open_block = True
    return Truncator("\n".join(blocks)).chars(length)


def plain_mentions(text: str) -> str:
    """``text`` with each "@[Name](id)" written as "@Name" (excerpts, e-mail)."""
    return MENTION_MARKUP.sub(lambda m: f"@{m.group(1)}", text or "")


def linked_mentions(text: str) -> str:
    """``text`` with each "@[Name](id)" as a Markdown link to the person's profile.

    The result still goes through ``render_markdown``, which sanitises it.
    """

    def link(match):
        name = re.sub(r"([\\`*_{}\[\]()#+!<>|])", r"\\\1", match.group(1))
        url = reverse("communities:profile_detail", args=[int(match.group(2))])
        return f"[@{name}]({url})"

    return MENTION_MARKUP.sub(link, text or "")
