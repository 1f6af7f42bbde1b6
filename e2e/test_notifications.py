"""Notifications in Chromium: the header count, marking read in place, opening."""

from maillage.communities.tests.factories import MembershipFactory
from maillage.notifications.models import Notification
from maillage.notifications.tests.factories import NotificationFactory


def test_member_marks_a_notification_read_in_place_and_opens_another(
    new_context, viewport, live_server
):
    """The badge counts unread; "Mark as read" swaps the item and the count without
    a reload; "Open" leads to the link and marks it read."""
    membership = MembershipFactory(user__display_name="Marc Membre")
    community = membership.community
    first, second = (
        NotificationFactory(
            recipient=membership.user,
            community=community,
            subject=subject,
            url=community.get_absolute_url(),
        )
        for subject in ("Collations en CPE", "Courges d'hiver")
    )
    page = new_context(viewport, user=membership.user).new_page()
    page.goto("/notifications/")
    badge = page.locator("#nav-notifications .badge-count")
    assert badge.inner_text() == "2"

    item = page.locator(f"#notification-{first.pk}")
    item.locator("form[hx-post] button").click()
    page.locator(f"#notification-{first.pk}:not(.notification-unread)").wait_for()
    assert page.locator("#nav-notifications .badge-count").inner_text() == "1"
    # Focus stays in the item, on its remaining button, for keyboard users.
    assert page.evaluate("document.activeElement.closest('li').id") == (
        f"notification-{first.pk}"
    )
    first.refresh_from_db()
    assert first.read_at is not None

    with page.expect_navigation():
        page.locator(f"#notification-{second.pk} form:not([hx-post]) button").click()
    assert page.url.endswith(community.get_absolute_url())
    assert page.locator("#nav-notifications .badge-count").count() == 0
    assert not Notification.objects.unread().exists()
