from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
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


class Submission(models.Model):
    """A creating form's token (``core.forms.SubmissionField``) and what that
    form created: the same form sent again returns it instead of creating
    another (``core.submissions.submitted_once``).

    Written in the transaction that creates the thing; the unique pair makes a
    second, concurrent sending wait for the first and then find its row.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    token = models.CharField(_("token"), max_length=64)
    result_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        verbose_name=_("kind of result"),
    )
    result_id = models.PositiveBigIntegerField(_("result"), null=True)
    result = GenericForeignKey("result_type", "result_id")
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "token"], name="submission_unique_token"
            )
        ]

    def __str__(self):
        return f"{self.user_id}:{self.token}"
