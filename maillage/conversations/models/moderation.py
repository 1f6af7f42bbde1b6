"""Flags raised by members and the log of moderators' acts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .replies import Reply
from .threads import Thread


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
