"""People: mention suggestions and checks, and "who can help me?"."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.accounts.models import User
from maillage.communities import permissions as community_permissions
from maillage.communities.models import Community, Membership
from maillage.core.text import fold

from .. import mentions
from ..mentions import MentionProblem
from ..models import (
    Thread,
)

# Mentions ---------------------------------------------------------------------


def _active_members(community):
    return User.objects.active().filter(
        memberships__community=community,
        memberships__state=Membership.State.ACTIVE,
    )


def mention_candidates(*, community, query: str, viewer, limit: int = 8):
    """Active members whose name starts or contains ``query`` (accents ignored).

    Each has ``has_namesake``: another active member carries the same name, so
    that choosing the person inserts the stored form rather than the name.
    """
    folded = fold(query)
    if not folded:
        return []
    namesakes = (
        _active_members(community)
        .filter(display_name__iexact=OuterRef("display_name"))
        .exclude(pk=OuterRef("pk"))
    )
    return list(
        _active_members(community)
        .filter(search_text__contains=folded)
        .exclude(pk=viewer.pk)
        .exclude(display_name="")
        .annotate(has_namesake=Exists(namesakes))
        .select_related("organisation")
        .order_by("display_name", "pk")[:limit]
    )


def readable_mentions(*, community, texts) -> list[str]:
    """``texts`` with stored mentions written "@Name" where that stays exact."""
    return mentions.readable_mentions(list(texts), community)


def mention_problems(*, community, texts) -> list[MentionProblem]:
    """The "@names" of ``texts`` that stay text: nobody or several carry them."""
    return mentions.mention_problems(texts, community)


# "Who can help me?" -----------------------------------------------------------


@dataclass
class HelperSuggestion:
    person: User
    reasons: list[str]
    in_community: bool
    score: int = 0
    is_guest_expert: bool = False


def _segments_match(expertise_slug: str, tag_slug: str) -> bool:
    """ "menus" matches "menus-de-cpe" but "menu" does not match "menus"."""
    return f"-{tag_slug}-" in f"-{expertise_slug}-"


def helpers_for(*, thread: Thread, viewer, limit: int = 10) -> list[HelperSuggestion]:
    """People who could help with a challenge, each with why they are suggested.

    Members of the thread's community come first, its guest experts (whose end
    date has not passed) first among them, whatever the tags. Others are
    suggested only when the thread is in a public community (so they can read
    it) and only if they consented to the directory. Past contributions are
    counted only in communities whose content ``viewer`` may read, so that a
    reason never tells of a private community's content.
    """
    tags = {t.slug: t for t in thread.tags.all()}
    community = thread.community
    exclude = {viewer.pk, thread.author_id}
    scores: dict[int, int] = defaultdict(int)
    reasons: dict[int, list[str]] = defaultdict(list)
    if tags:
        _score_by_tags(tags, viewer, scores, reasons)

    candidates = set(scores) - exclude - {None}
    # One query: the candidates who are members, and the community's guest experts.
    rows = Membership.objects.active().filter(
        community=community, user_id__in=candidates
    ) | Membership.objects.guest_experts().filter(community=community)
    members, experts = set(), set()
    # community and state too: Membership.from_db reads them (member counts).
    fields = ("user_id", "role", "guest_expert_until", "community_id", "state")
    for membership in rows.only(*fields):
        if membership.user_id in exclude:
            continue
        members.add(membership.user_id)
        if membership.is_guest_expert:
            experts.add(membership.user_id)
            reasons[membership.user_id].insert(0, _("guest expert of the community"))
    if not members and not candidates:
        return []
    outside = set()
    if community_permissions.content_is_public(community) and candidates - members:
        outside = set(
            User.objects.in_directory()
            .filter(pk__in=candidates - members)
            .values_list("pk", flat=True)
        )
    people = (
        User.objects.active().select_related("organisation").in_bulk(members | outside)
    )
    suggestions = [
        HelperSuggestion(
            person=person,
            reasons=reasons[pk],
            in_community=pk in members,
            score=scores[pk],
            is_guest_expert=pk in experts,
        )
        for pk, person in people.items()
    ]
    suggestions.sort(
        key=lambda s: (
            not s.in_community,
            not s.is_guest_expert,
            -s.score,
            fold(str(s.person.public_name)),
        )
    )
    inside = [s for s in suggestions if s.in_community][:limit]
    elsewhere = [s for s in suggestions if not s.in_community][:limit]
    return inside + elsewhere


def _score_by_tags(tags: dict, viewer, scores: dict, reasons: dict) -> None:
    """Score people by declared expertise and past contributions on ``tags``."""
    expertise_filter = Q()
    for slug in tags:
        expertise_filter |= Q(expertisetag__slug__contains=slug)
    declared = defaultdict(list)
    for user_id, slug, name in User.expertise.through.objects.filter(
        expertise_filter
    ).values_list("user_id", "expertisetag__slug", "expertisetag__name"):
        if any(_segments_match(slug, tag) for tag in tags):
            declared[user_id].append(name)
    for user_id, names in declared.items():
        scores[user_id] += 2 * len(names)
        reasons[user_id].append(
            _("expertise: %(names)s") % {"names": ", ".join(sorted(names))}
        )

    readable = Community.objects.content_visible_to(viewer).values("pk")
    solved = (
        Thread.objects.solved()
        .published()
        .filter(community__in=readable, tags__slug__in=tags)
        .order_by()
        .values_list("solution__author_id", "tags__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    for user_id, slug, n in solved:
        scores[user_id] += 3 * n
        reasons[user_id].append(
            ngettext(
                "gave %(count)d solution on “%(tag)s”",
                "gave %(count)d solutions on “%(tag)s”",
                n,
            )
            % {"count": n, "tag": tags[slug].name}
        )
    told = (
        Thread.objects.published()
        .filter(
            community__in=readable,
            kind__in=[Thread.Kind.SUCCESS, Thread.Kind.TIP],
            tags__slug__in=tags,
        )
        .order_by()
        .values_list("author_id", "kind", "tags__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    for user_id, kind, slug, n in told:
        scores[user_id] += (2 if kind == Thread.Kind.SUCCESS else 1) * n
        if kind == Thread.Kind.SUCCESS:
            text = ngettext(
                "told %(count)d success on “%(tag)s”",
                "told %(count)d successes on “%(tag)s”",
                n,
            )
        else:
            text = ngettext(
                "shared %(count)d tip on “%(tag)s”",
                "shared %(count)d tips on “%(tag)s”",
                n,
            )
        reasons[user_id].append(text % {"count": n, "tag": tags[slug].name})
