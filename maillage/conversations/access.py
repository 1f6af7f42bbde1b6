"""How the exchanges' pages fetch a community, a thread or a reply and decide
whether the viewer may have it, built on ``communities.access``: the same
refusals, answered by its middleware.

On top of the community's own rules (a hidden community is a 404), the
exchanges of a community whose content is for members answer ``MembersOnly``
with the "who may read" notice; a hidden thread is a 404 except for moderators.
A ``need`` is a key of the mappings below or a predicate of the same shape;
a viewer who lacks it is refused (a 403, or the login page when anonymous).
"""

from django.utils.translation import gettext as _

from maillage.communities import access
from maillage.communities import permissions as community_permissions

from . import permissions, selectors
from .models import Reply, Thread

MEMBERS_ONLY_TEMPLATE = "conversations/members_only.html"

# (user, community, membership) -> bool
COMMUNITY_NEEDS = {
    "read": None,
    "post": permissions.can_post,
    "moderate": permissions.can_moderate,
}


def _can_post_on(user, thread, membership) -> bool:
    return permissions.can_post(user, thread.community, membership)


# (user, thread, membership) -> bool
THREAD_NEEDS = {
    "read": None,
    "post": _can_post_on,
    "edit": permissions.can_edit_thread,
    "ask_for_help": permissions.can_ask_for_help,
}

# (user, reply, thread, membership) -> bool
REPLY_NEEDS = {
    "read": None,
    "post": lambda user, _reply, thread, membership: _can_post_on(
        user, thread, membership
    ),
    "edit": permissions.can_edit_reply,
    "delete": permissions.can_delete_reply,
    "history": permissions.can_see_reply_history,
}


def members_only(community, membership=None) -> access.MembersOnly:
    return access.MembersOnly(community, membership, template=MEMBERS_ONLY_TEMPLATE)


def _rule(needs, need):
    return needs[need] if isinstance(need, str) else need


def community_for(request, slug, need="read"):
    """The community and the viewer's membership when its exchanges are for the
    viewer: hidden community, ``Hidden``; exchanges for members, ``MembersOnly``."""
    community, membership = access.community_for(request, slug)
    if not permissions.can_read_community(request.user, community, membership):
        raise members_only(community, membership)
    allows = _rule(COMMUNITY_NEEDS, need)
    if allows is not None and not allows(request.user, community, membership):
        raise access.refuse(request)
    return community, membership


def thread_for(request, pk, need="read"):
    """The thread (with what every page about it shows) and the viewer's
    membership in its community, when the viewer may read it and has ``need``.

    ``need="reply"``: in an archived community, the read-only message on the
    thread's page rather than a refusal."""
    try:
        thread = selectors.thread_for_page(pk)
    except Thread.DoesNotExist:
        raise access.Hidden from None
    community = thread.community
    user = request.user
    membership = community_permissions.membership_of(user, community)
    if not permissions.can_read_thread(user, thread, membership):
        if not user.is_authenticated:
            raise members_only(community)
        visible = community_permissions.can_view_community(user, community, membership)
        if visible and not thread.is_hidden:
            raise members_only(community, membership)
        raise access.Hidden
    if need == "reply":
        if community.is_archived:
            raise access.ReadOnly(
                _("This community is archived: it is read-only."), thread
            )
        need = "post"
    allows = _rule(THREAD_NEEDS, need)
    if allows is not None and not allows(user, thread, membership):
        raise access.refuse(request)
    return thread, membership


def reply_for(request, pk, need="read"):
    """The reply, its thread (as ``thread_for``) and the viewer's membership,
    when the viewer may read the thread and has ``need`` for the reply."""
    try:
        reply = Reply.objects.get(pk=pk)
    except Reply.DoesNotExist:
        raise access.Hidden from None
    thread, membership = thread_for(request, reply.thread_id)
    reply.thread = thread
    allows = _rule(REPLY_NEEDS, need)
    if allows is not None and not allows(request.user, reply, thread, membership):
        raise access.refuse(request)
    return reply, thread, membership
