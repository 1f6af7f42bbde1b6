"""The personal data that communities hold about a person (Law 25)."""

from django.utils import timezone

from .models import Invitation, Membership


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
    Membership.objects.filter(user=user).update(request_message="")
    Invitation.objects.filter(invited_by=user).update(message="")
    now = timezone.now()
    addressed = Invitation.objects.filter(email__iexact=user.email)
    addressed.pending().update(revoked_at=now)
    addressed.update(email=f"deleted-{user.pk}@invalid.invalid", message="")
