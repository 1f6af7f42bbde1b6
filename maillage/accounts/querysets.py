from django.db import models


class UserQuerySet(models.QuerySet):
    def active(self):
        """People who can sign in: not deactivated and not deleted."""
        return self.filter(is_active=True, deleted_at__isnull=True)

    def in_directory(self):
        """People who consented to the cross-community directory."""
        return self.active().filter(
            consents__purpose="directory", consents__withdrawn_at__isnull=True
        )


class ConsentQuerySet(models.QuerySet):
    def current(self):
        return self.filter(withdrawn_at__isnull=True)
