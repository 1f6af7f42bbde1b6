"""Response headers that the whole site shares."""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Send ``settings.MAILLAGE_CONTENT_SECURITY_POLICY`` with every response.

    Scripts and styles come only from our own static files: an injected
    ``<script>`` or ``onclick=`` in user content would not run even if it got
    past the Markdown sanitiser. A view may set its own header; it is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(settings.MAILLAGE_CONTENT_SECURITY_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
