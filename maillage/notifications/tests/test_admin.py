"""The administration lists notifications and preferences."""

import pytest
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory
from maillage.notifications import services

from .factories import NotificationFactory


@pytest.mark.parametrize(
    "name",
    ["notifications_notification", "notifications_notificationpreference"],
)
def test_admin_lists_and_opens_rows(client, db, name):
    """A superuser can list and open notification rows and preferences."""
    admin = UserFactory(is_staff=True, is_superuser=True)
    notification = NotificationFactory()
    preference = services.set_preferences(
        user=notification.recipient, about_me="daily", followed="weekly"
    )
    client.force_login(admin)
    assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    pk = notification.pk if name.endswith("notification") else preference.pk
    assert client.get(reverse(f"admin:{name}_change", args=[pk])).status_code == 200
