"""Model fields shared by every app."""

from django.apps import apps
from django.db import models

from .forms import MARKDOWN_MAX_LENGTH
from .forms import MarkdownField as MarkdownFormField


class MarkdownField(models.TextField):
    """A text written in Markdown and shown through ``core.markdown``.

    It marks the field for what reads every Markdown text of the site
    (``manage.py repair_texts``) and gives its forms ``core.forms.MarkdownField``,
    which refuses a text that would not render. The schema is a plain text
    column: it deconstructs as a ``TextField``, so that choosing it needs no
    migration.
    """

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "form_class": MarkdownFormField,
                "max_length": self.max_length or MARKDOWN_MAX_LENGTH,
                **kwargs,
            }
        )

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


def markdown_fields() -> list[tuple[type[models.Model], MarkdownField]]:
    """Every ``MarkdownField`` of every installed model, as (model, field)."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, MarkdownField) and field.model is model
    ]
