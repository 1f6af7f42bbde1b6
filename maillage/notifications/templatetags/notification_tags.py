from dataclasses import dataclass

from django import template

from maillage.notifications import selectors

register = template.Library()


@dataclass(frozen=True)
class Unread:
    """The header's unread count as shown: ``label`` is "99+" beyond
    ``selectors.UNREAD_SHOWN``, and ``more`` says so."""

    count: int

    @property
    def more(self) -> bool:
        return self.count > selectors.UNREAD_SHOWN

    @property
    def shown(self) -> int:
        return min(self.count, selectors.UNREAD_SHOWN)

    @property
    def label(self) -> str:
        return f"{self.shown}+" if self.more else str(self.count)

    def __bool__(self) -> bool:
        return self.count > 0


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> Unread:
    """The header's unread count; one query, only where the tag is used."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None:
        return Unread(0)
    return Unread(selectors.unread_count(user))


@register.filter
def quoted(text: str, prefix: str = "> ") -> str:
    """Plain text with every line quoted, as e-mail readers expect ("> ...")."""
    return "\n".join(f"{prefix}{line}" for line in str(text).splitlines())
