from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from maillage.accounts.models import User
from maillage.communities.access import Hidden
from maillage.core.htmx import HtmxHttpRequest
from maillage.core.http import posted_choice

from . import permissions, selectors, services
from .access import community_for, reply_for, thread_for
from .forms import (
    DeleteReplyForm,
    FlagForm,
    HelpRequestForm,
    ModerationForm,
    ReplyEditForm,
    ReplyForm,
    ThreadFilterForm,
    ThreadForm,
)
from .models import (
    KIND_ICONS,
    KIND_SECTIONS,
    KIND_SLUGS,
    Flag,
    Reaction,
    Reply,
    Thread,
    plain_mentions,
)

# The values of the "action" buttons, with what they are called on the page.
FOLLOW_ACTIONS = {
    "follow": gettext_lazy("follow"),
    "unfollow": gettext_lazy("stop following"),
}
SOLUTION_ACTIONS = {
    "mark": gettext_lazy("mark as the solution"),
    "unmark": gettext_lazy("no longer the solution"),
}

THREADS_PER_PAGE = 25
ACTIVITY_PER_PAGE = 30
LOG_PER_PAGE = 50


def _report(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


def _warn_about_mentions(request, community, texts) -> None:
    """After a plain post (without script, nobody warned while typing), say
    which "@names" stayed text."""
    if getattr(request, "htmx", False):
        return
    for problem in selectors.mention_problems(community=community, texts=texts):
        if problem.several:
            message = _(
                "Several members are called “%(name)s”: it stayed plain text. "
                "Edit your message and choose the right person from the list."
            )
        else:
            message = _(
                "Nobody in the community is called “%(name)s”: it stayed plain text."
            )
        messages.warning(request, message % {"name": problem.text})


def _back_to(thread, reply=None):
    return redirect(reply.get_absolute_url() if reply else thread.get_absolute_url())


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
        before=before,
        size=ACTIVITY_PER_PAGE,
    )
    counts = selectors.thread_counts(community=community, viewer=request.user)
    context = {
        "community": community,
        "membership": membership,
        "older": feed.older,
        "is_latest": before is None,
        "items": selectors.activity_items(feed.rows),
        "counts": counts,
        "kinds": _kinds(counts),
        "pinned": selectors.pinned_threads(community=community, viewer=request.user),
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


def _thread_context(request, thread, membership, *, reply_form=None):
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
        _thread_context(request, thread, membership),
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
            _warn_about_mentions(request, community, form.sections().values())
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
            _warn_about_mentions(request, thread.community, form.sections().values())
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
        context = _thread_context(request, thread, membership, reply_form=form)
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
    _warn_about_mentions(request, thread.community, [reply.body])
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
            _warn_about_mentions(request, thread.community, [reply.body])
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
            _report(request, error)
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
        _report(request, error)
        return _back_to(thread, reply)
    if not request.htmx:
        return _back_to(thread, reply)
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
        _report(request, error)
    return _back_to(thread, reply)


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
        _report(request, error)
        return _back_to(thread)
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
    return _back_to(thread)


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
        _report(request, error)
    return redirect("conversations:activity", slug=community.slug)


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
            return _back_to(thread, reply)
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
        _report(request, error)
    else:
        messages.success(request, _("Done. The act is kept in the moderation log."))
    next_url = request.POST.get("next", "")
    if next_url == "queue":
        return redirect("conversations:moderation_queue", slug=thread.community.slug)
    return _back_to(thread, reply)


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
        _report(request, error)
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


# "Who can help me?" -----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def thread_helpers(request, pk):
    thread, membership = thread_for(request, pk, need="ask_for_help")
    suggestions = selectors.helpers_for(thread=thread, viewer=request.user)
    form = HelpRequestForm(
        request.POST if request.method == "POST" else None, suggestions=suggestions
    )
    if request.method == "POST" and form.is_valid():
        people = User.objects.filter(pk__in=form.cleaned_data["people"])
        try:
            count = services.ask_for_help(
                actor=request.user, thread=thread, people=list(people)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Your request for help is sent to %(count)d person.",
                    "Your request for help is sent to %(count)d people.",
                    count,
                )
                % {"count": count},
            )
            return redirect(thread)
    return render(
        request,
        "conversations/thread_helpers.html",
        {
            "community": thread.community,
            "membership": membership,
            "thread": thread,
            "suggestions": suggestions,
            "inside": [s for s in suggestions if s.in_community],
            "elsewhere": [s for s in suggestions if not s.in_community],
            "form": form,
            "chosen": {int(v) for v in request.POST.getlist("people") if v.isdigit()},
        },
    )
