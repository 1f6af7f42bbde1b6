"""Templated e-mail, rendered in the recipient's language and sent by a task."""

from django.conf import settings
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

from .tasks import send_email
from .text import showable


def _render_text(template_name: str, context: dict) -> str:
    # Plain text, not HTML: escaping would show "l&#x27;Estrie" to the reader.
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_mail(template_prefix: str, context: dict, language: str) -> tuple[str, str]:
    """Render ``<prefix>_subject.txt`` and ``<prefix>_body.txt`` in ``language``."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _render_text(f"{template_prefix}_subject.txt", context)
        body = _render_text(f"{template_prefix}_body.txt", context)
    subject = " ".join(showable(subject).split())
    return settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, showable(body)


def send_templated_mail_on_commit(
    *, template_prefix: str, to: str, context: dict, language: str
) -> None:
    """Queue the e-mail once the current transaction commits (never on rollback)."""
    subject, body = render_mail(template_prefix, context, language)
    transaction.on_commit(
        lambda: send_email.enqueue(subject=subject, text_body=body, to=[to])
    )
