from datetime import timedelta

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import timezone


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
    """Where people land after signing up, verifying their address or logging in.

    A pending invitation comes first: whoever followed an invitation link is
    brought back to it. Otherwise a newcomer with an empty profile lands on the
    welcome page (skippable), and everyone else on the default page. A ``next``
    address, when there is one, is followed before any of these (allauth).
    """

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
