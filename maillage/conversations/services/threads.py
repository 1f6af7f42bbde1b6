"""Starting and correcting threads: their sections, title, tags and related threads."""

from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.communities.models import Community
from maillage.core.submissions import submitted_once

from .. import notifying, permissions
from ..mentions import mentioned_ids, resolve_mentions
from ..models import (
    KIND_SECTIONS,
    REQUIRED_SECTIONS,
    SECTION_FIELDS,
    CommunityFollow,
    Tag,
    Thread,
    ThreadFollow,
)
from .common import (
    MAX_RELATED,
    MAX_TAGS,
    MAX_TEXT,
    check_rate_limit,
    ensure_writable,
    notify_people,
    writer_membership,
)

# Threads ----------------------------------------------------------------------


def _clean_sections(kind: str, sections: Mapping[str, str]) -> dict[str, str]:
    """The kind's sections, trimmed; a missing required one is an error on its field."""
    used = {name for name, _label in KIND_SECTIONS[kind]}
    cleaned = dict.fromkeys(SECTION_FIELDS, "")
    errors = {}
    for name in used:
        text = (sections.get(name) or "").strip()
        if len(text) > MAX_TEXT:
            errors[name] = _("This text is too long (at most 20,000 characters).")
        cleaned[name] = text
    for name in REQUIRED_SECTIONS[kind]:
        if not cleaned[name] and name not in errors:
            errors[name] = _("This part is needed.")
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Give your thread a title.")})
    if len(title) > 200:
        raise ValidationError({"title": _("Keep the title under 200 characters.")})
    return title


def tags_for(tags: Iterable[Tag] = (), new_names: Iterable[str] = ()) -> list[Tag]:
    """Chosen tags plus free additions (found by slug, or created)."""
    chosen = {tag.slug: tag for tag in tags}
    for raw in new_names:
        name = " ".join(raw.split())[:40]
        slug = slugify(name)[:50]
        if not slug or slug in chosen:
            continue
        chosen[slug] = Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0]
    if len(chosen) > MAX_TAGS:
        raise ValidationError(
            {"new_tags": _("Choose at most %(count)d tags.") % {"count": MAX_TAGS}}
        )
    return list(chosen.values())


def _clean_related(community, related, *, exclude=None) -> list[Thread]:
    ids = {t.pk if isinstance(t, Thread) else int(t) for t in related}
    if exclude is not None:
        ids.discard(exclude.pk)
    if len(ids) > MAX_RELATED:
        raise ValidationError(
            {"related": _("Link at most %(count)d threads.") % {"count": MAX_RELATED}}
        )
    found = list(Thread.objects.published().filter(community=community, pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError(
            {"related": _("Only threads of the same community can be linked.")}
        )
    return found


def _resolve_section_mentions(cleaned: dict, community) -> set[int]:
    named = set()
    for name, text in cleaned.items():
        if text:
            cleaned[name], people = resolve_mentions(text, community)
            named.update(people)
    return named


def _thread_mentions(thread: Thread) -> set[int]:
    named = set()
    for name in SECTION_FIELDS:
        named |= mentioned_ids(getattr(thread, name))
    return named


@transaction.atomic
@submitted_once(by="author")
def create_thread(
    *,
    author: User,
    community: Community,
    kind: str,
    title: str,
    sections: Mapping[str, str],
    tags: Iterable[Tag] = (),
    new_tags: Iterable[str] = (),
    related: Iterable = (),
) -> Thread:
    """Start a thread of ``kind``; its author follows it.

    Mentioned members and the community's followers are notified. The same
    ``submission`` token again returns the first thread (``submitted_once``).
    """
    ensure_writable(community)
    if not permissions.can_post(
        author, community, writer_membership(author, community)
    ):
        raise PermissionDenied
    if kind not in Thread.Kind.values:
        raise ValidationError(_("Unknown kind of thread."), code="invalid")
    title = _clean_title(title)
    cleaned = _clean_sections(kind, sections)
    tag_list = tags_for(tags, new_tags)
    related_list = _clean_related(community, related)
    named = _resolve_section_mentions(cleaned, community)
    check_rate_limit(author)
    thread = Thread.objects.create(
        community=community,
        kind=kind,
        title=title,
        author=author,
        last_activity_at=timezone.now(),
        **cleaned,
    )
    thread.tags.set(tag_list)
    thread.related.set(related_list)
    ThreadFollow.objects.get_or_create(user=author, thread=thread)

    url = thread.get_absolute_url()
    notify_people(
        notifying.MENTION,
        named,
        thread=thread,
        actor=author,
        url=url,
        excerpt=thread.excerpt(),
        target_key=f"thread:{thread.pk}:mention",
        about_key=notifying.about_thread(thread.pk),
    )
    followers = set(
        CommunityFollow.objects.filter(community=community).values_list(
            "user_id", flat=True
        )
    )
    notify_people(
        notifying.NEW_THREAD,
        followers - named,
        thread=thread,
        actor=author,
        url=url,
        excerpt=thread.excerpt(),
        target_key=f"thread:{thread.pk}:new",
        about_key=notifying.about_thread(thread.pk),
    )
    return thread


@transaction.atomic
def update_thread(
    *,
    actor: User,
    thread: Thread,
    title: str,
    sections: Mapping[str, str],
    tags: Iterable[Tag] = (),
    new_tags: Iterable[str] = (),
    related: Iterable = (),
) -> Thread:
    """Correct a thread (its author or a moderator); newly mentioned people are told."""
    community = thread.community
    ensure_writable(community)
    own = writer_membership(actor, community)
    if not permissions.can_edit_thread(actor, thread, own):
        raise PermissionDenied
    title = _clean_title(title)
    cleaned = _clean_sections(thread.kind, sections)
    tag_list = tags_for(tags, new_tags)
    related_list = _clean_related(community, related, exclude=thread)
    before = _thread_mentions(thread)
    named = _resolve_section_mentions(cleaned, community)
    thread.title = title
    for name, text in cleaned.items():
        setattr(thread, name, text)
    thread.edited_at = timezone.now()
    thread.save()
    thread.tags.set(tag_list)
    thread.related.set(related_list)
    notify_people(
        notifying.MENTION,
        named - before,
        thread=thread,
        actor=actor,
        url=thread.get_absolute_url(),
        excerpt=thread.excerpt(),
        target_key=f"thread:{thread.pk}:mention",
        about_key=notifying.about_thread(thread.pk),
    )
    return thread
