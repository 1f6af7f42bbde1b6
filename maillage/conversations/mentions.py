"""@mentions: recognise fellow members named in a text, in one stored form.

A mention is stored as "@[Display Name](user-id)", the form the suggestions
insert while typing. A plain "@Name" that matches a member's name is rewritten
into that form on save, and a stored form naming someone who is not a member of
the community loses its link, so that a page never links a name it was not given.
"""

import re

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


def resolve_mentions(text: str, community) -> tuple[str, list[int]]:
    """Return ``text`` with its mentions in stored form, and the members named.

    Costs at most two queries, and none when the text holds no "@".
    """
    if not text or "@" not in text:
        return text, []
    named = []
    marked = {int(m.group(2)) for m in MENTION_MARKUP.finditer(text)}
    known = {p.pk: p for p in _members(community, marked)} if marked else {}

    def restamp(match):
        person = known.get(int(match.group(2)))
        if person is None:
            return f"@{match.group(1)}"
        named.append(person.pk)
        return f"@[{person.display_name}]({person.pk})"

    text = MENTION_MARKUP.sub(restamp, text)
    plain = [m.start() for m in _AT.finditer(text)][:MAX_MENTION_SIGNS]
    if plain:
        people = sorted(_members(community), key=lambda p: -len(p.display_name))
        text = _mark_plain(text, plain, people, named)
    unique = list(dict.fromkeys(named))
    return text, unique[:MAX_MENTIONS]


def _mark_plain(text: str, positions: list[int], people, named: list[int]) -> str:
    """Rewrite each "@Name" at ``positions`` matching a member (longest name first)."""
    pieces, cursor = [], 0
    folded = [(person, fold(person.display_name)) for person in people]
    for at in positions:
        if at < cursor:
            continue
        for person, folded_name in folded:
            name = person.display_name
            end = at + 1 + len(name)
            if fold(text[at + 1 : end]) == folded_name and _ends_a_word(text, end):
                pieces.append(text[cursor:at])
                pieces.append(f"@[{name}]({person.pk})")
                named.append(person.pk)
                cursor = end
                break
    pieces.append(text[cursor:])
    return "".join(pieces)


def mentioned_ids(text: str) -> set[int]:
    """The people already named in stored form in ``text`` (no query)."""
    return {int(m.group(2)) for m in MENTION_MARKUP.finditer(text or "")}


def forget_person(text: str, person_id: int, label: str) -> str:
    """Replace each stored mention of ``person_id`` by a plain "@``label``"."""
    return MENTION_MARKUP.sub(
        lambda m: f"@{label}" if int(m.group(2)) == person_id else m[0], text
    )
