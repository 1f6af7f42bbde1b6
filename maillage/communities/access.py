"""How a page fetches a community and decides whether the viewer may have it.

Every page of ``communities`` and of the apps above it fetches what it shows
through ``community_for`` (or, for the exchanges, ``conversations.access``).
When the viewer may not have it, these functions raise one of the refusals
below, and ``RefusalMiddleware`` (listed in the settings) answers it, the same
way for every page:

========================  ===================================================
refusal                   answer
========================  ===================================================
``Hidden``                404: the viewer may not know that it exists
``LoginNeeded``           redirect to the login page, ``next`` = this page
``Refused``               403 (``403.html``): known, but not for this viewer
``MembersOnly``           an anonymous visitor logs in; others get a 403 page
                          saying who may read (its ``template``)
``ReadOnly``              the reason as an error message, and a redirect
                          (archived community: to the community's page)
========================  ===================================================

A viewer who is not signed in and lacks a right is asked to log in rather than
refused: once logged in they may have it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import permissions
from .models import Community

# Refusals ---------------------------------------------------------------------


class Refusal(Exception):
    """Something a page may not show or do for this viewer."""


class Hidden(Refusal, Http404):
    """404: the viewer may not know it exists (Django's own 404 page)."""


class Refused(Refusal, PermissionDenied):
    """403: the viewer knows it exists but may not see or do it (``403.html``)."""


class LoginNeeded(Refusal):
    """Not signed in: the login page, coming back here afterwards."""


class MembersOnly(Refusal):
    """Content for members: anonymous visitors log in, others read a 403 page
    (``template``, given ``community`` and ``membership``) saying who may."""

    def __init__(self, community, membership=None, *, template):
        super().__init__(community)
        self.community = community
        self.membership = membership
        self.template = template


class ReadOnly(Refusal):
    """A write that cannot happen (an archived community): ``message`` is shown
    as an error on the page ``to`` (a URL or a model with an address)."""

    def __init__(self, message, to):
        super().__init__(message)
        self.message = message
        self.to = to


def archived(community) -> ReadOnly:
    """The refusal of any change to an archived community: back to its page."""
    return ReadOnly(
        _("This community is archived: it can be read but no longer changed."),
        community,
    )


def refuse(request, refusal=None) -> Refusal:
    """What to raise when the viewer lacks a right: log in first if anonymous,
    else ``refusal`` (a plain 403 when none is given)."""
    if not request.user.is_authenticated:
        return LoginNeeded()
    return refusal if refusal is not None else Refused()


class RefusalMiddleware:
    """Answers the refusals raised by views: the one place that turns them into
    responses (see the table above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginNeeded):
            return redirect_to_login(request.get_full_path())
        if isinstance(exception, MembersOnly):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return render(
                request,
                exception.template,
                {"community": exception.community, "membership": exception.membership},
                status=403,
            )
        if isinstance(exception, ReadOnly):
            messages.error(request, exception.message)
            return redirect(exception.to)
        # Hidden and Refused are Http404 and PermissionDenied: Django answers
        # them with its 404 and 403 pages.
        return None


# Fetching a community ---------------------------------------------------------


@dataclass(frozen=True)
class Need:
    """What a page needs of a community, and how it is refused."""

    allows: Callable | None = None  # (user, community, membership) -> bool
    login_first: bool = False  # anonymous: log in before anything is looked up
    live: bool = False  # an archived community is read-only


NEEDS = {
    # The presentation page: hidden communities are a 404.
    "view": Need(),
    # Its content (charter, objectives...): members of a private one, and staff.
    "content": Need(permissions.can_view_content),
    # The member directory.
    "members": Need(permissions.can_view_members),
    # Facilitators' pages that only read (requests, pending invitations).
    "manage": Need(permissions.can_manage, login_first=True),
    # The full export.
    "export": Need(permissions.can_export, login_first=True),
    # Facilitators' changes: a live community only.
    "steer": Need(permissions.can_manage, login_first=True, live=True),
    # Anyone's change of a live community (join, leave, answer an invitation).
    "write": Need(live=True),
}


def community_for(request, slug, need="view", *, queryset=None):
    """The community at ``slug`` and the viewer's membership, when the viewer
    has ``need`` (a key of ``NEEDS``, or a predicate taking the user, the
    community and the membership); otherwise a refusal is raised.

    Whatever the need, a community the viewer may not see is ``Hidden``.
    """
    rule = NEEDS[need] if isinstance(need, str) else Need(need)
    if rule.login_first and not request.user.is_authenticated:
        raise LoginNeeded
    if queryset is None:
        queryset = Community.objects.all()
    try:
        community = queryset.get(slug=slug)
    except Community.DoesNotExist:
        raise Hidden from None
    membership = permissions.membership_of(request.user, community)
    if not permissions.can_view_community(request.user, community, membership):
        raise Hidden
    if rule.allows is not None and not rule.allows(request.user, community, membership):
        raise refuse(request)
    if rule.live and community.is_archived:
        raise archived(community)
    return community, membership
