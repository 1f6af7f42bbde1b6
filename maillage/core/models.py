from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Abstract base recording when a row was created and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class ListingIndex(models.Index):
    """An index that serves ``F(...).desc(nulls_last=True)`` on every database.

    PostgreSQL keeps NULLs first in a descending index unless told NULLS LAST;
    SQLite keeps them last already, and refuses NULLS LAST in CREATE INDEX. On
    SQLite the modifier is dropped where it changes nothing (NULLS LAST on a
    descending column, NULLS FIRST on an ascending one), so that both databases
    read a listing such as "pinned first, then the latest" straight from the index.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "sqlite" and self.expressions:
            index = self.clone()
            index.expressions = tuple(_sqlite_order(e) for e in self.expressions)
            return models.Index.create_sql(index, model, schema_editor, using, **kwargs)
        return super().create_sql(model, schema_editor, using, **kwargs)


def _sqlite_order(expression):
    if not isinstance(expression, models.OrderBy):
        return expression
    if expression.nulls_last and not expression.descending:
        raise ValueError("SQLite cannot index NULLS LAST on an ascending column.")
    if expression.nulls_first and expression.descending:
        raise ValueError("SQLite cannot index NULLS FIRST on a descending column.")
    return models.OrderBy(expression.expression, descending=expression.descending)
