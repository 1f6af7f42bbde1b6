"""Fetching a community for a page, and refusing who may not know it exists.

Used by the pages of ``communities`` and of the apps above it (the method), so
that every community page answers a hidden community the same way.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from . import permissions
from .models import Community


def community_for(request, slug, queryset=None):
    """The community and the viewer's membership; 404 when it must stay hidden."""
    if queryset is None:
        queryset = Community.objects.all()
    community = get_object_or_404(queryset, slug=slug)
    membership = permissions.membership_of(request.user, community)
    if not permissions.can_view_community(request.user, community, membership):
        raise Http404
    return community, membership
