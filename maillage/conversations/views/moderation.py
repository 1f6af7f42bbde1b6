"""Flags and moderation: hiding, locking, pinning, the queue and the log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maillage.communities.access import Hidden
from maillage.core.http import posted_choice, report

from .. import selectors, services
from ..access import community_for, reply_for, thread_for
from ..forms import (
    FlagForm,
    ModerationForm,
)
from ..models import (
    Flag,
)
from .common import LOG_PER_PAGE, back_to

# Moderation -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def thread_flag(request, pk):
    thread, membership = thread_for(request, pk, need="post")
    return _flag(request, thread, membership)


@login_required
@require_http_methods(["GET", "POST"])
def reply_flag(request, pk):
    reply, thread, membership = reply_for(request, pk, need="post")
    return _flag(request, thread, membership, reply)


def _flag(request, thread, membership, reply=None):
    form = FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.flag_content(
                reporter=request.user, thread=thread, reply=reply, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Thank you. The facilitators are told and will look at it.")
            )
            return back_to(thread, reply)
    return render(
        request,
        "conversations/flag_form.html",
        {
            "community": thread.community,
            "membership": membership,
            "thread": thread,
            "reply": reply,
            "form": form,
        },
    )


def _moderate(request, do, thread, reply=None):
    form = ModerationForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        do(reason)
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("Done. The act is kept in the moderation log."))
    next_url = request.POST.get("next", "")
    if next_url == "queue":
        return redirect("conversations:moderation_queue", slug=thread.community.slug)
    return back_to(thread, reply)


THREAD_ACTIONS = {
    "hide": (services.set_thread_hidden, "hidden", True, gettext_lazy("hide")),
    "restore": (services.set_thread_hidden, "hidden", False, gettext_lazy("restore")),
    "lock": (services.set_thread_locked, "locked", True, gettext_lazy("lock")),
    "unlock": (services.set_thread_locked, "locked", False, gettext_lazy("unlock")),
    "pin": (services.set_thread_pinned, "pinned", True, gettext_lazy("pin")),
    "unpin": (services.set_thread_pinned, "pinned", False, gettext_lazy("unpin")),
}
REPLY_ACTIONS = {"hide": gettext_lazy("hide"), "restore": gettext_lazy("restore")}


@login_required
@require_POST
def thread_moderate(request, pk):
    thread, _membership = thread_for(request, pk)
    choice = posted_choice(
        request.POST,
        "action",
        {name: label for name, (*_do, label) in THREAD_ACTIONS.items()},
        what=_("the action"),
    )
    service, argument, value, _label = THREAD_ACTIONS[choice]

    def do(reason):
        service(actor=request.user, thread=thread, reason=reason, **{argument: value})

    return _moderate(request, do, thread)


@login_required
@require_POST
def reply_moderate(request, pk):
    reply, thread, _membership = reply_for(request, pk)
    action = posted_choice(request.POST, "action", REPLY_ACTIONS, what=_("the action"))
    hidden = action == "hide"

    def do(reason):
        services.set_reply_hidden(
            actor=request.user, reply=reply, hidden=hidden, reason=reason
        )

    return _moderate(request, do, thread, reply)


@login_required
@require_GET
def moderation_queue(request, slug):
    community, membership = community_for(request, slug, need="moderate")
    return render(
        request,
        "conversations/moderation_queue.html",
        {
            "community": community,
            "membership": membership,
            "flags": selectors.moderation_queue(community),
            "can_act": not community.is_archived,
        },
    )


@login_required
@require_POST
def flag_dismiss(request, pk):
    flag = Flag.objects.select_related("community").filter(pk=pk).first()
    if flag is None:
        raise Hidden
    community_for(request, flag.community.slug, need="moderate")
    form = ModerationForm(request.POST)
    try:
        services.dismiss_flag(
            actor=request.user,
            flag=flag,
            reason=form.cleaned_data["reason"] if form.is_valid() else "",
        )
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("The flag is dismissed."))
    return redirect("conversations:moderation_queue", slug=flag.community.slug)


@login_required
@require_GET
def moderation_log(request, slug):
    community, membership = community_for(request, slug, need="moderate")
    entries = selectors.moderation_log(community)
    page = Paginator(entries, LOG_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "conversations/moderation_log.html",
        {"community": community, "membership": membership, "page": page},
    )
