"""Replies and the revisions kept when one is edited."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from maillage.core.fields import MarkdownField
from maillage.core.markdown import render_markdown
from maillage.core.models import TimeStampedModel
from maillage.core.routing import pk_url

from ..querysets import ReplyQuerySet
from .threads import Thread, excerpt_of, linked_mentions


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
        thread_url = pk_url("conversations:thread_detail", self.thread_id)
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
