"""Markup drawn many times on a page, written in Python for speed.

A thread's page draws a reaction bar under every reply; as a template it was a
third of the page's time with a hundred replies.
"""

from functools import lru_cache

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from maillage.core.templatetags.maillage import icon

register = template.Library()


# One reaction's form; every value is escaped before it goes in.
_REACTION_FORM = (
    '<form method="post" action="{url}" hx-post="{url}" hx-target="#{bar}" '
    'hx-swap="outerHTML" hx-sync="this:drop" class="inline-form">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
    '<input type="hidden" name="kind" value="{kind}">'
    '<button type="submit" id="{bar}-{kind}" class="reaction" aria-pressed="{pressed}">'
    '{label} <span class="reaction-count">{count}</span></button></form>'
)
_REACTION_GIVEN = (
    '<span class="reaction">{label} <span class="reaction-count">{count}</span></span>'
)


@lru_cache(maxsize=256)
def _escaped(text: str) -> str:
    """The few words repeated on every bar (kinds, labels), escaped once."""
    return str(escape(text))


@register.simple_tag(takes_context=True)
def reaction_bar(context, bar, bar_id, react_url="", can_react=False):
    """The reactions of an item: a form per reaction (htmx swaps the whole bar;
    without JavaScript the form posts and the page comes back), or only the
    reactions given when the viewer may not react."""
    bar_id = escape(bar_id)
    if can_react:
        url, token = escape(react_url), escape(context.get("csrf_token", ""))
        parts = (
            _REACTION_FORM.format(
                url=url,
                bar=bar_id,
                token=token,
                kind=_escaped(button.kind),
                pressed="true" if button.pressed else "false",
                label=_escaped(str(button.label)),
                count=int(button.count),
            )
            for button in bar
        )
    else:
        parts = (
            _REACTION_GIVEN.format(
                label=_escaped(str(button.label)), count=int(button.count)
            )
            for button in bar
            if button.count
        )
    html = f'<div class="reactions" id="{bar_id}">{"".join(parts)}</div>'
    return mark_safe(html)  # noqa: S308 - every value above is escaped


@register.simple_tag
def thread_badges(thread):
    """The badges of a thread (kind, pinned, solved or unsolved, locked,
    hidden), as ``conversations/_thread_badges.html`` drew them: on every row
    of the thread list (tests compare the two)."""
    badges = [
        format_html(
            '<span class="badge kind kind-{}">{}{}</span>',
            thread.kind,
            icon(thread.kind_icon, small=True),
            thread.kind_label,
        )
    ]
    if thread.is_pinned:
        badges.append(_badge("", "bookmark", _("Pinned")))
    if thread.is_challenge:
        if thread.solution_id:
            badges.append(_badge(" badge-brand", "check-circle", _("Solved")))
        else:
            badges.append(_badge(" badge-accent", "", _("Unsolved")))
    if thread.is_locked:
        badges.append(_badge("", "lock-closed", _("Locked")))
    if thread.is_hidden:
        badges.append(_badge(" badge-danger", "eye-slash", _("Hidden")))
    return mark_safe("\n".join(badges))  # noqa: S308 - each badge is escaped


def _badge(variant: str, name: str, label: str) -> str:
    return format_html(
        '<span class="badge{}">{}{}</span>',
        variant,
        icon(name, small=True),
        label,
    )


@register.simple_tag
def byline(person, guest_expert=False):
    """Who wrote something: the name and organisation, or "Former member"; the
    mark of a guest expert when ``guest_expert`` (``author_is_guest_expert``,
    annotated by ``with_author_marks``)."""
    if person is None:
        return format_html('<span class="byline">{}</span>', _("Former member"))
    mark = ""
    if guest_expert and not person.is_deleted:
        mark = format_html(
            ' <span class="badge badge-brand">{}</span>', _("Guest expert")
        )
    if person.organisation_id and not person.is_deleted:
        return format_html(
            '<span class="byline">{}<span class="muted"> · {}</span>{}</span>',
            person.public_name,
            person.organisation.name,
            mark,
        )
    return format_html('<span class="byline">{}{}</span>', person.public_name, mark)
