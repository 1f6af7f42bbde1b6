"""The personal data that the exchanges hold about a person (Law 25).

Contributions belong to the community's shared repertoire: on deletion they
stay, signed "Former member". What concerns only the person (follows, reading
marks) goes, and mentions of the person lose their name.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from .mentions import forget_person
from .models import (
    SECTION_FIELDS,
    CommunityFollow,
    Flag,
    Reaction,
    Reply,
    ReplyRevision,
    Thread,
    ThreadFollow,
    ThreadVisit,
)


def _when(value):
    return value.isoformat() if value is not None else None


def export_personal_data(user) -> dict:
    threads = Thread.objects.filter(author=user).select_related("community")
    replies = Reply.objects.filter(author=user).select_related("thread__community")
    return {
        "threads_written": [
            {
                "community": t.community.name,
                "kind": t.kind,
                "title": t.title,
                "sections": t.sections_by_name(),
                "created_at": _when(t.created_at),
            }
            for t in threads.order_by("created_at", "pk")
        ],
        "replies_written": [
            {
                "community": r.thread.community.name,
                "thread": r.thread.title,
                "body": r.body,
                "created_at": _when(r.created_at),
                "deleted_at": _when(r.deleted_at),
            }
            for r in replies.order_by("created_at", "pk")
        ],
        "reactions_given": [
            {"kind": kind, "thread": thread_id, "reply": reply_id}
            for kind, thread_id, reply_id in Reaction.objects.filter(
                user=user
            ).values_list("kind", "thread_id", "reply_id")
        ],
        "threads_followed": list(
            ThreadFollow.objects.filter(user=user).values_list(
                "thread__title", flat=True
            )
        ),
        "communities_followed": list(
            CommunityFollow.objects.filter(user=user).values_list(
                "community__name", flat=True
            )
        ),
        "flags_sent": [
            {
                "reason": f.reason,
                "details": f.details,
                "created_at": _when(f.created_at),
            }
            for f in Flag.objects.filter(reporter=user)
        ],
    }


def deletion_blockers(user) -> list[str]:
    return []


def anonymise_personal_data(user) -> None:
    """Keep contributions; drop follows and reading marks; unname mentions."""
    ThreadFollow.objects.filter(user=user).delete()
    CommunityFollow.objects.filter(user=user).delete()
    ThreadVisit.objects.filter(user=user).delete()
    marker = f"]({user.pk})"
    # Stored text, so written in the site's language, as contributions are.
    with translation.override(settings.LANGUAGE_CODE):
        label = _("Former member")
    for reply in Reply.objects.filter(body__contains=marker):
        reply.body = forget_person(reply.body, user.pk, label)
        reply.save(update_fields=["body"])
    for revision in ReplyRevision.objects.filter(body__contains=marker):
        revision.body = forget_person(revision.body, user.pk, label)
        revision.save(update_fields=["body"])
    where = Q()
    for name in SECTION_FIELDS:
        where |= Q(**{f"{name}__contains": marker})
    for thread in Thread.objects.filter(where):
        for name in SECTION_FIELDS:
            setattr(thread, name, forget_person(getattr(thread, name), user.pk, label))
        thread.save(update_fields=list(SECTION_FIELDS))
