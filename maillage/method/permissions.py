"""Who may do what with the method: plain predicates, used by services and pages.

The membership's predicates (``can_manage``, ``can_steer``: facilitators and
staff of a live community, ``can_view_content``...) and ``can_export`` (the full
export, written by ``communities``) stay in ``communities.permissions``; these
are the method's own. ``membership`` is the viewer's row, loaded once by the page.
"""

from maillage.communities.models import Membership
from maillage.communities.permissions import can_manage, is_active_member, is_staff


def can_view_setup_path(user, community, membership) -> bool:
    """The setup path is the members' working document: members and staff read it."""
    return is_staff(user) or is_active_member(membership)


def can_view_dashboard(user, community, membership) -> bool:
    """Facilitators and staff, and the community's sponsors (read-only: what they
    see holds no write action), archived or not."""
    if can_manage(user, community, membership):
        return True
    return is_active_member(membership) and membership.role == Membership.Role.SPONSOR


def can_reopen(user, community) -> bool:
    """Only staff undo an archive."""
    return community.is_archived and is_staff(user)


def can_propose_community(user) -> bool:
    """Anyone signed in may propose a community on their territory."""
    return bool(user.is_authenticated)


def can_review_proposals(user) -> bool:
    return is_staff(user)
