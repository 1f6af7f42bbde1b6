"""Flags and moderation: hiding, restoring, locking, pinning, dismissing flags."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.communities.models import Membership
from maillage.notifications.services import withdraw

from .. import notifying, permissions
from ..models import (
    Flag,
    ModerationLog,
    Reply,
    Thread,
)
from .common import ensure_writable, log_act, notify_people, writer_membership
from .replies import drop_solution, quote_reply

# Moderation -------------------------------------------------------------------


def _require_moderator(actor, community) -> None:
    ensure_writable(community)
    if not permissions.can_moderate(
        actor, community, writer_membership(actor, community)
    ):
        raise PermissionDenied


@transaction.atomic
def flag_content(
    *,
    reporter: User,
    thread: Thread,
    reply: Reply | None = None,
    reason: str,
    details: str = "",
) -> Flag:
    """Report a thread (or one of its replies) to the facilitators, who are told."""
    community = thread.community
    ensure_writable(community)
    own = writer_membership(reporter, community)
    if not permissions.can_post(reporter, community, own) or thread.is_hidden:
        raise PermissionDenied
    if reply is not None and (reply.thread_id != thread.pk or not reply.is_published):
        raise PermissionDenied
    if reason not in Flag.Reason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    details = (details or "").strip()
    if len(details) > 1000:
        raise ValidationError({"details": _("Keep it under 1,000 characters.")})
    if reason == Flag.Reason.OTHER and not details:
        raise ValidationError({"details": _("Say in a few words what is wrong.")})
    already = Flag.objects.filter(
        reporter=reporter, thread=thread, reply=reply, resolved_at__isnull=True
    )
    if already.exists():
        raise ValidationError(
            _("You have already flagged this; the facilitators will look at it."),
            code="duplicate",
        )
    flag = Flag.objects.create(
        community=community,
        thread=thread,
        reply=reply,
        reporter=reporter,
        reason=reason,
        details=details,
    )
    facilitators = Membership.objects.facilitators().filter(community=community)
    notify_people(
        notifying.FLAG,
        set(facilitators.values_list("user_id", flat=True)),
        thread=thread,
        actor=reporter,
        url=reverse("conversations:moderation_queue", args=[community.slug]),
        target_key=f"community:{community.pk}:flags",
    )
    return flag


def _resolve_flags(*, actor, thread, reply, resolution) -> None:
    Flag.objects.filter(thread=thread, reply=reply, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=actor, resolution=resolution
    )


@transaction.atomic
def dismiss_flag(*, actor: User, flag: Flag, reason: str = "") -> Flag:
    """Close a flag without hiding anything."""
    _require_moderator(actor, flag.community)
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.resolved_at is not None:
        raise ValidationError(_("This flag has already been handled."))
    flag.resolved_at = timezone.now()
    flag.resolved_by = actor
    flag.resolution = Flag.Resolution.DISMISSED
    flag.save()
    log_act(
        actor=actor,
        community=flag.community,
        action=ModerationLog.Action.DISMISS_FLAG,
        thread=flag.thread,
        reply=flag.reply,
        reason=reason,
    )
    return flag


@transaction.atomic
def set_thread_hidden(
    *, actor: User, thread: Thread, hidden: bool, reason: str = ""
) -> Thread:
    """Hide a thread from everyone but the moderators, or show it again."""
    _require_moderator(actor, thread.community)
    if thread.is_hidden == hidden:
        return thread
    thread.hidden_at = timezone.now() if hidden else None
    thread.save(update_fields=["hidden_at", "updated_at"])
    if hidden:
        # Their subject is its title: nobody but moderators may read it now.
        withdraw(
            community=thread.community, about_key=notifying.about_thread(thread.pk)
        )
        _resolve_flags(
            actor=actor, thread=thread, reply=None, resolution=Flag.Resolution.HIDDEN
        )
    Action = ModerationLog.Action
    log_act(
        actor=actor,
        community=thread.community,
        action=Action.HIDE_THREAD if hidden else Action.RESTORE_THREAD,
        thread=thread,
        reason=reason,
    )
    return thread


@transaction.atomic
def set_reply_hidden(
    *, actor: User, reply: Reply, hidden: bool, reason: str = ""
) -> Reply:
    """Hide a reply behind a placeholder, or show it again."""
    thread = reply.thread
    _require_moderator(actor, thread.community)
    if reply.is_hidden == hidden:
        return reply
    reply.hidden_at = timezone.now() if hidden else None
    reply.save(update_fields=["hidden_at", "updated_at"])
    quote_reply(reply)
    if hidden:
        drop_solution(reply)
        _resolve_flags(
            actor=actor, thread=thread, reply=reply, resolution=Flag.Resolution.HIDDEN
        )
    Action = ModerationLog.Action
    log_act(
        actor=actor,
        community=thread.community,
        action=Action.HIDE_REPLY if hidden else Action.RESTORE_REPLY,
        thread=thread,
        reply=reply,
        reason=reason,
    )
    return reply


@transaction.atomic
def set_thread_locked(
    *, actor: User, thread: Thread, locked: bool, reason: str = ""
) -> Thread:
    """Lock a thread (no new replies) or open it again."""
    Action = ModerationLog.Action
    return _set_thread_mark(
        actor=actor,
        thread=thread,
        field="locked_at",
        on=locked,
        action=Action.LOCK if locked else Action.UNLOCK,
        reason=reason,
    )


@transaction.atomic
def set_thread_pinned(
    *, actor: User, thread: Thread, pinned: bool, reason: str = ""
) -> Thread:
    """Pin a thread at the top of the community's lists, or unpin it."""
    Action = ModerationLog.Action
    return _set_thread_mark(
        actor=actor,
        thread=thread,
        field="pinned_at",
        on=pinned,
        action=Action.PIN if pinned else Action.UNPIN,
        reason=reason,
    )


def _set_thread_mark(*, actor, thread, field, on, action, reason) -> Thread:
    """Set or clear a moderator's dated mark (locked, pinned), logged once."""
    _require_moderator(actor, thread.community)
    if (getattr(thread, field) is not None) == on:
        return thread
    setattr(thread, field, timezone.now() if on else None)
    thread.save(update_fields=[field, "updated_at"])
    log_act(
        actor=actor,
        community=thread.community,
        action=action,
        thread=thread,
        reason=reason,
    )
    return thread
