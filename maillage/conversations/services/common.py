"""What the exchanges' writes share: the writer's membership, the archive and rate
checks, notifying and the moderation log."""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from maillage.accounts.models import User
from maillage.communities import permissions as community_permissions
from maillage.communities.models import Community
from maillage.notifications.services import notify

from ..models import (
    ModerationLog,
)

MAX_TAGS = 8
MAX_RELATED = 10
MAX_HELPERS_ASKED = 10
MAX_TEXT = 20_000


def writer_membership(user, community):
    return community_permissions.membership_of(user, community)


def ensure_writable(community: Community) -> None:
    """Refuse any write in an archived community, with a message people can read."""
    community_permissions.ensure_not_archived(community)


def check_rate_limit(user: User) -> None:
    """Refuse a post beyond ``MAILLAGE_POSTS_PER_MINUTE`` in the current minute.

    Counted in Django's cache, so that several processes share the count.
    """
    limit = getattr(settings, "MAILLAGE_POSTS_PER_MINUTE", 0)
    if not limit:
        return
    key = f"conversations:posts:{user.pk}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=120)
        count = 1
    if count > limit:
        raise ValidationError(
            ngettext(
                "You can post at most %(limit)d message per minute. Wait a "
                "moment and send it again: your text is kept.",
                "You can post at most %(limit)d messages per minute. Wait a "
                "moment and send it again: your text is kept.",
                limit,
            )
            % {"limit": limit},
            code="rate_limited",
        )


def notify_people(
    kind, recipients, *, thread, actor, url, excerpt="", target_key="", about_key=""
):
    recipients = set(recipients)
    if not recipients:
        return []
    return notify(
        recipients=recipients,
        community=thread.community,
        kind=kind,
        actor=actor,
        subject=thread.title,
        excerpt=excerpt,
        url=url,
        target_key=target_key,
        about_key=about_key,
    )


def log_act(*, actor, community, action, thread=None, reply=None, reason=""):
    return ModerationLog.objects.create(
        community=community,
        actor=actor,
        action=action,
        thread=thread,
        reply=reply,
        reason=(reason or "")[:500],
    )
