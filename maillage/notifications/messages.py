"""The sentence each kind of notification reads as, in the reader's language."""

from django.utils.translation import gettext_lazy as _

from .models import Notification

Kind = Notification.Kind

PHRASES = {
    Kind.MENTION: _("%(actor)s mentioned you in “%(subject)s”"),
    Kind.REPLY: _("%(actor)s replied to your thread “%(subject)s”"),
    Kind.SOLUTION: _("%(actor)s marked a solution in “%(subject)s”"),
    Kind.NEW_REPLY: _("%(actor)s replied in “%(subject)s”"),
    Kind.NEW_THREAD: _("%(actor)s started “%(subject)s”"),
    Kind.HELP_REQUEST: _("%(actor)s asks for your help with “%(subject)s”"),
    Kind.FLAG: _("%(actor)s flagged content in “%(subject)s”"),
    Kind.PROPOSAL: _("%(actor)s proposes a new community: “%(subject)s”"),
}


def describe(notification: Notification) -> str:
    """Compose the sentence; call it under the reader's language."""
    actor = notification.actor
    name = actor.public_name if actor is not None else _("Someone")
    phrase = PHRASES.get(notification.kind, PHRASES[Kind.NEW_REPLY])
    return str(phrase) % {"actor": name, "subject": notification.subject}
