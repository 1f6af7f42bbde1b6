"""Templated e-mail, rendered in the recipient's language and sent by a task."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def render_mail(template_prefix: str, context: dict, language: str) -> tuple[str, str]:
    """Render ``<prefix>_subject.txt`` and ``<prefix>_body.txt`` in ``language``."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_body.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    return subject, body


def send_templated_mail_on_commit(
    *, template_prefix: str, to: str, context: dict, language: str
) -> None:
    """Queue the e-mail once the current transaction commits (never on rollback)."""
    subject, body = render_mail(template_prefix, context, language)
    transaction.on_commit(
        lambda: send_email.enqueue(subject=subject, text_body=body, to=[to])
    )
