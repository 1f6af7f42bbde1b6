"""Paging a long list whose rows are costly to join (the member directory)."""

from django.db.models import QuerySet


class IdsFirst:
    """``queryset``, paged by Django's ``Paginator`` in one query a page, with
    the page's rows chosen before they are joined.

    A page is ``rows(<the page's ids>)``: the ids come from a subquery of
    ``queryset`` (its filters and order, sliced by ``LIMIT``/``OFFSET``), which
    reads only the ordering index; the rows of the page alone are then joined
    with what the page shows. With a plain slice, every row skipped by
    ``OFFSET`` is joined first: the last page of a community with 6,000 members
    joins 6,000 people, organisations and regions (docs/performance.md).
    """

    def __init__(self, queryset: QuerySet, rows=None):
        """``rows(ids)`` gives the page's rows, in order, with what the page
        shows; by default ``queryset.filter(pk__in=ids)``, which repeats the
        filters: pass it when they cost (a search) and the ids are enough."""
        if not queryset.ordered:
            raise ValueError("IdsFirst pages an ordered queryset.")
        self.queryset = queryset
        self.rows = rows or (lambda ids: queryset.filter(pk__in=ids))

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        """Every row, in order (one query, and the rows' prefetches)."""
        return iter(self.rows(self.queryset.values("pk")))

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("IdsFirst is read a page (a slice) at a time.")
        return list(self.rows(self.queryset.values("pk")[key]))
