"""Every write to the exchanges goes through here.

Each function takes the acting person, checks what they may do (and that the
community is not archived), writes in one transaction and tells the people
concerned through ``notifications.services.notify``, which itself leaves out
anyone who may not read the community's content. Notifications never show
more than the page does: hiding a thread withdraws those about it, and hiding,
deleting or editing a reply changes what those about it quote.
"""

import time
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.accounts.models import User
from maillage.communities import permissions as community_permissions
from maillage.communities.models import Community, Membership
from maillage.core.submissions import submitted_once
from maillage.notifications.services import notify, quote_again, withdraw

from . import notifying, permissions
from .mentions import mentioned_ids, resolve_mentions
from .models import (
    KIND_SECTIONS,
    REQUIRED_SECTIONS,
    SECTION_FIELDS,
    CommunityFollow,
    Flag,
    ModerationLog,
    Reaction,
    Reply,
    ReplyRevision,
    Tag,
    Thread,
    ThreadFollow,
    ThreadVisit,
)

MAX_TAGS = 8
MAX_RELATED = 10
MAX_HELPERS_ASKED = 10
MAX_TEXT = 20_000


def _membership(user, community):
    return community_permissions.membership_of(user, community)


def _writable(community: Community) -> None:
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


def _notify(
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


def _log(*, actor, community, action, thread=None, reply=None, reason=""):
    return ModerationLog.objects.create(
        community=community,
        actor=actor,
        action=action,
        thread=thread,
        reply=reply,
        reason=(reason or "")[:500],
    )


# Threads ----------------------------------------------------------------------


def _clean_sections(kind: str, sections: Mapping[str, str]) -> dict[str, str]:
    """The kind's sections, trimmed; a missing required one is an error on its field."""
    used = {name for name, _label in KIND_SECTIONS[kind]}
    cleaned = dict.fromkeys(SECTION_FIELDS, "")
    errors = {}
    for name in used:
        text = (sections.get(name) or "").strip()
        if len(text) > MAX_TEXT:
            errors[name] = _("This text is too long (at most 20,000 characters).")
        cleaned[name] = text
    for name in REQUIRED_SECTIONS[kind]:
        if not cleaned[name] and name not in errors:
            errors[name] = _("This part is needed.")
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Give your thread a title.")})
    if len(title) > 200:
        raise ValidationError({"title": _("Keep the title under 200 characters.")})
    return title


def tags_for(tags: Iterable[Tag] = (), new_names: Iterable[str] = ()) -> list[Tag]:
    """Chosen tags plus free additions (found by slug, or created)."""
    chosen = {tag.slug: tag for tag in tags}
    for raw in new_names:
        name = " ".join(raw.split())[:40]
        slug = slugify(name)[:50]
        if not slug or slug in chosen:
            continue
        chosen[slug] = Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0]
    if len(chosen) > MAX_TAGS:
        raise ValidationError(
            {"new_tags": _("Choose at most %(count)d tags.") % {"count": MAX_TAGS}}
        )
    return list(chosen.values())


def _clean_related(community, related, *, exclude=None) -> list[Thread]:
    ids = {t.pk if isinstance(t, Thread) else int(t) for t in related}
    if exclude is not None:
        ids.discard(exclude.pk)
    if len(ids) > MAX_RELATED:
        raise ValidationError(
            {"related": _("Link at most %(count)d threads.") % {"count": MAX_RELATED}}
        )
    found = list(Thread.objects.published().filter(community=community, pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError(
            {"related": _("Only threads of the same community can be linked.")}
        )
    return found


def _resolve_section_mentions(cleaned: dict, community) -> set[int]:
    named = set()
    for name, text in cleaned.items():
        if text:
            cleaned[name], people = resolve_mentions(text, community)
            named.update(people)
    return named


def _thread_mentions(thread: Thread) -> set[int]:
    named = set()
    for name in SECTION_FIELDS:
        named |= mentioned_ids(getattr(thread, name))
    return named


@transaction.atomic
@submitted_once(by="author")
def create_thread(
    *,
    author: User,
    community: Community,
    kind: str,
    title: str,
    sections: Mapping[str, str],
    tags: Iterable[Tag] = (),
    new_tags: Iterable[str] = (),
    related: Iterable = (),
) -> Thread:
    """Start a thread of ``kind``; its author follows it.

    Mentioned members and the community's followers are notified. The same
    ``submission`` token again returns the first thread (``submitted_once``).
    """
    _writable(community)
    if not permissions.can_post(author, community, _membership(author, community)):
        raise PermissionDenied
    if kind not in Thread.Kind.values:
        raise ValidationError(_("Unknown kind of thread."), code="invalid")
    title = _clean_title(title)
    cleaned = _clean_sections(kind, sections)
    tag_list = tags_for(tags, new_tags)
    related_list = _clean_related(community, related)
    named = _resolve_section_mentions(cleaned, community)
    check_rate_limit(author)
    thread = Thread.objects.create(
        community=community,
        kind=kind,
        title=title,
        author=author,
        last_activity_at=timezone.now(),
        **cleaned,
    )
    thread.tags.set(tag_list)
    thread.related.set(related_list)
    ThreadFollow.objects.get_or_create(user=author, thread=thread)

    url = thread.get_absolute_url()
    _notify(
        notifying.MENTION,
        named,
        thread=thread,
        actor=author,
        url=url,
        excerpt=thread.excerpt(),
        target_key=f"thread:{thread.pk}:mention",
        about_key=notifying.about_thread(thread.pk),
    )
    followers = set(
        CommunityFollow.objects.filter(community=community).values_list(
            "user_id", flat=True
        )
    )
    _notify(
        notifying.NEW_THREAD,
        followers - named,
        thread=thread,
        actor=author,
        url=url,
        excerpt=thread.excerpt(),
        target_key=f"thread:{thread.pk}:new",
        about_key=notifying.about_thread(thread.pk),
    )
    return thread


@transaction.atomic
def update_thread(
    *,
    actor: User,
    thread: Thread,
    title: str,
    sections: Mapping[str, str],
    tags: Iterable[Tag] = (),
    new_tags: Iterable[str] = (),
    related: Iterable = (),
) -> Thread:
    """Correct a thread (its author or a moderator); newly mentioned people are told."""
    community = thread.community
    _writable(community)
    own = _membership(actor, community)
    if not permissions.can_edit_thread(actor, thread, own):
        raise PermissionDenied
    title = _clean_title(title)
    cleaned = _clean_sections(thread.kind, sections)
    tag_list = tags_for(tags, new_tags)
    related_list = _clean_related(community, related, exclude=thread)
    before = _thread_mentions(thread)
    named = _resolve_section_mentions(cleaned, community)
    thread.title = title
    for name, text in cleaned.items():
        setattr(thread, name, text)
    thread.edited_at = timezone.now()
    thread.save()
    thread.tags.set(tag_list)
    thread.related.set(related_list)
    _notify(
        notifying.MENTION,
        named - before,
        thread=thread,
        actor=actor,
        url=thread.get_absolute_url(),
        excerpt=thread.excerpt(),
        target_key=f"thread:{thread.pk}:mention",
        about_key=notifying.about_thread(thread.pk),
    )
    return thread


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
    _writable(community)
    own = _membership(author, community)
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
    _notify(
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
    _notify(
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
    _notify(
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
    _writable(thread.community)
    own = _membership(actor, thread.community)
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
    _quote_reply(reply)
    _notify(
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


def _quote_reply(reply: Reply) -> None:
    """Notifications about ``reply`` quote what it shows now: its current text,
    or nothing once it is deleted or hidden."""
    excerpt = reply.excerpt() if reply.is_published else ""
    quote_again(
        community=reply.thread.community,
        about_key=notifying.about_reply(reply.thread_id, reply.pk),
        excerpt=excerpt,
    )


def _drop_solution(reply: Reply) -> None:
    """A reply that disappears is no longer a thread's solution."""
    Thread.objects.filter(solution=reply).update(
        solution=None, solved_at=None, solved_by=None
    )


@transaction.atomic
def delete_reply(*, actor: User, reply: Reply, reason: str = "") -> Reply:
    """Delete a reply softly (its author or a moderator); a placeholder remains."""
    thread = reply.thread
    community = thread.community
    _writable(community)
    own = _membership(actor, community)
    if not permissions.can_delete_reply(actor, reply, thread, own):
        raise PermissionDenied
    reply.deleted_at = timezone.now()
    reply.deleted_by = actor
    reply.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    _drop_solution(reply)
    _quote_reply(reply)
    if reply.author_id != actor.pk:
        _log(
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
    _writable(community)
    if not permissions.can_mark_solution(actor, thread, _membership(actor, community)):
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
    _notify(
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
    _writable(community)
    if not permissions.can_mark_solution(actor, thread, _membership(actor, community)):
        raise PermissionDenied
    thread.solution = None
    thread.solved_at = None
    thread.solved_by = None
    thread.save(update_fields=["solution", "solved_at", "solved_by", "updated_at"])
    return thread


# Reactions, follows, visits ---------------------------------------------------


@transaction.atomic
def toggle_reaction(
    *, user: User, kind: str, thread: Thread, reply: Reply | None = None
) -> bool:
    """Add ``user``'s reaction of ``kind`` (to the reply, else the thread) or take
    it back; returns True when the reaction is now there."""
    community = thread.community
    _writable(community)
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Unknown reaction."), code="invalid")
    item = reply if reply is not None else thread
    if reply is not None and reply.thread_id != thread.pk:
        raise PermissionDenied
    if not permissions.can_react(user, item, thread, _membership(user, community)):
        raise PermissionDenied
    target = {"reply": reply} if reply is not None else {"thread": thread}
    deleted, _rows = Reaction.objects.filter(user=user, kind=kind, **target).delete()
    if deleted:
        return False
    Reaction.objects.create(user=user, kind=kind, **target)
    return True


@transaction.atomic
def follow_thread(*, user: User, thread: Thread) -> ThreadFollow:
    """Be told of new replies in ``thread``."""
    _writable(thread.community)
    own = _membership(user, thread.community)
    if not permissions.can_post(user, thread.community, own) or thread.is_hidden:
        raise PermissionDenied
    return ThreadFollow.objects.get_or_create(user=user, thread=thread)[0]


@transaction.atomic
def unfollow_thread(*, user: User, thread: Thread) -> None:
    """Stop hearing of ``thread``; allowed even once the community is archived,
    since it only concerns the person's own notifications."""
    ThreadFollow.objects.filter(user=user, thread=thread).delete()


@transaction.atomic
def follow_community(*, user: User, community: Community) -> CommunityFollow:
    """Be told of every new thread in ``community``."""
    _writable(community)
    if not permissions.can_post(user, community, _membership(user, community)):
        raise PermissionDenied
    return CommunityFollow.objects.get_or_create(user=user, community=community)[0]


@transaction.atomic
def unfollow_community(*, user: User, community: Community) -> None:
    """Stop hearing of new threads in ``community`` (archived or not)."""
    CommunityFollow.objects.filter(user=user, community=community).delete()


@transaction.atomic
def record_visit(*, user: User, thread: Thread) -> ThreadVisit:
    """Remember that ``user`` has read ``thread`` up to now.

    Called by a small request after the page has loaded, never during a GET.
    A reader's own bookmark, so archived communities accept it too.
    """
    own = _membership(user, thread.community)
    if not user.is_authenticated or not permissions.can_read_thread(user, thread, own):
        raise PermissionDenied
    visit, _created = ThreadVisit.objects.update_or_create(
        user=user, thread=thread, defaults={"last_seen_at": timezone.now()}
    )
    return visit


# Moderation -------------------------------------------------------------------


def _require_moderator(actor, community) -> None:
    _writable(community)
    if not permissions.can_moderate(actor, community, _membership(actor, community)):
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
    _writable(community)
    own = _membership(reporter, community)
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
    _notify(
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
    _log(
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
    _log(
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
    _quote_reply(reply)
    if hidden:
        _drop_solution(reply)
        _resolve_flags(
            actor=actor, thread=thread, reply=reply, resolution=Flag.Resolution.HIDDEN
        )
    Action = ModerationLog.Action
    _log(
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
    _log(
        actor=actor,
        community=thread.community,
        action=action,
        thread=thread,
        reason=reason,
    )
    return thread


# "Who can help me?" -----------------------------------------------------------


def may_be_asked(person: User, thread: Thread) -> bool:
    """Whether ``person`` may be asked for help on ``thread``: they must be able
    to read it (a member, or anyone listed in the directory for a public one)."""
    community = thread.community
    if not person.is_active or person.is_deleted:
        return False
    membership = Membership.objects.filter(
        community=community, user=person, state=Membership.State.ACTIVE
    ).first()
    if community_permissions.is_active_member(membership):
        return True
    if not community_permissions.content_is_public(community):
        return False
    return User.objects.in_directory().filter(pk=person.pk).exists()


@transaction.atomic
def ask_for_help(*, actor: User, thread: Thread, people: Iterable[User]) -> int:
    """Ask the chosen people for help on a challenge; returns how many were asked."""
    community = thread.community
    _writable(community)
    if not permissions.can_ask_for_help(actor, thread, _membership(actor, community)):
        raise PermissionDenied
    people = [p for p in dict.fromkeys(people) if p.pk != actor.pk]
    if not people:
        raise ValidationError({"people": _("Choose at least one person.")})
    if len(people) > MAX_HELPERS_ASKED:
        raise ValidationError(
            {
                "people": _("Ask at most %(count)d people at a time.")
                % {"count": MAX_HELPERS_ASKED}
            }
        )
    if not all(may_be_asked(person, thread) for person in people):
        raise ValidationError(
            {"people": _("Some of these people cannot read this thread.")}
        )
    notify(
        recipients=[p.pk for p in people],
        community=community,
        kind=notifying.HELP_REQUEST,
        actor=actor,
        subject=thread.title,
        excerpt=thread.excerpt(),
        url=thread.get_absolute_url(),
        target_key=f"thread:{thread.pk}:help",
        about_key=notifying.about_thread(thread.pk),
    )
    # Someone with an unread request about this thread is not told twice,
    # but was asked all the same.
    return len(people)
