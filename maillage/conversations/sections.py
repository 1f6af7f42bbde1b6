"""The exchanges as a part of each community (see ``communities/sections.py``):
the "Exchanges" tab, and the latest exchange and unsolved challenges on the
community's card of the home page. Registered from ``ConversationsConfig.ready()``.
"""

import json
from datetime import UTC

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, JSONObject
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from maillage.communities.sections import Highlight, Section, if_readable, register
from maillage.core.expressions import CountOf

from . import permissions
from .models import KIND_ICONS, Thread

EXCHANGES = 20


# The card counts unsolved challenges up to this many, then says "more than":
# a fixed cost per community whatever the number of threads.
UNSOLVED_SHOWN = 99


def annotate_latest_exchange(queryset, viewer):
    """Each community's most recently active published thread (one subquery,
    its columns in a JSON object) and its number of unsolved challenges (counted
    up to ``UNSOLVED_SHOWN`` + 1), behind the listing's gate (``if_readable``):
    NULL and 0 where the viewer may not read the exchanges. Published threads
    of a community whose content the viewer may read are exactly what
    ``Thread.objects.visible_to(viewer).published()`` gives for it."""
    published = Thread.objects.published()
    latest = (
        published.filter(community=OuterRef("pk"))
        .order_by("-last_activity_at", "-pk")
        .values(
            data=JSONObject(pk="pk", title="title", kind="kind", at="last_activity_at")
        )[:1]
    )
    # ``kind`` rather than the id: the thread_community_counts index holds
    # every column this reads.
    unsolved = CountOf(
        published.unsolved()
        .filter(community=OuterRef("pk"))
        .order_by()
        .values("kind")[: UNSOLVED_SHOWN + 1]
    )
    return queryset.annotate(
        latest_exchange=if_readable(Subquery(latest)),
        unsolved_challenge_count=Coalesce(if_readable(unsolved), 0),
    )


def _latest(community) -> dict | None:
    """The latest exchange's columns, with its time as a datetime."""
    data = getattr(community, "latest_exchange", None)
    if not data:
        return None
    if isinstance(data, str):  # a backend that returns the JSON undecoded
        data = json.loads(data)
    at = parse_datetime(data["at"].replace(" ", "T"))
    if at is not None and timezone.is_naive(at):
        at = timezone.make_aware(at, UTC)  # SQLite keeps UTC without an offset
    return {**data, "at": at}


def latest_exchange(community) -> list[Highlight]:
    lines = []
    latest = _latest(community)
    if latest is not None:
        lines.append(
            Highlight(
                icon=KIND_ICONS.get(latest["kind"], "chat-bubble-left"),
                text=_("Latest exchange: %(title)s") % {"title": latest["title"]},
                url=reverse("conversations:thread_detail", args=[latest["pk"]]),
                when=latest["at"],
            )
        )
    unsolved = getattr(community, "unsolved_challenge_count", 0)
    if unsolved and not community.is_archived:
        if unsolved > UNSOLVED_SHOWN:
            text = _("More than %(count)s challenges await an answer") % {
                "count": UNSOLVED_SHOWN
            }
        else:
            text = ngettext(
                "%(count)s challenge awaits an answer",
                "%(count)s challenges await an answer",
                unsolved,
            ) % {"count": unsolved}
        lines.append(
            Highlight(
                icon="question-mark-circle",
                text=text,
                url=reverse("conversations:thread_list", args=[community.slug])
                + "?etat=non-resolu",
            )
        )
    return lines


def register_sections() -> None:
    register(
        Section(
            key="exchanges",
            label=gettext_lazy("Exchanges"),
            url_name="conversations:activity",
            order=EXCHANGES,
            is_visible=permissions.can_read_community,
            icon="chat-bubble-left-right",
            annotate_listing=annotate_latest_exchange,
            highlights=latest_exchange,
        )
    )
