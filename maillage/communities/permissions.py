"""Who may do what in a community: plain predicates, used by services and templates.

``membership`` arguments are the viewer's own membership row (or None); pages load
it once and pass it, so a predicate never costs a query of its own.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Community, Membership


def membership_of(user, community) -> Membership | None:
    """The viewer's membership in ``community``, whatever its state, or None.

    Being invited is read from the pending invitations to the viewer's address:
    an unsaved 'invited' membership stands for one when there is no row yet, and
    an 'invited' row whose invitation lapsed counts as the state it had before.
    Nothing is written, so a GET stays read-only.
    """
    if not user.is_authenticated:
        return None
    own = Membership.objects.filter(community=community, user=user).first()
    if own is not None and own.state != Membership.State.INVITED:
        return own
    invitations = community.invitations.filter(email__iexact=user.email).order_by(
        "-created_at"
    )
    pending = invitations.pending().first()
    if pending is not None:
        if own is None:
            own = Membership(
                community=community,
                user=user,
                role=pending.role,
                state=Membership.State.INVITED,
            )
        return own
    if own is None:
        return None
    latest = invitations.first()
    if latest is None or not latest.previous_state:
        return None
    own.state = latest.previous_state
    return own


def _state(membership) -> str | None:
    return membership.state if membership is not None else None


def is_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_staff)


def can_launch_community(user) -> bool:
    """Staff, and people whom staff allowed, may create communities."""
    return user.is_authenticated and (user.is_staff or user.can_launch_communities)


def can_view_community(user, community, membership) -> bool:
    """The presentation page: listed communities for all; private ones for insiders."""
    if community.visibility != Community.Visibility.PRIVATE or is_staff(user):
        return True
    return _state(membership) in (Membership.State.ACTIVE, Membership.State.INVITED)


def is_active_member(membership) -> bool:
    return _state(membership) == Membership.State.ACTIVE


def content_is_public(community) -> bool:
    """Whether a community's content (threads, resources...) is for everyone,
    not only its members. The rule of ``can_view_content``, for code that
    decides for many people at once (notifications, "who can help me?")."""
    return community.visibility == Community.Visibility.PUBLIC


def can_view_content(user, community, membership) -> bool:
    """Threads, resources, meetings: public communities for all, else members."""
    if content_is_public(community) or is_staff(user):
        return True
    return is_active_member(membership)


def content_readers(community, people) -> set:
    """Of ``people`` (a mapping of user ids to users), the ids of those who may
    read ``community``'s content: ``can_view_content`` for many people, in at
    most one query."""
    if content_is_public(community):
        return set(people)
    members = set(
        Membership.objects.active()
        .filter(community=community, user_id__in=list(people))
        .values_list("user_id", flat=True)
    )
    return {pk for pk, user in people.items() if is_staff(user) or pk in members}


def shares_a_community(viewer, person) -> bool:
    """True when both are active members of at least one same community."""
    if not viewer.is_authenticated:
        return False
    return (
        Membership.objects.active()
        .filter(
            user=person,
            community__in=Membership.objects.active()
            .filter(user=viewer)
            .values("community"),
        )
        .exists()
    )


def can_view_profile(viewer, person) -> bool:
    """A profile is seen by its owner, staff, people who share an active
    community with its owner, and anyone signed in when its owner is listed in
    the directory (costs up to two queries)."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == person.pk or viewer.is_staff:
        return True
    if shares_a_community(viewer, person):
        return True
    return type(person).objects.in_directory().filter(pk=person.pk).exists()


def can_view_members(user, community, membership) -> bool:
    """The member directory is for fellow members and staff only (privacy)."""
    return is_staff(user) or is_active_member(membership)


def can_manage(user, community, membership) -> bool:
    """Facilitators (and staff) manage members, invitations and the presentation."""
    if is_staff(user):
        return True
    return (
        is_active_member(membership) and membership.role == Membership.Role.FACILITATOR
    )


def can_join(user, community, membership) -> bool:
    """One click joins an open community one can see, unless removed from it."""
    return (
        user.is_authenticated
        and not community.is_archived
        and community.join_policy == Community.JoinPolicy.OPEN
        and can_view_community(user, community, membership)
        and _state(membership)
        in (None, Membership.State.LEFT, Membership.State.REQUESTED)
    )


def can_request(user, community, membership) -> bool:
    """A request with a message, for communities that review who joins."""
    return (
        user.is_authenticated
        and not community.is_archived
        and community.join_policy == Community.JoinPolicy.REQUEST
        and can_view_community(user, community, membership)
        and _state(membership) in (None, Membership.State.LEFT)
    )


def can_leave(membership, community=None) -> bool:
    """Active members may leave, except an archived community (frozen as it was)."""
    if community is not None and community.is_archived:
        return False
    return is_active_member(membership)


def can_contribute(user, community, membership) -> bool:
    """Post, reply, react, upload: active members (and staff) of a live community.

    An archived community is read-only for everyone, staff included.
    """
    if community.is_archived:
        return False
    return is_staff(user) or is_active_member(membership)


def ensure_not_archived(community) -> None:
    """Services call this before any write: archived communities refuse them."""
    if community.is_archived:
        raise ValidationError(
            _("This community is archived: it can be read but no longer changed."),
            code="archived",
        )


def can_steer(user, community, membership) -> bool:
    """Facilitators (and staff) act on a live community: its members and
    presentation here; its charter, objectives, setup path, stage and closing
    in the method. Nobody does once it is archived."""
    return not community.is_archived and can_manage(user, community, membership)


def can_export(user, community, membership) -> bool:
    """The full export is for facilitators and staff, archived or not."""
    return can_manage(user, community, membership)
