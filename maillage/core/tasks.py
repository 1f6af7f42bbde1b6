from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(
    *,
    subject: str,
    text_body: str,
    to: list[str],
    html_body: str = "",
    headers: dict[str, str] | None = None,
) -> None:
    """Send one message rendered by ``core.mail``; runs in the task worker in
    production. Every e-mail of the site goes through this task."""
    message = EmailMultiAlternatives(
        subject=subject, body=text_body, to=to, headers=headers or {}
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
