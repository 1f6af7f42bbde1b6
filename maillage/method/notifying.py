"""The method's kind of notification: staff are told of each new community
proposal (declared from ``MethodConfig.ready()``).

A proposal belongs to no community yet: the notification has none, so that
only staff receive it (``notifications.services.notify``).
"""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import User
from maillage.notifications.kinds import Kind, register
from maillage.notifications.services import notify

PROPOSAL = Kind(
    key="proposal",
    label=_("New community proposal"),
    icon="sparkles",
    describe=_("%(actor)s proposes a new community: “%(subject)s”"),
)


def register_kinds() -> None:
    register(PROPOSAL)


def tell_staff(proposal) -> None:
    """Notify every active staff person (in the site, and by e-mail as each one
    chose), with a link to the proposal's review page."""
    notify(
        recipients=User.objects.active()
        .filter(is_staff=True)
        .values_list("pk", flat=True),
        community=None,
        kind=PROPOSAL,
        actor=proposal.proposer,
        subject=proposal.name,
        excerpt=proposal.domain,
        url=proposal.get_absolute_url(),
        target_key=f"proposal:{proposal.pk}",
        about_key=f"proposal:{proposal.pk}",
    )
