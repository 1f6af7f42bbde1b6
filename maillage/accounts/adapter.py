from datetime import timedelta
from urllib.parse import urlsplit

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.core import mail
from maillage.core.site import absolute_url, site_url

# The links allauth puts in its e-mails, rebuilt on the site's own address.
_EMAILED_LINKS = ("activate_url", "password_reset_url", "signup_url")


def _on_site(url: str) -> str:
    """``url`` with the site's address (``core.site``) in place of the request's."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return absolute_url(path)


def needs_welcome(user) -> bool:
    """A newcomer (an account younger than ``MAILLAGE_WELCOME_DAYS``) whose
    profile is still empty is welcomed and asked to complete it."""
    if not user.is_authenticated:
        return False
    recent = timezone.now() - user.date_joined < timedelta(
        days=settings.MAILLAGE_WELCOME_DAYS
    )
    return recent and user.has_empty_profile()


class AccountAdapter(DefaultAccountAdapter):
    """allauth in our words and on our address, and where people land after
    signing up, verifying their address or logging in.

    A pending invitation comes first: whoever followed an invitation link is
    brought back to it. Otherwise a newcomer with an empty profile lands on the
    welcome page (skippable), and everyone else on the default page. A ``next``
    address, when there is one, is followed before any of these (allauth).
    """

    # allauth's error messages, in plain words and with "courriel" in French.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("This account is closed: it can no longer log in."),
        "cannot_remove_primary_email": _(
            "This is your main address: make another one your main address first."
        ),
        "duplicate_email": _("This address is already one of your account's."),
        "email_password_mismatch": _(
            "This e-mail address and password do not match. Check them, or "
            "choose a new password with “Forgot your password?”."
        ),
        "email_taken": _("An account already uses this e-mail address."),
        "enter_current_password": _("Type your current password."),
        "incorrect_password": _("This password is not right."),
        "invalid_or_expired_key": _("This link has expired or was already used."),
        "invalid_login": _("This login is not valid."),
        "invalid_password_reset": _(
            "This password reset link has expired or was already used."
        ),
        "max_email_addresses": _("An account has at most %d e-mail addresses."),
        "too_many_login_attempts": _(
            "Too many failed attempts: wait a few minutes before trying again."
        ),
        "unknown_email": _("No account uses this e-mail address."),
        "unverified_primary_email": _(
            "Confirm this address before making it your main one."
        ),
        "select_only_one": _("Choose only one."),
        "same_as_current": _("The new value must differ from the current one."),
        "rate_limited": _("Too many attempts in a row: wait a moment, then retry."),
    }

    def _pending_invitation(self, request):
        return request.session.get("pending_invitation_url")

    def _first_steps(self, request, default: str) -> str:
        if needs_welcome(request.user):
            return reverse("accounts:welcome")
        return default

    def get_login_redirect_url(self, request):
        return self._pending_invitation(request) or self._first_steps(
            request, super().get_login_redirect_url(request)
        )

    def get_signup_redirect_url(self, request):
        return self._pending_invitation(request) or self._first_steps(
            request, super().get_signup_redirect_url(request)
        )

    def get_email_verification_redirect_url(self, email_address):
        pending = self._pending_invitation(self.request)
        return pending or super().get_email_verification_redirect_url(email_address)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's e-mails with links on the site's address (``core.site``:
        ``MAILLAGE_SITE_URL`` in production) and how long their links last,
        rendered by allauth from its templates in the reader's language, then
        sent like every e-mail of the site: by ``core.mail``'s task, once the
        transaction commits."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
            "site_url": site_url(),
            "expiry_days": allauth_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS,
            "reset_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600)),
        }
        for name in _EMAILED_LINKS:
            if context.get(name):
                context[name] = _on_site(context[name])
        rendered = self.render_mail(template_prefix, email, context)
        text, html = rendered.body, ""
        if rendered.content_subtype == "html":  # allauth found no text template
            text, html = "", rendered.body
        for body, mimetype in getattr(rendered, "alternatives", []):
            if mimetype == "text/html":
                html = body
        mail.send_on_commit(
            [
                mail.message(
                    subject=rendered.subject,
                    text_body=text,
                    html_body=html,
                    to=rendered.to,
                    headers=rendered.extra_headers,
                )
            ]
        )
