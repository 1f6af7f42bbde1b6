"""The parts of a community: its navigation, what its card on the home page
shows of life, and what each part adds to the community's presentation page
(its status line, a summary at the top, links of the "Facilitation" card).

``communities`` cannot name the apps above it, so each app that adds a part to
a community (the exchanges today; the library, meetings and evaluation later)
registers a ``Section`` from its ``AppConfig.ready()`` (the method: charter,
objectives, lifecycle, setup path, dashboard); ``communities`` registers its own
the same way. Pages draw the navigation with the ``community_nav`` tag
(``templatetags/community_tags.py``).

A section's ``is_visible`` predicate takes ``(user, community, membership)``,
which every community page has already loaded: it must not query.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Case, Exists, OuterRef, QuerySet, When
from django.urls import reverse
from django.utils.safestring import SafeString

from .models import Community


@dataclass(frozen=True)
class Highlight:
    """One line of "what is alive" on a community's card: a short text, and
    optionally where it leads and when it happened."""

    icon: str
    text: str
    url: str = ""
    when: datetime | None = None


@dataclass(frozen=True)
class Tool:
    """A link of the "Facilitation" card of a community's presentation page:
    where it leads, in which place (``order``, across every part), a number to
    show beside it (pending requests) and whether it downloads a file."""

    label: str
    url: str
    order: int
    count: int = 0
    download: bool = False


@dataclass(frozen=True)
class Section:
    """A part of a community, shown as a tab of its navigation.

    ``url_name`` takes the community's slug. ``icon`` is a heroicons name.
    ``annotate_listing(queryset, viewer)`` may add columns to the home page's
    query of communities (subqueries, so the page keeps its query count). The
    queryset carries ``content_readable``, the gate of content computed once per
    community (``Community.objects.content_visible_to(viewer)``): every column
    about a community's content is wrapped in ``if_readable(...)``, so that a
    community whose content the viewer may not read shows nothing (and its
    subqueries are not even run). ``highlights(community)``
    turns those columns into lines of the community's card.

    On the community's presentation page, ``annotate_page(queryset)`` may add
    columns to the query of the community (its status line reads them);
    ``summary(user, community, membership)`` may give HTML shown at the top (it
    may query, only when it has something to show; user text escaped); and
    ``tools(user, community, membership)`` the links it adds to the
    "Facilitation" card, each checked against the part's own permissions.
    """

    key: str
    label: str
    url_name: str
    order: int
    is_visible: Callable[..., bool]
    icon: str = ""
    annotate_listing: Callable[[QuerySet, object], QuerySet] | None = None
    highlights: Callable[[object], list[Highlight]] | None = None
    annotate_page: Callable[[QuerySet], QuerySet] | None = None
    summary: Callable[..., SafeString] | None = None
    tools: Callable[..., list[Tool]] | None = None


@dataclass(frozen=True)
class Tab:
    """A section as the viewer sees it on one page."""

    key: str
    label: str
    url: str
    icon: str
    is_current: bool


_sections: dict[str, Section] = {}


def register(section: Section) -> None:
    """Add ``section`` (or replace the one with the same key)."""
    _sections[section.key] = section


def registered() -> list[Section]:
    """Every section, in navigation order."""
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def tabs_for(user, community, membership, current: str = "") -> list[Tab]:
    """The sections ``user`` may open in ``community``, ``current`` marked."""
    return [
        Tab(
            key=section.key,
            label=section.label,
            url=reverse(section.url_name, args=[community.slug]),
            icon=section.icon,
            is_current=section.key == current,
        )
        for section in registered()
        if section.is_visible(user, community, membership)
    ]


def readable_by(viewer) -> Exists:
    """Whether ``viewer`` may read the content of each community of a query:
    the listing's ``content_readable`` column."""
    readable = Community.objects.content_visible_to(viewer).filter(pk=OuterRef("pk"))
    return Exists(readable)


def if_readable(expression, default=None):
    """``expression`` where the listing's ``content_readable`` is true, else
    ``default``: a content column of the home page's cards, behind the gate."""
    return Case(When(content_readable=True, then=expression), default=default)


def annotate_listing(queryset: QuerySet, viewer) -> QuerySet:
    """The home page's communities with ``content_readable`` and every
    section's card columns (see ``Section.annotate_listing``)."""
    queryset = queryset.annotate(content_readable=readable_by(viewer))
    for section in registered():
        if section.annotate_listing is not None:
            queryset = section.annotate_listing(queryset, viewer)
    return queryset


def highlights_of(community) -> list[Highlight]:
    """The lines of ``community``'s card, section by section (no query)."""
    lines = []
    for section in registered():
        if section.highlights is not None:
            lines += section.highlights(community)
    return lines


def annotate_page(queryset: QuerySet) -> QuerySet:
    """The presentation page's community query with every section's columns."""
    for section in registered():
        if section.annotate_page is not None:
            queryset = section.annotate_page(queryset)
    return queryset


def summaries_for(user, community, membership) -> list[SafeString]:
    """What the sections show at the top of the presentation page, in order."""
    summaries = []
    for section in registered():
        if section.summary is not None:
            html = section.summary(user, community, membership)
            if html:
                summaries.append(html)
    return summaries


def tools_for(user, community, membership) -> list[Tool]:
    """The links of the "Facilitation" card that ``user`` may follow, in order."""
    tools = []
    for section in registered():
        if section.tools is not None:
            tools += section.tools(user, community, membership)
    return sorted(tools, key=lambda tool: tool.order)
