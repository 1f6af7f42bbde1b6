"""Finding and repairing stored Markdown that no longer renders.

Texts saved before ``core.markdown.validate_markdown`` existed (or under older
rules) may nest deeper than ``MAX_NESTING`` or take too long to render; pages
show them as plain text. ``manage.py repair_texts`` rewrites them so that they
render again. Every ``core.fields.MarkdownField`` of every app is read: an app
needs nothing more than to declare its Markdown columns with that field.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction

from .fields import markdown_fields
from .markdown import repaired_markdown


@dataclass(frozen=True)
class TextRepair:
    """One stored text that did not render, and what was (or would be) done."""

    model: str  # "app_label.Model"
    pk: int
    field: str
    length: int
    action: str  # "flattened" (nesting cut down) or "escaped" (shown as written)
    saved: bool  # False in a dry run, or when the text changed meanwhile

    def __str__(self):
        done = "" if self.saved else " (not saved)"
        return (
            f"{self.model} #{self.pk} {self.field}: {self.length} characters, "
            f"{self.action}{done}"
        )


def repair_stored_texts(*, dry_run: bool = False) -> Iterator[TextRepair]:
    """Check every stored Markdown text; rewrite those that do not render.

    Each text is written in its own transaction, and only if it has not changed
    since it was read (an edit made meanwhile wins). ``updated_at`` is left as
    it was: a repair is not an edit.
    """
    for model, field in markdown_fields():
        rows = (
            model._base_manager.exclude(**{field.name: ""})
            .order_by("pk")
            .values_list("pk", field.name)
        )
        for pk, text in rows.iterator(chunk_size=200):
            repaired = repaired_markdown(text)
            if repaired is None:
                continue
            new_text, action = repaired
            saved = False
            if not dry_run:
                with transaction.atomic():
                    saved = bool(
                        model._base_manager.filter(pk=pk, **{field.name: text}).update(
                            **{field.name: new_text}
                        )
                    )
            yield TextRepair(
                model=model._meta.label,
                pk=pk,
                field=field.name,
                length=len(text),
                action=action,
                saved=saved,
            )
