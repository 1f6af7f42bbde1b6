"""Replies (writing, editing, deleting) and the solution of a challenge."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.core.submissions import submitted_once
from maillage.notifications.services import quote_again

from .. import notifying, permissions
from ..mentions import mentioned_ids, resolve_mentions
from ..models import (
    ModerationLog,
    Reply,
    ReplyRevision,
    Thread,
    ThreadFollow,
)
from .common import (
    MAX_TEXT,
    check_rate_limit,
    ensure_writable,
    log_act,
    notify_people,
    writer_membership,
)

# Replies ----------------------------------------------------------------------


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write your reply before sending it.")})
    if len(body) > MAX_TEXT:
        raise ValidationError(
            {"body": _("This text is too long (at most 20,000 characters).")}
        )
    return body


@transaction.atomic
@submitted_once(by="author")
def create_reply(
    *, author: User, thread: Thread, body: str, quoted: Reply | None = None
) -> Reply:
    """Reply in a thread; the replier then follows it.

    Tells the mentioned members, the thread's author and its followers, each once.
    The same ``submission`` token again returns the first reply.
    """
    community = thread.community
    ensure_writable(community)
    own = writer_membership(author, community)
    if not permissions.can_post(author, community, own) or thread.is_hidden:
        raise PermissionDenied
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if thread.is_locked:
        raise ValidationError(
            _("This thread is locked: it no longer takes replies."), code="locked"
        )
    body = _clean_body(body)
    if quoted is not None and (
        quoted.thread_id != thread.pk or not quoted.is_published
    ):
        raise ValidationError(
            {"body": _("The quoted reply is no longer available.")}, code="invalid"
        )
    body, named = resolve_mentions(body, community)
    check_rate_limit(author)
    now = timezone.now()
    reply = Reply.objects.create(
        thread=thread,
        community=thread.community,
        author=author,
        body=body,
        quoted=quoted,
    )
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=now)
    thread.last_activity_at = now
    ThreadFollow.objects.get_or_create(user=author, thread=thread)

    url = reply.get_absolute_url()
    excerpt = reply.excerpt()
    named = set(named)
    notify_people(
        notifying.MENTION,
        named,
        thread=thread,
        actor=author,
        url=url,
        excerpt=excerpt,
        target_key=f"reply:{reply.pk}:mention",
        about_key=notifying.about_reply(thread.pk, reply.pk),
    )
    owner = {thread.author_id} - named - {None}
    notify_people(
        notifying.REPLY,
        owner,
        thread=thread,
        actor=author,
        url=url,
        excerpt=excerpt,
        target_key=f"thread:{thread.pk}:reply",
        about_key=notifying.about_reply(thread.pk, reply.pk),
    )
    followers = set(
        ThreadFollow.objects.filter(thread=thread).values_list("user_id", flat=True)
    )
    notify_people(
        notifying.NEW_REPLY,
        followers - named - owner,
        thread=thread,
        actor=author,
        url=url,
        excerpt=excerpt,
        target_key=f"thread:{thread.pk}:new_reply",
        about_key=notifying.about_reply(thread.pk, reply.pk),
    )
    reply.thread = thread
    return reply


@transaction.atomic
def edit_reply(*, actor: User, reply: Reply, body: str) -> Reply:
    """Change one's reply; the earlier text is kept as a revision."""
    thread = reply.thread
    ensure_writable(thread.community)
    own = writer_membership(actor, thread.community)
    if not permissions.can_edit_reply(actor, reply, thread, own):
        raise PermissionDenied
    body = _clean_body(body)
    before = mentioned_ids(reply.body)
    body, named = resolve_mentions(body, thread.community)
    if body == reply.body:
        return reply
    ReplyRevision.objects.create(reply=reply, body=reply.body, edited_by=actor)
    reply.body = body
    reply.edited_at = timezone.now()
    reply.save(update_fields=["body", "edited_at", "updated_at"])
    # Earlier versions stay between the author and the moderators: the people
    # told of the reply see its new text.
    quote_reply(reply)
    notify_people(
        notifying.MENTION,
        set(named) - before,
        thread=thread,
        actor=actor,
        url=reply.get_absolute_url(),
        excerpt=reply.excerpt(),
        target_key=f"reply:{reply.pk}:mention",
        about_key=notifying.about_reply(thread.pk, reply.pk),
    )
    return reply


def quote_reply(reply: Reply) -> None:
    """Notifications about ``reply`` quote what it shows now: its current text,
    or nothing once it is deleted or hidden."""
    excerpt = reply.excerpt() if reply.is_published else ""
    quote_again(
        community=reply.thread.community,
        about_key=notifying.about_reply(reply.thread_id, reply.pk),
        excerpt=excerpt,
    )


def drop_solution(reply: Reply) -> None:
    """A reply that disappears is no longer a thread's solution."""
    Thread.objects.filter(solution=reply).update(
        solution=None, solved_at=None, solved_by=None
    )


@transaction.atomic
def delete_reply(*, actor: User, reply: Reply, reason: str = "") -> Reply:
    """Delete a reply softly (its author or a moderator); a placeholder remains."""
    thread = reply.thread
    community = thread.community
    ensure_writable(community)
    own = writer_membership(actor, community)
    if not permissions.can_delete_reply(actor, reply, thread, own):
        raise PermissionDenied
    reply.deleted_at = timezone.now()
    reply.deleted_by = actor
    reply.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    drop_solution(reply)
    quote_reply(reply)
    if reply.author_id != actor.pk:
        log_act(
            actor=actor,
            community=community,
            action=ModerationLog.Action.DELETE_REPLY,
            thread=thread,
            reply=reply,
            reason=reason,
        )
    return reply


# Solutions --------------------------------------------------------------------


@transaction.atomic
def mark_solution(*, actor: User, reply: Reply) -> Thread:
    """Mark ``reply`` as its challenge's solution (replacing any earlier one).

    The reply's author and the thread's followers are told.
    """
    thread = Thread.objects.select_for_update().get(pk=reply.thread_id)
    community = thread.community
    ensure_writable(community)
    if not permissions.can_mark_solution(
        actor, thread, writer_membership(actor, community)
    ):
        raise PermissionDenied
    if not reply.is_published:
        raise ValidationError(_("A deleted or hidden reply cannot be the solution."))
    if thread.solution_id == reply.pk:
        return thread
    thread.solution = reply
    thread.solved_at = timezone.now()
    thread.solved_by = actor
    thread.save(update_fields=["solution", "solved_at", "solved_by", "updated_at"])
    followers = set(
        ThreadFollow.objects.filter(thread=thread).values_list("user_id", flat=True)
    )
    notify_people(
        notifying.SOLUTION,
        followers | {reply.author_id} - {None},
        thread=thread,
        actor=actor,
        url=reply.get_absolute_url(),
        excerpt=reply.excerpt(),
        target_key=f"thread:{thread.pk}:solution",
        about_key=notifying.about_reply(thread.pk, reply.pk),
    )
    return thread


@transaction.atomic
def unmark_solution(*, actor: User, thread: Thread) -> Thread:
    """Take the solution mark off a challenge: it is unsolved again."""
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    community = thread.community
    ensure_writable(community)
    if not permissions.can_mark_solution(
        actor, thread, writer_membership(actor, community)
    ):
        raise PermissionDenied
    thread.solution = None
    thread.solved_at = None
    thread.solved_by = None
    thread.save(update_fields=["solution", "solved_at", "solved_by", "updated_at"])
    return thread
