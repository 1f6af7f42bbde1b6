"""Middleware the whole site shares: security headers, and refusing input that
cannot be read."""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import DisallowedHost, RequestDataTooBig
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .http import BadInput


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


class BadInputMiddleware:
    """Refuse, with a 400 page saying why, what cannot be carried out as sent.

    - A form or query string that is not valid UTF-8: Django would read it with
      replacement characters ("�") and store those. The whole request is refused
      before any view runs, so that nothing is saved.
    - ``core.http.BadInput`` raised by a view (an unknown choice, for example).

    Placed after the language middleware, so that the page is in the reader's
    language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _readable(request):
            return bad_input_response(
                request,
                _(
                    "The form sent characters that cannot be read (it is not "
                    "valid UTF-8 text), so nothing was saved. Copy your text "
                    "again from its source, or type it, and send it again."
                ),
            )
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, BadInput):
            return bad_input_response(request, exception.message)
        return None


def bad_input_response(request, message: str) -> HttpResponse:
    """A 400 saying ``message``: a page, or only the text for an htmx request."""
    if request.headers.get("HX-Request") == "true":
        return HttpResponse(message, status=400, content_type="text/plain")
    return render(
        request,
        "core/bad_request.html",
        {"message": message, "back_url": _same_site_referer(request)},
        status=400,
    )


def _same_site_referer(request) -> str:
    back = request.headers.get("Referer", "")
    try:
        host = request.get_host()
    except DisallowedHost:
        return ""
    if url_has_allowed_host_and_scheme(back, allowed_hosts={host}):
        return back
    return ""


def _valid_utf8(raw: bytes) -> bool:
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _readable(request) -> bool:
    """Whether the query string and the form of ``request`` are valid UTF-8."""
    query = request.META.get("QUERY_STRING", "")
    if query and not _valid_utf8(query.encode("iso-8859-1", "replace")):
        return False
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return True
    charset = (request.content_params or {}).get("charset", "utf-8").lower()
    if charset.replace("-", "") != "utf8":
        return True
    if request.content_type == "application/x-www-form-urlencoded":
        try:
            body = request.body
        except RequestDataTooBig:
            return True  # Django refuses it by itself when the form is read
        return _valid_utf8(body)
    if request.content_type == "multipart/form-data":
        # The parts are decoded one by one, invalid bytes becoming "\ufffd":
        # a replacement character in a field means the form was not valid text.
        try:
            values = [v for _key, vs in request.POST.lists() for v in vs]
        except RequestDataTooBig:
            return True
        return not any("\ufffd" in value for value in values)
    return True
