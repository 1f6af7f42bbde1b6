"""The exchanges as a part of each community (see ``communities/sections.py``):
the "Exchanges" tab, and the latest exchange and unsolved challenges on the
community's card of the home page. Registered from ``ConversationsConfig.ready()``.
"""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from maillage.communities.sections import Highlight, Section, register

from . import permissions
from .models import KIND_ICONS, Thread

EXCHANGES = 20


def annotate_latest_exchange(queryset, viewer):
    """Each community's most recently active thread and its number of unsolved
    challenges, read through ``Thread.objects.visible_to(viewer)`` (the one
    gate): NULL and 0 where the viewer may not read the exchanges."""
    readable = (
        Thread.objects.visible_to(viewer).published().filter(community=OuterRef("pk"))
    )
    latest = readable.order_by("-last_activity_at", "-pk")
    unsolved = (
        readable.filter(Q(kind=Thread.Kind.CHALLENGE, solution__isnull=True))
        .order_by()
        .values("community")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        latest_thread_pk=Subquery(latest.values("pk")[:1]),
        latest_thread_title=Subquery(latest.values("title")[:1]),
        latest_thread_kind=Subquery(latest.values("kind")[:1]),
        latest_thread_at=Subquery(latest.values("last_activity_at")[:1]),
        unsolved_challenge_count=Coalesce(Subquery(unsolved), 0),
    )


def latest_exchange(community) -> list[Highlight]:
    lines = []
    pk = getattr(community, "latest_thread_pk", None)
    if pk is not None:
        lines.append(
            Highlight(
                icon=KIND_ICONS.get(community.latest_thread_kind, "chat-bubble-left"),
                text=_("Latest exchange: %(title)s")
                % {"title": community.latest_thread_title},
                url=reverse("conversations:thread_detail", args=[pk]),
                when=community.latest_thread_at,
            )
        )
    unsolved = getattr(community, "unsolved_challenge_count", 0)
    if unsolved and not community.is_archived:
        lines.append(
            Highlight(
                icon="question-mark-circle",
                text=ngettext(
                    "%(count)s challenge awaits an answer",
                    "%(count)s challenges await an answer",
                    unsolved,
                )
                % {"count": unsolved},
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
