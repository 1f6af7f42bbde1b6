"""Query expressions Django lacks."""

from django.db.models import IntegerField, Subquery


class CountOf(Subquery):
    """The number of rows of a queryset, as a column: ``CountOf(qs[:100])``
    counts up to 100 (the subquery's ``LIMIT``), reading only what the
    subquery reads: an index, when the rows it selects are in one."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()
