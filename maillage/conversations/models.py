"""Exchanges: threads of five kinds, replies, reactions, follows, moderation."""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from maillage.core.fields import MarkdownField
from maillage.core.markdown import render_markdown
from maillage.core.models import ListingIndex, TimeStampedModel
from maillage.core.text import showable

from .querysets import ReplyQuerySet, ThreadQuerySet

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
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("conversations:thread_detail", args=[self.pk])

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


class Reply(TimeStampedModel):
    """An answer in a thread; edits keep the earlier text, deletion is soft."""

    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("thread"),
    )
    # The thread's community, copied so that a community's latest replies are
    # read from one index (the activity page); a thread never changes community.
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        db_index=False,
        verbose_name=_("community"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="replies",
        verbose_name=_("author"),
    )
    body = MarkdownField(_("reply"))
    quoted = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quoted reply"),
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deleted by"),
    )
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        indexes = [
            models.Index(fields=["thread", "created_at"], name="reply_thread_created"),
            models.Index(
                fields=["community", "-created_at", "-id"],
                name="reply_community_latest",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} — {self.thread_id}"

    def save(self, *args, **kwargs):
        if self.community_id is None:
            self.community_id = self.thread.community_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        thread_url = reverse("conversations:thread_detail", args=[self.thread_id])
        return f"{thread_url}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"reponse-{self.pk}"

    @property
    def reaction_bar_id(self) -> str:
        return f"reactions-{self.anchor}"

    @property
    def display_body(self) -> str:
        """The body with mentions as links, for the ``markdown`` filter."""
        return linked_mentions(self.body)

    @cached_property
    def body_html(self) -> str:
        """The body as sanitised HTML; a page of replies sets it for all at once
        (``render_markdown_many``)."""
        return render_markdown(self.display_body)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_published(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None

    def excerpt(self, length: int = 200) -> str:
        return excerpt_of(self.body, length)


class ReplyRevision(models.Model):
    """The text a reply had before one of its edits."""

    reply = models.ForeignKey(
        Reply,
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("reply"),
    )
    body = models.TextField(_("earlier text"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("edited by"),
    )
    created_at = models.DateTimeField(_("replaced"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reply revision")
        verbose_name_plural = _("reply revisions")

    def __str__(self):
        return f"{self.reply_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class Reaction(models.Model):
    """A small sign with a meaning, on a thread's opening post or on a reply."""

    class Kind(models.TextChoices):
        THANKS = "thanks", _("Thanks")
        USEFUL = "useful", _("Useful")
        SAME_PROBLEM = "same_problem", _("Same problem here")
        BRAVO = "bravo", _("Bravo")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reactions",
        verbose_name=_("person"),
    )
    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reactions",
        verbose_name=_("thread"),
    )
    reply = models.ForeignKey(
        Reply,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reactions",
        verbose_name=_("reply"),
    )
    kind = models.CharField(_("reaction"), max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(thread__isnull=False, reply__isnull=True)
                    | models.Q(thread__isnull=True, reply__isnull=False)
                ),
                name="reaction_on_thread_or_reply",
            ),
            models.UniqueConstraint(
                fields=["user", "thread", "kind"],
                condition=models.Q(thread__isnull=False),
                name="reaction_unique_on_thread",
            ),
            models.UniqueConstraint(
                fields=["user", "reply", "kind"],
                condition=models.Q(reply__isnull=False),
                name="reaction_unique_on_reply",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}"


class ThreadFollow(models.Model):
    """Someone is told of new replies in a thread."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="thread_follows",
        verbose_name=_("person"),
    )
    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("thread"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("thread follow")
        verbose_name_plural = _("thread follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"], name="thread_follow_unique"
            )
        ]

    def __str__(self):
        return f"{self.user_id} → {self.thread_id}"


class CommunityFollow(models.Model):
    """Someone is told of every new thread in a community."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_follows",
        verbose_name=_("person"),
    )
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("community"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("community follow")
        verbose_name_plural = _("community follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community"], name="community_follow_unique"
            )
        ]

    def __str__(self):
        return f"{self.user_id} → {self.community_id}"


class ThreadVisit(models.Model):
    """When someone last read a thread: what came after is "new" for them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="thread_visits",
        verbose_name=_("person"),
    )
    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        related_name="visits",
        verbose_name=_("thread"),
    )
    last_seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("thread visit")
        verbose_name_plural = _("thread visits")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"], name="thread_visit_unique"
            )
        ]

    def __str__(self):
        return f"{self.user_id} ↔ {self.thread_id}"


class Flag(models.Model):
    """A member's report of a thread or reply to the facilitators."""

    class Reason(models.TextChoices):
        DISRESPECTFUL = "disrespectful", _("Disrespectful or hurtful")
        PERSONAL_INFO = "personal_info", _("Reveals personal information")
        SPAM = "spam", _("Advertising or spam")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Other")

    class Resolution(models.TextChoices):
        HIDDEN = "hidden", _("Content hidden")
        DISMISSED = "dismissed", _("Dismissed")

    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        related_name="flags",
        verbose_name=_("community"),
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="flags", verbose_name=_("thread")
    )
    # Empty when the thread itself is flagged.
    reply = models.ForeignKey(
        Reply,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flags",
        verbose_name=_("reply"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("handled"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    resolution = models.CharField(
        _("decision"), max_length=12, choices=Resolution.choices, blank=True
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")

    def __str__(self):
        return f"{self.get_reason_display()} — {self.thread_id}/{self.reply_id}"


class ModerationLog(models.Model):
    """Who did which moderation act, on what, when and why."""

    class Action(models.TextChoices):
        HIDE_THREAD = "hide_thread", _("Hid a thread")
        RESTORE_THREAD = "restore_thread", _("Restored a thread")
        HIDE_REPLY = "hide_reply", _("Hid a reply")
        RESTORE_REPLY = "restore_reply", _("Restored a reply")
        DELETE_REPLY = "delete_reply", _("Deleted a reply")
        LOCK = "lock", _("Locked a thread")
        UNLOCK = "unlock", _("Unlocked a thread")
        PIN = "pin", _("Pinned a thread")
        UNPIN = "unpin", _("Unpinned a thread")
        DISMISS_FLAG = "dismiss_flag", _("Dismissed a flag")

    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        related_name="moderation_log",
        verbose_name=_("community"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    thread = models.ForeignKey(
        Thread,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thread"),
    )
    reply = models.ForeignKey(
        Reply,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reply"),
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self):
        return f"{self.get_action_display()} ({self.actor_id})"
