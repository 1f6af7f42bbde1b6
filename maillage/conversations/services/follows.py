"""Reactions, follows of threads and communities, and the record of visits."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.communities.models import Community

from .. import permissions
from ..models import (
    CommunityFollow,
    Reaction,
    Reply,
    Thread,
    ThreadFollow,
    ThreadVisit,
)
from .common import ensure_writable, writer_membership

# Reactions, follows, visits ---------------------------------------------------


@transaction.atomic
def toggle_reaction(
    *, user: User, kind: str, thread: Thread, reply: Reply | None = None
) -> bool:
    """Add ``user``'s reaction of ``kind`` (to the reply, else the thread) or take
    it back; returns True when the reaction is now there."""
    community = thread.community
    ensure_writable(community)
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Unknown reaction."), code="invalid")
    item = reply if reply is not None else thread
    if reply is not None and reply.thread_id != thread.pk:
        raise PermissionDenied
    if not permissions.can_react(
        user, item, thread, writer_membership(user, community)
    ):
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
    ensure_writable(thread.community)
    own = writer_membership(user, thread.community)
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
    ensure_writable(community)
    if not permissions.can_post(user, community, writer_membership(user, community)):
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
    own = writer_membership(user, thread.community)
    if not user.is_authenticated or not permissions.can_read_thread(user, thread, own):
        raise PermissionDenied
    visit, _created = ThreadVisit.objects.update_or_create(
        user=user, thread=thread, defaults={"last_seen_at": timezone.now()}
    )
    return visit
