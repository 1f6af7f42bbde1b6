from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce


def _author_is_guest_expert() -> Exists:
    """Whether a row's author is a guest expert of its community today."""
    from maillage.communities.models import Membership

    return Exists(
        Membership.objects.guest_experts().filter(
            community=OuterRef("community"), user=OuterRef("author")
        )
    )


class ThreadQuerySet(models.QuerySet):
    # The models this module reads are found through the thread's relations, not
    # imported: the models import their querysets, never the other way round.
    def _related(self, name):
        return self.model._meta.get_field(name).related_model

    def visible_to(self, user):
        """Threads ``user`` may read: the one gate for every list of threads.

        Threads of communities whose content ``user`` may read; hidden threads
        only for the community's moderators (facilitators) and staff.
        """
        from maillage.communities.models import Community, Membership

        readable = self.filter(
            community__in=Community.objects.content_visible_to(user).values("pk")
        )
        if user.is_authenticated and user.is_staff:
            return readable
        shown = Q(hidden_at__isnull=True)
        if user.is_authenticated:
            moderated = Membership.objects.facilitators().filter(user=user)
            shown |= Q(community__in=moderated.values("community_id"))
        return readable.filter(shown)

    def published(self):
        return self.filter(hidden_at__isnull=True)

    def with_author_marks(self):
        """Annotate ``author_is_guest_expert``, for the byline (no query more)."""
        return self.annotate(author_is_guest_expert=_author_is_guest_expert())

    def challenges(self):
        return self.filter(kind="challenge")

    def solved(self):
        return self.challenges().filter(solution__isnull=False)

    def unsolved(self):
        return self.challenges().filter(solution__isnull=True)

    def in_listing_order(self):
        """Pinned threads first, then the most recently active."""
        return self.order_by(
            models.F("pinned_at").desc(nulls_last=True), "-last_activity_at", "-id"
        )

    def with_reply_counts(self):
        """Annotate ``reply_count``: replies neither deleted nor hidden."""
        Reply = self._related("replies")
        counts = (
            Reply.objects.published()
            .filter(thread=OuterRef("pk"))
            .order_by()
            .values("thread")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(reply_count=Coalesce(Subquery(counts), 0))

    def with_news_for(self, user):
        """Annotate ``last_seen_at`` (None: never opened) and ``new_reply_count``.

        For anonymous visitors nothing is new: both stay empty.
        """
        Reply = self._related("replies")
        ThreadVisit = self._related("visits")
        if not user.is_authenticated:
            return self.annotate(
                last_seen_at=models.Value(None, output_field=models.DateTimeField()),
                new_reply_count=models.Value(0, output_field=models.IntegerField()),
            )
        seen = ThreadVisit.objects.filter(user=user, thread=OuterRef("pk")).values(
            "last_seen_at"
        )[:1]
        fresh = (
            Reply.objects.published()
            .filter(thread=OuterRef("pk"), created_at__gt=OuterRef("last_seen_at"))
            .exclude(author=user)
            .order_by()
            .values("thread")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(last_seen_at=Subquery(seen)).annotate(
            new_reply_count=Coalesce(Subquery(fresh), 0)
        )


class ReplyQuerySet(models.QuerySet):
    def with_author_marks(self):
        """Annotate ``author_is_guest_expert``, for the byline (no query more)."""
        return self.annotate(author_is_guest_expert=_author_is_guest_expert())

    def published(self):
        """Replies shown to everyone: neither deleted nor hidden."""
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)
