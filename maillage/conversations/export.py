"""The exchanges' part of a community's full export (issue 3's ZIP).

Listed in ``settings.MAILLAGE_COMMUNITY_EXPORT_MODULES``. In the JSON, deleted
replies keep their place but not their text; hidden content is included and
marked, since the export is for the community's facilitators. The summary to read
(``LISEZMOI.html``) and the CSV table, meant to be handed over, hold only what
members see: published threads, their published replies and accepted solutions,
and no author's name.
"""

from collections import Counter, defaultdict

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.communities.export import ExportTable, ReadmeSection

from .models import Reaction, Reply, Tag, Thread, plain_mentions


def _when(value):
    return value.isoformat() if value is not None else None


def _who(user):
    return str(user.public_name) if user is not None else None


def export_community_data(community) -> dict:
    """Threads (with their sections, tags, links, reactions and replies) and tags."""
    threads = list(
        Thread.objects.filter(community=community)
        .select_related("author")
        .prefetch_related("tags", "related")
        .order_by("created_at", "pk")
    )
    replies = defaultdict(list)
    for reply in (
        Reply.objects.filter(thread__community=community)
        .select_related("author")
        .order_by("created_at", "pk")
    ):
        replies[reply.thread_id].append(reply)
    reactions = defaultdict(Counter)
    for thread_id, reply_id, reply_thread_id, kind in Reaction.objects.filter(
        Q(thread__community=community) | Q(reply__thread__community=community)
    ).values_list("thread_id", "reply_id", "reply__thread_id", "kind"):
        reactions[thread_id or reply_thread_id, reply_id][kind] += 1

    def reaction_counts(thread_id, reply_id=None):
        return dict(sorted(reactions[thread_id, reply_id].items()))

    return {
        "tags": [
            {"name": tag.name, "slug": tag.slug, "shared": tag.is_shared}
            for tag in Tag.objects.filter(threads__community=community).distinct()
        ],
        "threads": [
            {
                "id": thread.pk,
                "kind": thread.kind,
                "title": thread.title,
                "author": _who(thread.author),
                "created_at": _when(thread.created_at),
                "edited_at": _when(thread.edited_at),
                "sections": thread.sections_by_name(),
                "tags": sorted(tag.slug for tag in thread.tags.all()),
                "related_threads": sorted(t.pk for t in thread.related.all()),
                "solution_reply": thread.solution_id,
                "solved_at": _when(thread.solved_at),
                "locked": thread.is_locked,
                "pinned": thread.is_pinned,
                "hidden": thread.is_hidden,
                "reactions": reaction_counts(thread.pk),
                "replies": [
                    {
                        "id": reply.pk,
                        "author": _who(reply.author),
                        "created_at": _when(reply.created_at),
                        "edited_at": _when(reply.edited_at),
                        "quoted_reply": reply.quoted_id,
                        "body": "" if reply.is_deleted else reply.body,
                        "deleted": reply.is_deleted,
                        "hidden": reply.is_hidden,
                        "reactions": reaction_counts(thread.pk, reply.pk),
                    }
                    for reply in replies[thread.pk]
                ],
            }
            for thread in threads
        ],
    }


def _published_threads(community) -> list[Thread]:
    """Published threads, oldest first, with their reply counts, tags and the
    accepted solution."""
    return list(
        Thread.objects.filter(community=community)
        .published()
        .with_reply_counts()
        .select_related("solution")
        .prefetch_related("tags")
        .order_by("created_at", "pk")
    )


def _shown_solution(thread: Thread) -> Reply | None:
    solution = thread.solution
    return solution if solution is not None and solution.is_published else None


def export_readme_sections(community) -> list[ReadmeSection]:
    """The exchanges by kind, each challenge with its accepted solution."""
    threads = _published_threads(community)
    kinds = []
    for value, label in Thread.Kind.choices:
        rows = [t for t in threads if t.kind == value]
        for thread in rows:
            solution = _shown_solution(thread)
            thread.solution_text = plain_mentions(solution.body) if solution else ""
        kinds.append({"value": value, "label": label, "threads": rows})
    html = render_to_string(
        "conversations/export/exchanges.html",
        {"kinds": kinds, "total": len(threads)},
    )
    return [ReadmeSection("echanges", _("Exchanges"), html)]


def export_tables(community) -> list[ExportTable]:
    """One line per published thread: its kind, title, dates and counts."""
    threads = _published_threads(community)
    reactions = dict(
        Reaction.objects.filter(thread__in=threads)
        .values("thread")
        .annotate(n=Count("pk"))
        .values_list("thread", "n")
    )
    return [
        ExportTable(
            "echanges.csv",
            _("Exchanges: one line per thread, with its replies and reactions."),
            [
                _("Kind"),
                _("Title"),
                _("Started on"),
                _("Replies"),
                _("Reactions"),
                _("Solved"),
                _("Tags"),
            ],
            [
                [
                    str(thread.get_kind_display()),
                    thread.title,
                    timezone.localdate(thread.created_at),
                    thread.reply_count,
                    reactions.get(thread.pk, 0),
                    _shown_solution(thread) is not None
                    if thread.is_challenge
                    else None,
                    ", ".join(tag.name for tag in thread.tags.all()),
                ]
                for thread in threads
            ],
        )
    ]
