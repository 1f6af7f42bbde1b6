"""Staff are told of each new community proposal.

Listed in ``settings.MAILLAGE_PROPOSAL_MODULES``. A proposal belongs to no
community yet: the notification has none, so that only staff receive it
(``services.notify``).
"""

from maillage.accounts.models import User

from .models import Notification
from .services import notify


def proposal_submitted(proposal) -> None:
    """Notify every active staff person (in the site, and by e-mail as each one
    chose), with a link to the proposal's review page."""
    notify(
        recipients=User.objects.active()
        .filter(is_staff=True)
        .values_list("pk", flat=True),
        community=None,
        kind=Notification.Kind.PROPOSAL,
        actor=proposal.proposer,
        subject=proposal.name,
        excerpt=proposal.domain,
        url=proposal.get_absolute_url(),
        target_key=f"proposal:{proposal.pk}",
    )
