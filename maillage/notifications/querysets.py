from django.db import models


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def for_reader(self, user):
        """``user``'s own notifications from communities whose content they may
        still read: leaving a private community hides what came from it."""
        from maillage.communities.models import Community

        if not user.is_authenticated:
            return self.none()
        mine = self.filter(recipient=user)
        if user.is_staff:
            return mine
        return mine.filter(
            community__in=Community.objects.content_visible_to(user).values("pk")
        )
