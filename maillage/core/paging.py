"""Paging a long list whose rows are costly to join (the member directory)."""

from django.db.models import QuerySet


class IdsFirst:
    """``queryset``, paged by Django's ``Paginator`` in one query a page, with
    the page's rows chosen before they are joined.

    A page is ``queryset.filter(pk__in=<the page's ids>)``: the ids come from a
    subquery with the same filters and order, sliced (``LIMIT``/``OFFSET``),
    which reads only the ordering index; the rows of the page alone are then
    joined with what the page shows. With a plain slice, every row skipped by
    ``OFFSET`` is joined first: the last page of a community with 6,000 members
    joins 6,000 people, organisations and regions (docs/performance.md).
    """

    def __init__(self, queryset: QuerySet):
        if not queryset.ordered:
            raise ValueError("IdsFirst pages an ordered queryset.")
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("IdsFirst is read a page (a slice) at a time.")
        ids = self.queryset.values("pk")[key]
        return list(self.queryset.filter(pk__in=ids))
