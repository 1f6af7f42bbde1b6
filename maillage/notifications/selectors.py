"""Page-shaped reads of notifications, each at a fixed number of queries."""

from django.core.paginator import Page, Paginator

from maillage.accounts.models import Consent
from maillage.core.paging import IdsFirst

from .models import Notification, NotificationPreference

PER_PAGE = 20


def notification_page(*, user, page_number=None, per_page: int = PER_PAGE) -> Page:
    """``user``'s notifications, newest first, from communities they may still read.

    Two queries (count and page), whatever the page holds. The page's ids are
    chosen before its rows are joined to their actors and communities
    (``IdsFirst``): PostgreSQL otherwise joined every notification of the
    person to a hash of every account.
    """
    notifications = Notification.objects.for_reader(user)
    ordering = notifications.query.order_by or Notification._meta.ordering

    def rows(ids):
        return (
            Notification.objects.filter(pk__in=ids)
            .select_related("actor", "community")
            .order_by(*ordering)
        )

    return Paginator(IdsFirst(notifications, rows=rows), per_page).get_page(page_number)


# The header counts unread notifications up to this many, then says "99+": a
# fixed cost on every page, whatever a person left unread.
UNREAD_SHOWN = 99


def unread_count(user) -> int:
    """The number shown beside "Notifications" in the header, counted up to
    ``UNREAD_SHOWN`` + 1: one query."""
    if not user.is_authenticated:
        return 0
    unread = Notification.objects.for_reader(user).unread().order_by()
    return unread[: UNREAD_SHOWN + 1].count()


def preferences_of(user) -> NotificationPreference:
    """``user``'s delivery choices; an unsaved row with the defaults if none."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference or NotificationPreference(user=user)


def has_email_consent(user) -> bool:
    return (
        Consent.objects.current()
        .filter(user=user, purpose=Consent.Purpose.EMAIL)
        .exists()
    )
