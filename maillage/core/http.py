"""Refusing a request whose input no form field could show an error for, and
saying why a write was refused when no form shows it."""

from collections.abc import Iterable, Mapping

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext as _


class BadInput(BadRequest):
    """A request that cannot be carried out as sent, with a message for people.

    ``core.middleware.BadInputMiddleware`` answers it with a 400 page (or, for
    htmx, a 400 text) saying ``message``; nothing has been changed.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def posted_choice(
    data: Mapping, name: str, choices: Mapping | Iterable, *, what: str
) -> str:
    """The value of ``name`` in ``data`` when it is one of ``choices`` (a mapping
    or Django ``choices`` of value to label), else ``BadInput`` naming the value
    sent and those expected. ``what`` says what the value is ("the role")."""
    labels = dict(choices) if not isinstance(choices, Mapping) else choices
    value = data.get(name, "")
    if value in labels:
        return value
    expected = ", ".join(str(label) for label in labels.values())
    if not value:
        raise BadInput(
            _("Nothing was chosen for %(what)s. Possible values: %(choices)s.")
            % {"what": what, "choices": expected}
        )
    raise BadInput(
        _("Unknown value for %(what)s: “%(value)s”. Possible values: %(choices)s.")
        % {
            "what": what,
            "value": Truncator(str(value)).chars(40),
            "choices": expected,
        }
    )


def report(request, error: ValidationError) -> None:
    """Show each message of ``error`` as an error message of the next page (a
    write refused by a service, with no form to show it next to a field)."""
    for message in error.messages:
        messages.error(request, message)
