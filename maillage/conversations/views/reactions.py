"""Reactions, solutions and follows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.core.htmx import HtmxHttpRequest
from maillage.core.http import posted_choice, report

from .. import permissions, selectors, services
from ..access import community_for, reply_for, thread_for
from ..models import (
    Reaction,
)
from .common import FOLLOW_ACTIONS, SOLUTION_ACTIONS, back_to

# Reactions, solutions, follows ------------------------------------------------


def _toggle_reaction(request: HtmxHttpRequest, thread, membership, reply=None):
    kind = posted_choice(
        request.POST, "kind", Reaction.Kind.choices, what=_("the reaction")
    )
    try:
        services.toggle_reaction(
            user=request.user,
            kind=kind,
            thread=thread,
            reply=reply,
        )
    except ValidationError as error:
        if request.htmx:
            return HttpResponse(" ".join(error.messages), status=400)
        report(request, error)
        return back_to(thread, reply)
    if not request.htmx:
        return back_to(thread, reply)
    item = reply if reply is not None else thread
    return render(
        request,
        "conversations/thread_detail.html#reaction_bar",
        {
            "bar": selectors.reaction_bar(request.user, thread=thread, reply=reply),
            "bar_id": _bar_id(thread, reply),
            "react_url": _react_url(thread, reply),
            "can_react": permissions.can_react(request.user, item, thread, membership),
        },
    )


def _bar_id(thread, reply):
    return reply.reaction_bar_id if reply else thread.reaction_bar_id


def _react_url(thread, reply):
    if reply is not None:
        return reverse("conversations:reply_react", args=[reply.pk])
    return reverse("conversations:thread_react", args=[thread.pk])


@login_required
@require_POST
def thread_react(request, pk):
    thread, membership = thread_for(request, pk)
    return _toggle_reaction(request, thread, membership)


@login_required
@require_POST
def reply_react(request, pk):
    reply, thread, membership = reply_for(request, pk)
    return _toggle_reaction(request, thread, membership, reply)


@login_required
@require_POST
def reply_solution(request, pk):
    """Mark (action=mark) or unmark (action=unmark) a reply as the solution."""
    reply, thread, _membership = reply_for(request, pk)
    action = posted_choice(
        request.POST, "action", SOLUTION_ACTIONS, what=_("the action")
    )
    try:
        if action == "unmark":
            if thread.solution_id == reply.pk:
                services.unmark_solution(actor=request.user, thread=thread)
                messages.success(request, _("The reply is no longer the solution."))
        else:
            services.mark_solution(actor=request.user, reply=reply)
            messages.success(request, _("The reply is marked as the solution."))
    except ValidationError as error:
        report(request, error)
    return back_to(thread, reply)


@login_required
@require_POST
def thread_follow(request: HtmxHttpRequest, pk):
    thread, _membership = thread_for(request, pk)
    action = posted_choice(request.POST, "action", FOLLOW_ACTIONS, what=_("the action"))
    following = action == "follow"
    try:
        if following:
            services.follow_thread(user=request.user, thread=thread)
        else:
            services.unfollow_thread(user=request.user, thread=thread)
    except ValidationError as error:
        report(request, error)
        return back_to(thread)
    if request.htmx:
        return render(
            request,
            "conversations/thread_detail.html#follow_button",
            {"thread": thread, "following": following, "can_post": True},
        )
    if following:
        messages.success(request, _("You follow this thread: new replies reach you."))
    else:
        messages.success(request, _("You no longer follow this thread."))
    return back_to(thread)


@login_required
@require_POST
def community_follow(request, slug):
    community, _membership = community_for(request, slug)
    action = posted_choice(request.POST, "action", FOLLOW_ACTIONS, what=_("the action"))
    follow = action == "follow"
    try:
        if follow:
            services.follow_community(user=request.user, community=community)
            messages.success(
                request, _("You follow this community: new threads reach you.")
            )
        else:
            services.unfollow_community(user=request.user, community=community)
            messages.success(request, _("You no longer follow this community."))
    except ValidationError as error:
        report(request, error)
    return redirect("conversations:activity", slug=community.slug)
