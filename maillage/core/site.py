"""The site's own address, for links that leave the site (e-mail above all).

In production every link uses ``settings.MAILLAGE_SITE_URL``: the address people
know, whatever host name the request came through. In development (``DEBUG``)
the site is often served elsewhere (``make run PORT=8001``, another machine of
the network), so a link made while a request is being answered uses that
request's own address; without a request (a task worker, a command), the
setting again.
"""

from contextvars import ContextVar

from django.conf import settings

# The address of the request being answered, in development only; one per
# request (a context variable is never shared between concurrent requests).
_request_origin: ContextVar[str | None] = ContextVar("request_origin", default=None)


def site_url() -> str:
    """The address links should start with, without a trailing slash."""
    origin = _request_origin.get() if settings.DEBUG else None
    return (origin or settings.MAILLAGE_SITE_URL).rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (or a URL already absolute) as an absolute URL of the site."""
    if path.startswith(("http://", "https://")):
        return path
    return site_url() + "/" + path.lstrip("/")


class RequestOriginMiddleware:
    """In development, remember the request's own address while it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.DEBUG:
            return self.get_response(request)
        token = _request_origin.set(f"{request.scheme}://{request.get_host()}")
        try:
            return self.get_response(request)
        finally:
            _request_origin.reset(token)
