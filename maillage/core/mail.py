"""E-mail: one way to render a message and one task to send it.

A message is rendered where it is decided (in the recipient's language, from
``<prefix>_subject.txt``, ``<prefix>_body.txt`` and, when it exists,
``<prefix>_body.html``) into the keyword arguments of ``tasks.send_email``, and
handed to the task once the transaction commits (never on a rollback): at once
in development and tests (django-tasks' ``ImmediateBackend``), by
``manage.py db_worker`` in production. The stored task holds the final message,
so the worker reads nothing. Links in a message start with
``core.site.site_url()`` (``absolute_url``).

Invitations and the other community e-mails (``send_templated_mail_on_commit``),
allauth's e-mails (``accounts/adapter.py``, ``send_on_commit``), notifications
and digests (``notifications/emails.py``) all go through here.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

from .tasks import send_email
from .text import showable


def _render_text(template_name: str, context: dict) -> str:
    # Plain text, not HTML: escaping would show "l&#x27;Estrie" to the reader.
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def _render_html(template_name: str, context: dict) -> str:
    try:
        return render_to_string(template_name, context)
    except TemplateDoesNotExist:
        return ""


def message(
    *,
    subject: str,
    text_body: str,
    to: list[str],
    html_body: str = "",
    headers: dict[str, str] | None = None,
) -> dict:
    """The keyword arguments of ``tasks.send_email``, cleaned: the subject on one
    line, no character that mail cannot carry (a title may hold control
    characters)."""
    return {
        "subject": " ".join(showable(subject).split()),
        "text_body": showable(text_body),
        "html_body": showable(html_body),
        "to": list(to),
        "headers": dict(headers or {}),
    }


def render_message(
    template_prefix: str,
    context: dict,
    *,
    language: str,
    to: list[str],
    headers: dict[str, str] | None = None,
) -> dict:
    """Render ``<prefix>_subject.txt``, ``<prefix>_body.txt`` and, if there is
    one, ``<prefix>_body.html`` in ``language`` (the site's by default): the
    keyword arguments of ``tasks.send_email``, the subject after the site's
    prefix ("[Maillage] ")."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _render_text(f"{template_prefix}_subject.txt", context)
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject
        text_body = _render_text(f"{template_prefix}_body.txt", context)
        html_body = _render_html(f"{template_prefix}_body.html", context)
    return message(
        subject=subject,
        text_body=text_body,
        html_body=html_body,
        to=to,
        headers=headers,
    )


def send(messages: Iterable[dict]) -> None:
    """Hand each rendered message to the sending task, now."""
    for kwargs in messages:
        send_email.enqueue(**kwargs)


def send_on_commit(messages: Iterable[dict]) -> None:
    """Hand the messages to the sending task once the current transaction
    commits (at once outside a transaction; never on a rollback)."""
    messages = list(messages)
    if messages:
        transaction.on_commit(lambda: send(messages))


def send_templated_mail_on_commit(
    *, template_prefix: str, to: str, context: dict, language: str
) -> None:
    """Render the e-mail now, in ``language``, and send it once the current
    transaction commits."""
    send_on_commit(
        [render_message(template_prefix, context, language=language, to=[to])]
    )
