"""Form fields for input that must be checked before the database or a page sees
it: Markdown that renders, numbers typed the French way, ids that fit the
database, and the token that makes a creating form safe to send twice.

Every app builds its forms from these (``docs/architecture.md``, "Bad input");
a model form gets them from ``formfield_for``.
"""

import re
import secrets
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .markdown import validate_markdown

# The largest id a path, a form or a query string may name: what a 64-bit
# integer column holds (SQLite refuses a larger one with an OverflowError).
MAX_ID = 2**63 - 1
# What Markdown fields accept by default, as the services do.
MARKDOWN_MAX_LENGTH = 20_000


def fits_an_id(value) -> bool:
    """Whether ``value`` is an integer the database can compare with an id."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return True  # not a number at all: Django's own check answers it
    return -MAX_ID <= number <= MAX_ID


class MarkdownField(forms.CharField):
    """Text written in Markdown: refused, with the reason, when it would not
    render as written (``core.markdown.validate_markdown``: nesting deeper than
    ``MAX_NESTING``, or too slow to render)."""

    widget = forms.Textarea

    def __init__(self, *, max_length=MARKDOWN_MAX_LENGTH, **kwargs):
        super().__init__(max_length=max_length, **kwargs)

    def run_validators(self, value):
        super().run_validators(value)
        # Rendered only once the length is known to be acceptable.
        if value not in self.empty_values:
            validate_markdown(value)


# Spaces that group thousands: the space, the no-break space (what French
# formatting puts) and the narrow no-break space (what the Office de la langue
# française recommends), and the thin space.
_GROUP_SPACES = "[ \u00a0\u202f\u2009]"
_GROUPED = re.compile(rf"^\d{{1,3}}({_GROUP_SPACES}\d{{3}})+$")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
# "1,250" or "1.250": a thousand and a quarter in English, one and a quarter in
# French. Refused rather than guessed.
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")


class DecimalField(forms.DecimalField):
    """A number typed as people type it: "22,5" or "22.5", with spaces (or
    no-break spaces) between thousands. Anything else is refused with a message;
    a number is never read differently from what was typed.

    A text input rather than ``type="number"``: browsers in French drop or
    misread a decimal comma in a number input before the server sees it.
    """

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _(
            "Enter a number, for example 22,5 or 1 250 (a comma or a point "
            "before the decimals, spaces between thousands)."
        ),
        "ambiguous": _(
            "%(value)s could be read two ways. Write 1 250 for a thousand two "
            "hundred and fifty, or 1,25 for one and a quarter."
        ),
    }

    def __init__(self, **kwargs):
        # Shown the reader's way: "22,5" in French.
        kwargs.setdefault("localize", True)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.TextInput):
            attrs.setdefault("inputmode", "decimal")
            attrs.setdefault("autocomplete", "off")
        return attrs

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int | Decimal):
            return Decimal(value)
        text = str(value).strip().replace("\u2212", "-")  # the minus sign
        sign = ""
        if text[:1] in "+-":
            sign, text = text[:1], text[1:].strip()
        whole, separator, decimals = text.partition(",")
        if not separator:
            whole, separator, decimals = text.partition(".")
        if _GROUPED.match(whole):
            whole = re.sub(_GROUP_SPACES, "", whole)
        text = sign + whole + separator + decimals
        if len(text) > 40 or not _NUMBER.match(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if _AMBIGUOUS.match(text):
            raise ValidationError(
                self.error_messages["ambiguous"],
                code="ambiguous",
                params={"value": str(value).strip()},
            )
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None


class IdField(forms.IntegerField):
    """An id sent back by a page (a hidden field): a positive integer that fits
    the database, else the field's error."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class Select(forms.Select):
    """Django's ``<select>``, drawn in Python rather than with a template per
    option: the same HTML, at a fraction of the cost (the home page's filters,
    17 regions and 10 sectors, took 5 ms to render through the templates).
    Optgroups are drawn by Django's templates as before."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        if any(group_name for group_name, _options, _index in context["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join(
            "\n  ",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, options, _index in context["optgroups"]
                for option in options
            ),
        )
        return format_html(
            '<select name="{}"{}>\n  {}\n</select>',
            context["name"],
            flatatt(context["attrs"]),
            options,
        )


class FilterForm(forms.Form):
    """A form of filters above a list, drawn in Python: the HTML of Django's
    ``div`` layout (label, help text, errors, widget in a ``<div>`` per field)
    without its three templates per field (≈ 0.8 ms a field). A field drawn
    in a ``<fieldset>`` (radio buttons, checkboxes) sends the whole form to
    Django's templates, as does any other template or context asked for."""

    def render(self, template_name=None, context=None, renderer=None):
        if template_name or context or any(f.use_fieldset for f in self):
            return super().render(template_name, context, renderer)
        # What Django's templates get: the fields with their errors, the hidden
        # fields, and the errors shown on top (the form's and hidden fields').
        drawn = self.get_context()
        fields = drawn["fields"]
        # Each hidden field's widget is Django's own escaped HTML.
        hidden = mark_safe("".join(str(f) for f in drawn["hidden_fields"]))  # noqa: S308
        parts = [str(drawn["errors"])] if drawn["errors"] else []
        if drawn["errors"] and not fields:
            parts.append(format_html("<div>{}</div>", hidden))
        for position, (field, errors) in enumerate(fields, start=1):
            classes = field.css_classes()
            parts.append(
                format_html(
                    "<div{}>{}{}{}{}{}</div>",
                    format_html(' class="{}"', classes) if classes else "",
                    _label(field),
                    _help_text(field),
                    str(errors) if errors else "",
                    str(field),
                    hidden if position == len(fields) else "",
                )
            )
        if not fields and not drawn["errors"]:
            parts.append(hidden)
        # Every part is escaped HTML: Django's errors, or built by format_html.
        return mark_safe("\n".join(str(part) for part in parts))  # noqa: S308

    __str__ = render


# The marks after which a label gets no suffix: Django's own string, translated
# by Django's catalogue (a constant, so that our catalogue does not take it).
LABEL_PUNCTUATION = ":?.!"


def _label(field) -> str:
    """What ``BoundField.label_tag()`` draws, for a form without
    ``required_css_class``."""
    if not field.label:
        return ""
    label = str(field.label)
    suffix = (
        field.field.label_suffix
        if field.field.label_suffix is not None
        else field.form.label_suffix
    )
    if suffix and label[-1] not in gettext(LABEL_PUNCTUATION):
        contents = format_html("{}{}", label, suffix)
    else:
        contents = conditional_escape(label)
    id_for_label = field.id_for_label
    if not id_for_label:
        return contents
    return format_html('<label for="{}">{}</label>', id_for_label, contents)


def _help_text(field) -> str:
    if not field.help_text:
        return ""
    if field.auto_id:
        return format_html(
            '<div class="helptext" id="{}_helptext">{}</div>',
            field.auto_id,
            mark_safe(field.help_text),  # noqa: S308 - as Django's |safe
        )
    # The help text is the form's own HTML, as Django's template (|safe) takes it.
    return format_html('<div class="helptext">{}</div>', mark_safe(field.help_text))  # noqa: S308


def _integer_key(queryset, to_field_name) -> bool:
    opts = queryset.model._meta
    field = opts.get_field(to_field_name) if to_field_name else opts.pk
    return field.get_internal_type().endswith(("IntegerField", "AutoField"))


class ModelChoiceField(forms.ModelChoiceField):
    """Django's, with an id too large for the database refused as an unknown
    choice instead of reaching it, drawn with the quick ``Select``."""

    widget = Select

    def to_python(self, value):
        if (
            value not in self.empty_values
            and _integer_key(self.queryset, self.to_field_name)
            and not fits_an_id(value)
        ):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, with ids too large for the database refused as unknown choices."""

    def _check_values(self, value):
        if isinstance(value, list | tuple) and _integer_key(
            self.queryset, self.to_field_name
        ):
            for pk in value:
                if not fits_an_id(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(pk)[:40]},
                    )
        return super()._check_values(value)


def new_submission_token() -> str:
    return secrets.token_urlsafe(16)


class SubmissionField(forms.CharField):
    """The token of a creating form: a hidden field holding a new random value
    each time the form is shown, and the same one when it comes back with
    errors. The service, decorated with ``core.submissions.submitted_once``,
    stores it with what it creates, so that the same form sent twice (a double
    click, a resent request) creates one thing.

    Not required: a form sent without it (an old page, a script) still works,
    without that protection.
    """

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("initial", new_submission_token)
        damaged = _("This form is damaged: reload the page and send it again.")
        kwargs.setdefault("validators", [RegexValidator(r"^[A-Za-z0-9_-]*$", damaged)])
        super().__init__(**kwargs)


def formfield_for(db_field: models.Field, **kwargs) -> forms.Field | None:
    """The form field for ``db_field`` in a model form: bounded choices of related
    rows and French decimals; the rest as Django makes it (a
    ``core.fields.MarkdownField`` gives a ``MarkdownField`` above by itself).

    Every model form names it in its ``Meta``: ``formfield_callback = formfield_for``.
    """
    if isinstance(db_field, models.ForeignKey):
        kwargs["form_class"] = ModelChoiceField
    elif isinstance(db_field, models.ManyToManyField):
        kwargs["form_class"] = ModelMultipleChoiceField
    elif isinstance(db_field, models.DecimalField):
        kwargs["form_class"] = DecimalField
    return db_field.formfield(**kwargs)
