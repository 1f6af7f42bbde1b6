from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(
    *, subject: str, text_body: str, to: list[str], html_body: str = ""
) -> None:
    """Send one e-mail; runs in the task worker in production."""
    message = EmailMultiAlternatives(subject=subject, body=text_body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
