from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "maillage.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # Stands in for the app that owns proposals (see ``proposals.py``).
        from .proposals import register_kinds

        register_kinds()
