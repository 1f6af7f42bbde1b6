from django.db import models


class UserQuerySet(models.QuerySet):
    def active(self):
        """People who can sign in: not deactivated and not deleted."""
        return self.filter(is_active=True, deleted_at__isnull=True)

    def in_directory(self):
        """People who consented to the cross-community directory.

        ``pk IN (consenting people)`` rather than a join, so that a list of
        them needs no ``DISTINCT`` (which made the directory's count scan every
        row); both engines answer it as a semi-join from the consents.
        """
        consenting = self.model.consents.rel.related_model.objects.filter(
            purpose="directory", withdrawn_at__isnull=True
        ).values("user_id")
        return self.active().filter(pk__in=consenting)

    def matching(self, folded: str):
        """People whose name or job title (``search_text``), or whose
        organisation's name, contains ``folded`` (already folded)."""
        return self.filter(pk__in=self.model.objects.ids_matching(folded))

    def ids_matching(self, folded: str):
        """The ids of ``matching(folded)``: a ``UNION`` of two narrow searches,
        so that a list of thousands of people is read only for the few who
        match. On SQLite the names are scanned in their own index
        (``user_search_text``), on PostgreSQL looked up in trigram indexes
        (docs/performance.md)."""
        Organisation = self.model._meta.get_field("organisation").related_model
        organisations = Organisation.objects.filter(normalized_name__contains=folded)
        named = self.filter(search_text__contains=folded)
        employed = self.filter(organisation__in=organisations.values("pk"))
        return named.order_by().values("pk").union(employed.order_by().values("pk"))

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
