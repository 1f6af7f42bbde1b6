"""Who may read and do what in the exchanges: plain predicates.

They build on the communities' predicates. ``membership`` is the viewer's own
membership in the thread's community (or None), loaded once per page, so a
predicate never costs a query.
"""

from maillage.communities import permissions as community_permissions


def can_read_community(user, community, membership) -> bool:
    """The community's exchanges (lists, activity) are readable by ``user``."""
    return community_permissions.can_view_content(user, community, membership)


def can_moderate(user, community, membership) -> bool:
    """Facilitators and staff moderate: hide, restore, lock, pin, handle flags."""
    return community_permissions.can_manage(user, community, membership)


def can_read_thread(user, thread, membership) -> bool:
    """A thread is read by those who read its community; hidden, by moderators."""
    community = thread.community
    if not can_read_community(user, community, membership):
        return False
    return not thread.is_hidden or can_moderate(user, community, membership)


def can_post(user, community, membership) -> bool:
    """Start a thread, react, follow, flag: active members and staff, live community."""
    return community_permissions.can_contribute(user, community, membership)


def can_reply(user, thread, membership) -> bool:
    """Reply to a thread that is neither locked nor hidden."""
    return (
        can_post(user, thread.community, membership)
        and not thread.is_locked
        and not thread.is_hidden
    )


def _is_author(user, item) -> bool:
    return user.is_authenticated and item.author_id == user.pk


def can_edit_thread(user, thread, membership) -> bool:
    """The author (and moderators) may correct a thread."""
    return can_post(user, thread.community, membership) and (
        _is_author(user, thread) or can_moderate(user, thread.community, membership)
    )


def can_edit_reply(user, reply, thread, membership) -> bool:
    """Only the author edits their words; moderators hide or delete instead."""
    return (
        can_post(user, thread.community, membership)
        and _is_author(user, reply)
        and reply.is_published
    )


def can_delete_reply(user, reply, thread, membership) -> bool:
    """The author or a moderator may delete a reply (softly)."""
    return (
        can_post(user, thread.community, membership)
        and not reply.is_deleted
        and (
            _is_author(user, reply) or can_moderate(user, thread.community, membership)
        )
    )


def can_see_reply_history(user, reply, thread, membership) -> bool:
    """Earlier versions stay between the author and the moderators."""
    return _is_author(user, reply) or can_moderate(user, thread.community, membership)


def can_mark_solution(user, thread, membership) -> bool:
    """On a challenge, its author or a moderator chooses the solution."""
    return (
        thread.is_challenge
        and not thread.is_hidden
        and can_post(user, thread.community, membership)
        and (
            _is_author(user, thread) or can_moderate(user, thread.community, membership)
        )
    )


def can_react(user, item, thread, membership) -> bool:
    """Members react to others' published contributions, not their own."""
    published = not getattr(item, "is_deleted", False) and not item.is_hidden
    return (
        published
        and not thread.is_hidden
        and can_post(user, thread.community, membership)
        and not _is_author(user, item)
    )


def can_ask_for_help(user, thread, membership) -> bool:
    """ "Who can help me?": the challenge's author and the moderators."""
    return (
        thread.is_challenge
        and not thread.is_hidden
        and can_post(user, thread.community, membership)
        and (
            _is_author(user, thread) or can_moderate(user, thread.community, membership)
        )
    )


def can_moderate_live(user, community, membership) -> bool:
    """Moderation changes content, so an archived community refuses it too."""
    return not community.is_archived and can_moderate(user, community, membership)
