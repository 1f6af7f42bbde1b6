"""Writing: threads and replies, and the mention helpers used while typing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from maillage.communities.access import Hidden
from maillage.core.htmx import HtmxHttpRequest
from maillage.core.http import report

from .. import permissions, selectors, services
from ..access import community_for, reply_for, thread_for
from ..forms import (
    DeleteReplyForm,
    ReplyEditForm,
    ReplyForm,
    ThreadForm,
)
from ..models import (
    KIND_SECTIONS,
    KIND_SLUGS,
    Reply,
    Thread,
)
from .common import warn_about_mentions
from .reading import thread_context

# Writing ----------------------------------------------------------------------


def _kind_from(kind_slug) -> str:
    kind = KIND_SLUGS.get(kind_slug)
    if kind is None:
        raise Hidden
    return kind


@login_required
@require_http_methods(["GET", "POST"])
def thread_create(request, slug, kind_slug):
    kind = _kind_from(kind_slug)
    community, membership = community_for(request, slug, need="post")
    form = ThreadForm(
        request.POST if request.method == "POST" else None,
        kind=kind,
        community=community,
    )
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.create_thread(
                author=request.user,
                community=community,
                kind=kind,
                title=form.cleaned_data["title"],
                sections=form.sections(),
                tags=form.cleaned_data["tags"],
                new_tags=form.cleaned_data["new_tags"],
                related=form.cleaned_data["related"],
                submission=form.cleaned_data["submission"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your thread is published."))
            warn_about_mentions(request, community, form.sections().values())
            return redirect(thread)
    return render(
        request,
        "conversations/thread_form.html",
        {
            "community": community,
            "membership": membership,
            "form": form,
            "kind": kind,
            "kind_label": Thread.Kind(kind).label,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_update(request, pk):
    thread, membership = thread_for(request, pk, need="edit")
    initial = {
        "title": thread.title,
        "tags": [t for t in thread.tags.all() if t.is_shared],
        "new_tags": ", ".join(t.name for t in thread.tags.all() if not t.is_shared),
        "related": list(thread.related.all()),
    }
    # The text boxes show "@Name" as people type it, not the stored form.
    names = [name for name, _l in KIND_SECTIONS[thread.kind]]
    texts = selectors.readable_mentions(
        community=thread.community, texts=[getattr(thread, n) for n in names]
    )
    initial.update(zip(names, texts, strict=True))
    form = ThreadForm(
        request.POST if request.method == "POST" else None,
        kind=thread.kind,
        community=thread.community,
        thread=thread,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_thread(
                actor=request.user,
                thread=thread,
                title=form.cleaned_data["title"],
                sections=form.sections(),
                tags=form.cleaned_data["tags"],
                new_tags=form.cleaned_data["new_tags"],
                related=form.cleaned_data["related"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes are saved."))
            warn_about_mentions(request, thread.community, form.sections().values())
            return redirect(thread)
    return render(
        request,
        "conversations/thread_form.html",
        {
            "community": thread.community,
            "membership": membership,
            "form": form,
            "thread": thread,
            "kind": thread.kind,
            "kind_label": thread.get_kind_display(),
        },
    )


@login_required
@require_POST
def reply_create(request: HtmxHttpRequest, pk):
    thread, membership = thread_for(request, pk, need="reply")
    form = ReplyForm(request.POST)
    reply = None
    if form.is_valid():
        quoted = None
        if form.cleaned_data["quoted"]:
            quoted = Reply.objects.filter(
                pk=form.cleaned_data["quoted"], thread=thread
            ).first()
        try:
            reply = services.create_reply(
                author=request.user,
                thread=thread,
                body=form.cleaned_data["body"],
                quoted=quoted,
                submission=form.cleaned_data["submission"],
            )
        except ValidationError as error:
            form.add_error(None, error)
    if reply is None:
        if request.htmx:
            response = render(
                request,
                "conversations/thread_detail.html#reply_form",
                {
                    "thread": thread,
                    "reply_form": form,
                    "can_reply": True,
                    "quoted_reply": None,
                },
            )
            return reswap(retarget(response, "#reply-form"), "outerHTML")
        context = thread_context(request, thread, membership, reply_form=form)
        return render(request, "conversations/thread_detail.html", context)
    if request.htmx:
        reply.author = request.user
        reply.author_is_guest_expert = bool(membership and membership.is_guest_expert)
        selectors.decorate_replies(thread, [reply], request.user, membership, {})
        reply.reaction_bar = selectors.reaction_bar(
            request.user, thread=thread, reply=reply
        )
        response = render(
            request,
            "conversations/thread_detail.html#reply_added",
            {
                "thread": thread,
                "reply": reply,
                "reply_form": ReplyForm(),
                "can_reply": True,
                "can_mark_solution": permissions.can_mark_solution(
                    request.user, thread, membership
                ),
                "can_moderate": False,
                "moderation_controls": False,
                "can_post": True,
                "quoted_reply": None,
                # The heading counts every reply the page draws, as on a reload.
                "reply_total": Reply.objects.filter(thread=thread).count(),
            },
        )
        # Sent twice (a double click): the page already shows the reply; only
        # the form and the status are swapped in again.
        if getattr(reply, "repeated_submission", False):
            response = reswap(response, "none")
        return response
    messages.success(request, _("Your reply is published."))
    warn_about_mentions(request, thread.community, [reply.body])
    return redirect(reply.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def reply_update(request, pk):
    reply, thread, membership = reply_for(request, pk, need="edit")
    (readable,) = selectors.readable_mentions(
        community=thread.community, texts=[reply.body]
    )
    form = ReplyEditForm(
        request.POST if request.method == "POST" else None,
        initial={"body": readable},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_reply(
                actor=request.user, reply=reply, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your reply is updated."))
            warn_about_mentions(request, thread.community, [reply.body])
            return redirect(reply.get_absolute_url())
    return render(
        request,
        "conversations/reply_form.html",
        {
            "community": thread.community,
            "membership": membership,
            "thread": thread,
            "reply": reply,
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reply_delete(request, pk):
    reply, thread, membership = reply_for(request, pk, need="delete")
    form = DeleteReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_reply(
                actor=request.user, reply=reply, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The reply is deleted."))
        return redirect(reply.get_absolute_url())
    return render(
        request,
        "conversations/reply_delete.html",
        {
            "community": thread.community,
            "membership": membership,
            "thread": thread,
            "reply": reply,
            "form": form,
            "by_moderator": reply.author_id != request.user.pk,
        },
    )


@login_required
@require_GET
def reply_history(request, pk):
    reply, thread, membership = reply_for(request, pk, need="history")
    return render(
        request,
        "conversations/reply_history.html",
        {
            "community": thread.community,
            "membership": membership,
            "thread": thread,
            "reply": reply,
            "revisions": selectors.reply_history(reply),
        },
    )


# Mentions ---------------------------------------------------------------------


@login_required
@require_GET
def mention_suggestions(request, slug):
    """Members matching what follows "@" while typing: an htmx fragment."""
    community, _membership = community_for(request, slug, need="post")
    query = request.GET.get("q", "")[:60]
    people = selectors.mention_candidates(
        community=community, query=query, viewer=request.user
    )
    return render(
        request,
        "conversations/mention_suggestions.html",
        {"people": people, "query": query},
    )


# What the mention check reads: at most this many "@names", each this long.
MENTIONS_CHECKED = 20
MENTION_LENGTH = 120


@login_required
@require_GET
def mention_check(request, slug):
    """Which "@names" typed so far will stay text (``m``: each "@" and what
    follows it): an htmx fragment, read aloud politely while typing."""
    community, _membership = community_for(request, slug, need="post")
    typed = [m[:MENTION_LENGTH] for m in request.GET.getlist("m")[:MENTIONS_CHECKED]]
    problems = selectors.mention_problems(
        community=community, texts=[m for m in typed if m.startswith("@")]
    )
    return render(
        request, "conversations/mention_warnings.html", {"problems": problems}
    )
