from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import kinds
from .kinds import Category
from .querysets import NotificationQuerySet


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("In a daily digest")
    WEEKLY = "weekly", _("In a weekly digest")
    NEVER = "never", _("Never")


class Notification(models.Model):
    """Something that happened which concerns one person, in one community.

    The wording is not stored: it is composed at display time from ``kind``,
    ``actor`` and ``subject`` in the reader's language. The apps that notify
    declare their kinds (``kinds.py``); the column holds a kind's key.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    # Empty for what belongs to no community yet (a community proposal): such a
    # notification reaches staff only.
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("community"),
    )
    # A key of ``kinds.registered()``, without choices in the database: a new
    # app's kinds need no migration, and an old row keeps its value.
    kind = models.CharField(_("kind"), max_length=kinds.MAX_KEY_LENGTH)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    subject = models.CharField(_("subject"), max_length=255)
    excerpt = models.CharField(_("excerpt"), max_length=300, blank=True)
    # Site-relative, with its anchor; made absolute for e-mail.
    url = models.CharField(_("link"), max_length=500)
    # Identifies what the notification is about, so that an unread one is not
    # repeated (e.g. "thread:12:new_reply"); empty means never merged.
    target_key = models.CharField(_("target"), max_length=120, blank=True)
    # What the subject and excerpt show, from the outer object to the inner one,
    # separated by "/" (e.g. "thread:12/reply:5"): hiding, deleting or editing
    # it withdraws or quotes again the notifications about it (``withdraw``,
    # ``quote_again``); empty for what is never withdrawn.
    about_key = models.CharField(_("what it is about"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["recipient", "read_at"], name="notification_recipient_read"
            ),
            models.Index(
                fields=["emailed_at", "created_at"], name="notification_to_email"
            ),
            models.Index(fields=["community", "about_key"], name="notification_about"),
        ]

    def __str__(self):
        return f"{self.kind_info.label} · {self.subject}"

    @property
    def kind_info(self) -> kinds.Kind:
        """The declared kind (its label, icon, category), or a neutral one."""
        return kinds.get(self.kind)

    @property
    def category(self) -> str:
        return self.kind_info.category

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    def text(self) -> str:
        """The sentence shown to the reader, in the active language."""
        return self.kind_info.sentence(self)


class NotificationPreference(models.Model):
    """How a person wants to be e-mailed, per category; no row means defaults."""

    DEFAULTS = {
        Category.ABOUT_ME: Frequency.IMMEDIATE,
        Category.FOLLOWED: Frequency.DAILY,
    }

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("person"),
    )
    about_me = models.CharField(
        _("about me (mentions, replies to my threads, solutions, requests for help)"),
        max_length=10,
        choices=Frequency.choices,
        default=DEFAULTS[Category.ABOUT_ME],
    )
    followed = models.CharField(
        _("activity I follow (new replies and new threads)"),
        max_length=10,
        choices=[c for c in Frequency.choices if c[0] != Frequency.IMMEDIATE],
        default=DEFAULTS[Category.FOLLOWED],
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.get_about_me_display()} / {self.get_followed_display()}"

    def frequency_for(self, category: str) -> str:
        return getattr(self, category)
