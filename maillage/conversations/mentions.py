"""@mentions: recognise fellow members named in a text, in one stored form.

A mention is stored as "@[Display Name](user-id)". People type, and the
suggestions insert, readable names: "@Amélie Animatrice", or only "@Amélie"
when exactly one active member of the community has that first name (or
"@Amélie Tremblay", first and last name, for a longer name). On save each one
that names exactly one member is rewritten into the stored form; a name carried
by several members is left as text rather than guessed, and so is a name that
matches nobody (``Resolution.problems`` says which). A stored form naming
someone who is not a member of the community loses its link, so that a page
never links a name it was not given.
"""

import re
from dataclasses import dataclass, field

from maillage.accounts.models import User
from maillage.communities.models import Membership
from maillage.core.text import fold

from .models import MENTION_MARKUP

# More names than this in one message are not all notified (no mass pinging).
MAX_MENTIONS = 20
# Only the first "@" signs of a text are matched against the members' names:
# each is compared with every name, and a text may hold thousands of them.
MAX_MENTION_SIGNS = 100
_AT = re.compile(r"(?<![\w@])@(?!\[)")
# The word after "@": what a name starts with, and what a warning quotes.
_WORD = re.compile(r"[^\W_][\w'\u2019-]*")


@dataclass(frozen=True)
class MentionProblem:
    """A "@name" left as text: nobody carries it, or several members do."""

    text: str
    several: bool = False


@dataclass
class Resolution:
    text: str
    named: list[int] = field(default_factory=list)
    problems: list[MentionProblem] = field(default_factory=list)


def _members(community, ids=None):
    people = User.objects.active().filter(
        memberships__community=community,
        memberships__state=Membership.State.ACTIVE,
    )
    if ids is not None:
        people = people.filter(pk__in=ids)
    return people.exclude(display_name="").only("pk", "display_name")


def _ends_a_word(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] in "_-")


class _Directory:
    """The names members may be mentioned by, found from their first word.

    Each member answers to the full name, to the first name alone, and (for
    names of three words or more) to the first and last names. A full name
    wins over the same words as someone's first name: "@Émilie" is the member
    called just "Émilie", not Émilie Tremblay.
    """

    def __init__(self, people):
        # folded first word -> {folded name: (length, full-name holders, others)}
        self._names: dict[str, dict[str, tuple[int, set, set]]] = {}
        for person in people:
            words = person.display_name.split()
            if not words:
                continue
            self._add(person.display_name, person, full=True)
            self._add(words[0], person, full=False)
            if len(words) > 2:
                self._add(f"{words[0]} {words[-1]}", person, full=False)

    def _add(self, name: str, person, *, full: bool) -> None:
        folded = fold(name)
        first = folded.split(" ", 1)[0]
        names = self._names.setdefault(first, {})
        length, holders, others = names.get(folded, (len(name), set(), set()))
        (holders if full else others).add(person.pk)
        names[folded] = (max(length, len(name)), holders, others)

    def match(self, text: str, at: int) -> tuple[int, set[int]] | None:
        """The end of the longest name written after the "@" at ``at``, and
        the members who carry it; None when no name starts there."""
        word = _WORD.match(text, at + 1)
        if word is None:
            return None
        names = self._names.get(fold(word.group()), {})
        for folded in sorted(names, key=len, reverse=True):
            length, holders, others = names[folded]
            # The name as typed may differ in accents and case, not in length.
            for size in {length, len(folded)}:
                end = at + 1 + size
                if fold(text[at + 1 : end]) == folded and _ends_a_word(text, end):
                    return end, holders or others
        return None


def recognise(text: str, community) -> Resolution:
    """``text`` with its mentions in stored form, the members named, and the
    "@names" left as text (``problems``).

    Costs at most two queries, and none when the text holds no "@".
    """
    if not text or "@" not in text:
        return Resolution(text=text)
    resolution = Resolution(text=text)
    marked = {int(m.group(2)) for m in MENTION_MARKUP.finditer(text)}
    known = {p.pk: p for p in _members(community, marked)} if marked else {}

    def restamp(match):
        person = known.get(int(match.group(2)))
        if person is None:
            return f"@{match.group(1)}"
        resolution.named.append(person.pk)
        return f"@[{person.display_name}]({person.pk})"

    text = MENTION_MARKUP.sub(restamp, text)
    plain = [m.start() for m in _AT.finditer(text)][:MAX_MENTION_SIGNS]
    if plain:
        people = {p.pk: p for p in _members(community)}
        text = _mark_plain(text, plain, _Directory(people.values()), people, resolution)
    resolution.text = text
    resolution.named = list(dict.fromkeys(resolution.named))[:MAX_MENTIONS]
    resolution.problems = list(dict.fromkeys(resolution.problems))
    return resolution


def resolve_mentions(text: str, community) -> tuple[str, list[int]]:
    """Return ``text`` with its mentions in stored form, and the members named."""
    resolution = recognise(text, community)
    return resolution.text, resolution.named


def mention_problems(texts, community) -> list[MentionProblem]:
    """The "@names" of ``texts`` that will stay text, each once (two queries at
    most, none without "@")."""
    joined = "\n".join(t for t in texts if t)
    return recognise(joined, community).problems


def _mark_plain(text, positions, directory, people, resolution) -> str:
    """Rewrite each "@name" at ``positions`` that names exactly one member.

    A name carried by several members is left as typed (no guess), and so is
    one that matches nobody; both are noted in ``resolution.problems``.
    """
    pieces, cursor = [], 0
    for at in positions:
        if at < cursor:
            continue
        found = directory.match(text, at)
        if found is None:
            word = _WORD.match(text, at + 1)
            if word is not None:
                resolution.problems.append(MentionProblem(f"@{word.group()}"))
            continue
        end, carriers = found
        if len(carriers) != 1:
            resolution.problems.append(MentionProblem(text[at:end], several=True))
            continue
        person = people[next(iter(carriers))]
        pieces.append(text[cursor:at])
        pieces.append(f"@[{person.display_name}]({person.pk})")
        resolution.named.append(person.pk)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def readable_mentions(texts: list[str], community) -> list[str]:
    """``texts`` with each stored "@[Name](id)" written "@Name", as people type
    it, wherever saving it again names the same member (at most one query).

    A name several members carry keeps its stored form, so that editing a text
    never loses whom it named.
    """
    marked = {int(m.group(2)) for t in texts for m in MENTION_MARKUP.finditer(t or "")}
    if not marked:
        return list(texts)
    directory = _Directory(_members(community))

    def readable(match, text):
        # Written plainly, would the name (with what follows it) name the same
        # member, and only them, on save?
        name, person_id = match.group(1), int(match.group(2))
        written = f"@{name}"
        following = text[match.end() : match.end() + 120]
        if directory.match(written + following, 0) == (len(written), {person_id}):
            return written
        return match.group(0)

    return [
        MENTION_MARKUP.sub(lambda m, t=text: readable(m, t), text or "")
        for text in texts
    ]


def mentioned_ids(text: str) -> set[int]:
    """The people already named in stored form in ``text`` (no query)."""
    return {int(m.group(2)) for m in MENTION_MARKUP.finditer(text or "")}


def forget_person(text: str, person_id: int, label: str) -> str:
    """Replace each stored mention of ``person_id`` by a plain "@``label``"."""
    return MENTION_MARKUP.sub(
        lambda m: f"@{label}" if int(m.group(2)) == person_id else m[0], text
    )
