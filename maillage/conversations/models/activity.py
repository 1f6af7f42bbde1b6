"""What people do around threads: reactions, follows, visits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .replies import Reply
from .threads import Thread


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
