""" "Who can help me?": asking people for help on a challenge."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.communities import permissions as community_permissions
from maillage.communities.models import Membership
from maillage.notifications.services import notify

from .. import notifying, permissions
from ..models import (
    Thread,
)
from .common import MAX_HELPERS_ASKED, ensure_writable, writer_membership

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
    ensure_writable(community)
    if not permissions.can_ask_for_help(
        actor, thread, writer_membership(actor, community)
    ):
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
