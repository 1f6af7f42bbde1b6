"""Notification e-mails: rendered in the recipient's language, with a signed
one-click unsubscribe link (RFC 8058) that needs no sign-in."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from maillage.core.mail import render_message
from maillage.core.site import absolute_url, site_url

from .models import Category, Notification

# One salt per purpose: a token signed for unsubscribing opens nothing else.
UNSUBSCRIBE_SALT = "maillage.notifications.unsubscribe"
# A digest lists at most this many notifications (the rest are counted).
DIGEST_MAX_ITEMS = 50


def unsubscribe_token(user_id: int, categories) -> str:
    return signing.dumps(
        {"u": user_id, "c": sorted(set(categories))}, salt=UNSUBSCRIBE_SALT
    )


def read_unsubscribe_token(token: str) -> tuple[int, list[str]]:
    """The person and categories a token stands for; BadSignature if tampered."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("u"), int)
        or not isinstance(data.get("c"), list)
        or not data["c"]
        or any(c not in Category.values for c in data["c"])
    ):
        raise signing.BadSignature("Malformed unsubscribe token.")
    return data["u"], data["c"]


def unsubscribe_url(user_id: int, categories) -> str:
    token = unsubscribe_token(user_id, categories)
    return absolute_url(reverse("notifications:unsubscribe", args=[token]))


def _message(recipient, template_prefix: str, context: dict, categories) -> dict:
    """The rendered message (``core.mail``) in the reader's language, with the
    one-click unsubscribe headers."""
    unsubscribe = unsubscribe_url(recipient.pk, categories)
    context = {
        **context,
        "recipient": recipient,
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute_url(reverse("notifications:preferences")),
        "list_url": absolute_url(reverse("notifications:notification_list")),
        "site_url": site_url(),
    }
    return render_message(
        template_prefix,
        context,
        language=recipient.language or settings.LANGUAGE_CODE,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def notification_email(notification: Notification) -> dict:
    """The immediate e-mail for one notification."""
    return _message(
        notification.recipient,
        "notifications/email/notification",
        {
            "notification": notification,
            "community": notification.community,
            "link": absolute_url(notification.url),
            "category": notification.category,
        },
        [notification.category],
    )


def digest_email(
    recipient, notifications: list[Notification], *, frequency: str
) -> dict:
    """One digest listing ``notifications`` (already ordered by community)."""
    shown = notifications[:DIGEST_MAX_ITEMS]
    groups: list[dict] = []
    for n in shown:
        if not groups or groups[-1]["community_id"] != n.community_id:
            groups.append(
                {"community_id": n.community_id, "community": n.community, "items": []}
            )
        groups[-1]["items"].append({"notification": n, "link": absolute_url(n.url)})
    for group in groups:
        # What belongs to no community (proposals) links to the site itself.
        community = group["community"]
        group["community_url"] = absolute_url(
            community.get_absolute_url() if community is not None else "/"
        )
    return _message(
        recipient,
        "notifications/email/digest",
        {
            "frequency": frequency,
            "groups": groups,
            "count": len(notifications),
            "more": len(notifications) - len(shown),
        },
        {n.category for n in notifications},
    )
