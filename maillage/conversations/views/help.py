""" "Who can help me?": choosing people to ask for help on a challenge."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from maillage.accounts.models import User

from .. import selectors, services
from ..access import thread_for
from ..forms import (
    HelpRequestForm,
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
