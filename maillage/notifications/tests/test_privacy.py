"""Personal data held by notifications: exported, and erased with the account."""

from django.conf import settings

from maillage.accounts import services as account_services
from maillage.notifications import privacy, services
from maillage.notifications.models import Notification, NotificationPreference

from .factories import NotificationFactory


def test_module_is_listed_for_export_and_deletion():
    """Account export and deletion reach the notifications module."""
    assert "maillage.notifications.privacy" in settings.MAILLAGE_PERSONAL_DATA_MODULES


def test_export_lists_preferences_and_notifications_received(member):
    """The export holds the e-mail choices and each notification's kind,
    subject and date."""
    services.set_preferences(user=member, about_me="daily", followed="never")
    NotificationFactory(recipient=member, subject="Collations d'automne")
    data = privacy.export_personal_data(member)
    assert data["notification_preferences"] == {
        "about_me": "daily",
        "followed": "never",
    }
    (received,) = data["notifications_received"]
    assert received["subject"] == "Collations d'automne"
    assert received["kind"] == "new_reply"
    assert received["created_at"]


def test_export_of_someone_with_defaults(member):
    """Without saved choices, the export says so."""
    assert privacy.export_personal_data(member)["notification_preferences"] is None


def test_nothing_blocks_deletion(member):
    """Notifications never stop an account from being deleted."""
    assert privacy.deletion_blockers(member) == []


def test_account_deletion_erases_notifications_and_preferences(member, outsider):
    """Deleting the account removes what was addressed to the person; what they
    caused stays for its recipients."""
    services.set_preferences(user=member, about_me="never", followed="never")
    NotificationFactory(recipient=member)
    caused = NotificationFactory(recipient=outsider, actor=member)
    account_services.delete_account(user=member)
    assert not Notification.objects.filter(recipient=member).exists()
    assert not NotificationPreference.objects.filter(user=member).exists()
    assert Notification.objects.filter(pk=caused.pk).exists()


def test_account_export_includes_notifications(member):
    """The account's data export carries the notifications section."""
    NotificationFactory(recipient=member)
    data = account_services.export_personal_data(user=member)
    assert any("notifications_received" in str(key) for key in _keys(data))


def _keys(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _keys(value)
