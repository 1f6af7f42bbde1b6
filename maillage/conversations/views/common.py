"""What the exchanges' pages share: the values of their buttons, page sizes, and
the warning about mentions that stayed text."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import selectors

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


def warn_about_mentions(request, community, texts) -> None:
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


def back_to(thread, reply=None):
    return redirect(reply.get_absolute_url() if reply else thread.get_absolute_url())
