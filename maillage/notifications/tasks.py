from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email_message(
    *,
    subject: str,
    text_body: str,
    html_body: str,
    to: list[str],
    headers: dict[str, str] | None = None,
) -> None:
    """Send one rendered notification e-mail; runs in the task worker in production.

    Rendering happens before enqueueing, in the recipient's language, so the
    worker needs no database reads and the stored task holds the final message.
    """
    message = EmailMultiAlternatives(
        subject=subject, body=text_body, to=to, headers=headers or {}
    )
    message.attach_alternative(html_body, "text/html")
    message.send()
