"""The parts of a community that ``communities`` itself provides (see
``sections.py``); registered from ``CommunitiesConfig.ready()``."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from . import permissions
from .models import Membership
from .sections import Section, Tool, register

# Navigation order. The exchanges come at 20, the method's parts from 60 to 100;
# the gaps leave room for the parts still to come: library (30), meetings (40)
# and evaluation (90).
PRESENTATION = 10
MEMBERS = 50

# Places in the "Facilitation" card of the presentation page. The method's
# dashboard comes at 10, its setup path at 20, closing at 50 and reopening at 70.
REQUESTS_TOOL = 30
INVITATIONS_TOOL = 40
EXPORT_TOOL = 60


def _anyone(user, community, membership) -> bool:
    """Whoever sees a community's page sees its presentation."""
    return True


def export_tool(user, community, membership) -> list[Tool]:
    """The full export, for facilitators and staff, archived or not."""
    if not permissions.can_export(user, community, membership):
        return []
    url = reverse("communities:community_export", args=[community.slug])
    label = gettext_lazy("Download the full export (ZIP)")
    return [Tool(label=label, url=url, order=EXPORT_TOOL, download=True)]


def membership_tools(user, community, membership) -> list[Tool]:
    """Requests (with how many wait) and invitations, while the community lives."""
    if not permissions.can_steer(user, community, membership):
        return []
    waiting = Membership.objects.requested().filter(community=community).count()
    return [
        Tool(
            label=gettext_lazy("Membership requests"),
            url=reverse("communities:request_list", args=[community.slug]),
            order=REQUESTS_TOOL,
            count=waiting,
        ),
        Tool(
            label=gettext_lazy("Invite people"),
            url=reverse("communities:invitation_list", args=[community.slug]),
            order=INVITATIONS_TOOL,
        ),
    ]


def register_sections() -> None:
    register(
        Section(
            key="presentation",
            label=gettext_lazy("Presentation"),
            url_name="communities:community_detail",
            order=PRESENTATION,
            is_visible=_anyone,
            icon="home",
            tools=export_tool,
        )
    )
    register(
        Section(
            key="members",
            label=gettext_lazy("Members"),
            url_name="communities:member_list",
            order=MEMBERS,
            is_visible=permissions.can_view_members,
            icon="users",
            tools=membership_tools,
        )
    )
