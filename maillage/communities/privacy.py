"""The personal data that communities hold about a person (Law 25)."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Community, Invitation, Membership


def export_personal_data(user) -> dict:
    memberships = Membership.objects.filter(user=user).select_related("community")
    return {
        "memberships": [
            {
                "community": m.community.name,
                "role": m.role,
                "state": m.state,
                "joined_at": m.joined_at.isoformat() if m.joined_at else None,
                "request_message": m.request_message,
            }
            for m in memberships
        ],
        "invitations_sent": [
            {
                "community": i.community.name,
                "email": i.email,
                "message": i.message,
                "created_at": i.created_at.isoformat(),
            }
            for i in Invitation.objects.filter(invited_by=user).select_related(
                "community"
            )
        ],
    }


def anonymise_personal_data(user) -> None:
    """A deleted person leaves every community; their messages are erased."""
    Membership.objects.filter(user=user).exclude(state="removed").update(
        state=Membership.State.LEFT
    )
    # Bulk writes bypass Membership.save(): keep the stored counts true.
    Community.objects.filter(memberships__user=user).recount_members()
    Membership.objects.filter(user=user).update(request_message="")
    Invitation.objects.filter(invited_by=user).update(message="")
    now = timezone.now()
    addressed = Invitation.objects.filter(email__iexact=user.email)
    addressed.pending().update(revoked_at=now)
    addressed.update(email=f"deleted-{user.pk}@invalid.invalid", message="")


def deletion_blockers(user) -> list[str]:
    """Why the account cannot be deleted yet: live communities it alone facilitates.

    An archived community cannot change hands any more, so it blocks nothing.
    """
    alone = (
        Membership.objects.facilitators()
        .filter(user=user, community__archived_at__isnull=True)
        .annotate(
            facilitator_count=Count(
                "community__memberships",
                filter=Q(
                    community__memberships__state=Membership.State.ACTIVE,
                    community__memberships__role=Membership.Role.FACILITATOR,
                ),
            )
        )
        .filter(facilitator_count=1)
        .select_related("community")
    )
    return [
        _(
            "You are the only facilitator of %(name)s: name another facilitator "
            "there before deleting your account."
        )
        % {"name": m.community.name}
        for m in alone
    ]
