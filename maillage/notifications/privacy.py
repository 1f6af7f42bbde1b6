"""The personal data that notifications hold about a person (Law 25)."""

from .models import Notification, NotificationPreference


def export_personal_data(user) -> dict:
    preference = NotificationPreference.objects.filter(user=user).first()
    return {
        "notification_preferences": (
            {"about_me": preference.about_me, "followed": preference.followed}
            if preference
            else None
        ),
        "notifications_received": [
            {
                "kind": n.kind,
                "community": n.community.name if n.community else None,
                "subject": n.subject,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
                "emailed_at": n.emailed_at.isoformat() if n.emailed_at else None,
            }
            for n in Notification.objects.filter(recipient=user).select_related(
                "community"
            )
        ],
    }


def deletion_blockers(user) -> list[str]:
    return []


def anonymise_personal_data(user) -> None:
    """Notifications are addressed to the person alone: they go with the account.

    Those the person caused keep existing for their recipients; the actor shows
    as a former member once the account is erased.
    """
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
