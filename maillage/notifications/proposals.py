"""Staff are told of each new community proposal.

The proposal kind belongs to the app that owns proposals; that app sits below
``notifications`` for now (``communities``), so this module stands in for it:
it declares the kind (registered from ``NotificationsConfig.ready()``) and
answers the hook listed in ``settings.MAILLAGE_PROPOSAL_MODULES``. Once
proposals live in an app above ``notifications``, this file moves there whole
and that app's ``ready()`` calls ``register_kinds()``.

A proposal belongs to no community yet: the notification has none, so that
only staff receive it (``services.notify``).
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


def proposal_submitted(proposal) -> None:
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
