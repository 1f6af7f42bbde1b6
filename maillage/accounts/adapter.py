from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Brings a person who followed an invitation link back to it after sign-in."""

    def _pending_invitation(self, request):
        return request.session.get("pending_invitation_url")

    def get_login_redirect_url(self, request):
        return self._pending_invitation(request) or super().get_login_redirect_url(
            request
        )

    def get_signup_redirect_url(self, request):
        return self._pending_invitation(request) or super().get_signup_redirect_url(
            request
        )

    def get_email_verification_redirect_url(self, email_address):
        pending = self._pending_invitation(self.request)
        return pending or super().get_email_verification_redirect_url(email_address)
