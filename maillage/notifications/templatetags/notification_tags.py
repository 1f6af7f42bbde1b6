from django import template

from maillage.notifications import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> int:
    """The header's unread count; one query, only where the tag is used."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None:
        return 0
    return selectors.unread_count(user)


@register.filter
def quoted(text: str, prefix: str = "> ") -> str:
    """Plain text with every line quoted, as e-mail readers expect ("> ...")."""
    return "\n".join(f"{prefix}{line}" for line in str(text).splitlines())
