from django.db import models


class UserQuerySet(models.QuerySet):
    def active(self):
        """People who can sign in: not deactivated and not deleted."""
        return self.filter(is_active=True, deleted_at__isnull=True)

    def in_directory(self):
        """People who consent to the cross-community directory today
        (``listed``, kept from their consents by the services)."""
        return self.active().filter(listed=True)

    def matching(self, folded: str):
        """People whose name or job title (``search_text``), or whose
        organisation's name (``organisation_search``), contains ``folded``
        (already folded). Both columns are in this table, each with an index
        for ``LIKE '%…%'`` (trigrams on PostgreSQL, which combines the two;
        on SQLite one index of both, narrower than the table):
        docs/performance.md."""
        return self.filter(
            models.Q(search_text__contains=folded)
            | models.Q(organisation_search__contains=folded)
        )

    def with_expertise_like(self, text: str):
        """People with an expertise tag whose slug contains ``text`` (already a
        slug), without repeating a person who has several."""
        tags = self.model.expertise.through.objects.filter(
            user=models.OuterRef("pk"), expertisetag__slug__contains=text
        )
        return self.filter(models.Exists(tags))


class ConsentQuerySet(models.QuerySet):
    def current(self):
        return self.filter(withdrawn_at__isnull=True)
