"""Reading the exchanges: a community's activity, its threads, a thread's page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from maillage.communities.access import Hidden
from maillage.core.htmx import HtmxHttpRequest

from .. import permissions, selectors, services
from ..access import community_for, reply_for, thread_for
from ..forms import (
    ReplyForm,
    ThreadFilterForm,
)
from ..models import (
    KIND_ICONS,
    KIND_SLUGS,
    Thread,
    plain_mentions,
)
from .common import ACTIVITY_PER_PAGE, THREADS_PER_PAGE

# Reading ----------------------------------------------------------------------


def _kinds(counts=None):
    """The five kinds with their path segment, name and (optionally) count."""
    return [
        {
            "slug": slug,
            "value": value,
            "label": Thread.Kind(value).label,
            "icon": KIND_ICONS[value],
            "count": counts.get(value, 0) if counts else None,
        }
        for slug, value in KIND_SLUGS.items()
    ]


@require_GET
def activity(request, slug):
    community, membership = community_for(request, slug)
    # A cursor that is not one (edited by hand) shows the latest activity.
    before = selectors.FeedCursor.parse(request.GET.get("avant"))
    feed = selectors.activity_feed(
        community=community,
        viewer=request.user,
        membership=membership,
        before=before,
        size=ACTIVITY_PER_PAGE,
    )
    counts = selectors.thread_counts(
        community=community, viewer=request.user, membership=membership
    )
    context = {
        "community": community,
        "membership": membership,
        "older": feed.older,
        "is_latest": before is None,
        "items": selectors.activity_items(feed.rows),
        "counts": counts,
        "kinds": _kinds(counts),
        "pinned": selectors.pinned_threads(
            community=community, viewer=request.user, membership=membership
        ),
        "following": selectors.follows_community(request.user, community),
        "can_post": permissions.can_post(request.user, community, membership),
        "can_moderate": permissions.can_moderate(request.user, community, membership),
    }
    return render(request, "conversations/activity.html", context)


@require_GET
def thread_list(request: HtmxHttpRequest, slug):
    community, membership = community_for(request, slug)
    tags = selectors.community_tags(community)
    filters = ThreadFilterForm(request.GET or None, tags=tags)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    threads = selectors.thread_list(
        community=community,
        viewer=request.user,
        membership=membership,
        kind=criteria.get("type", ""),
        tag=criteria.get("tag"),
        state=criteria.get("etat", ""),
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "community": community,
        "membership": membership,
        "filters": filters,
        "page": page,
        "can_post": permissions.can_post(request.user, community, membership),
        "kinds": _kinds(),
    }
    template = "conversations/thread_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


def thread_context(request, thread, membership, *, reply_form=None):
    page = selectors.thread_page(
        thread=thread, viewer=request.user, membership=membership
    )
    if reply_form is None and page.rights["can_reply"]:
        reply_form = ReplyForm(initial=_quote(request, page.replies))
    return {
        "community": thread.community,
        "membership": membership,
        "thread": thread,
        "page": page,
        "thread_bar": page.thread_bar,
        "reply_form": reply_form,
        "quoted_reply": _quoted(reply_form, page.replies),
        **page.rights,
    }


def _quote(request, replies) -> dict:
    """The reply form's first text when the reader clicked "Quote" (?citer=<id>)."""
    wanted = request.GET.get("citer", "")
    quoted = next((r for r in replies if str(r.pk) == wanted and r.is_published), None)
    if quoted is None:
        return {}
    lines = plain_mentions(quoted.body).splitlines()
    text = "\n".join(f"> {line}" if line else ">" for line in lines)
    return {"body": f"{text}\n\n", "quoted": quoted.pk}


def _quoted(form, replies):
    if form is None:
        return None
    value = form["quoted"].value()
    return next((r for r in replies if str(r.pk) == str(value or "")), None)


@require_GET
def thread_detail(request, pk):
    thread, membership = thread_for(request, pk)
    return render(
        request,
        "conversations/thread_detail.html",
        thread_context(request, thread, membership),
    )


@require_GET
def reply_permalink(request, pk):
    """A reply's own address: the thread's page at the reply's anchor."""
    reply, _thread, _membership = reply_for(request, pk)
    return redirect(reply.get_absolute_url())


@login_required
@require_POST
def thread_visit(request, pk):
    """Record that the reader saw the thread (sent by the page once loaded)."""
    thread = Thread.objects.select_related("community").filter(pk=pk).first()
    if thread is None:
        raise Hidden
    try:
        services.record_visit(user=request.user, thread=thread)
    except PermissionDenied:
        raise Hidden from None
    return HttpResponse(status=204)
