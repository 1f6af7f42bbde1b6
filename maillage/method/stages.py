"""What each lifecycle stage means and what a community usually does in it.

After Wenger, McDermott and Snyder (2002), adapted to communities on food
procurement. Shown on the stage timeline, the dashboard and the guide.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from maillage.communities.models import Community

Stage = Community.Stage


@dataclass(frozen=True)
class StageGuide:
    stage: str
    summary: Promise
    activities: tuple[Promise, ...]

    @property
    def label(self):
        return Stage(self.stage).label


GUIDES = (
    StageGuide(
        Stage.POTENTIAL,
        _(
            "People of a territory face similar problems and would gain from "
            "sharing what they know."
        ),
        (
            _("Map the people and initiatives of the territory."),
            _("Talk with a few key people about their needs."),
            _("Name the domain that would bring them together."),
        ),
    ),
    StageGuide(
        Stage.COALESCING,
        _("Members come together, get to know each other and build trust."),
        (
            _("Hold the kick-off meeting."),
            _("Write and adopt the charter together."),
            _("Set a regular rhythm of meetings and keep it."),
            _("Share first challenges and successes to build trust."),
        ),
    ),
    StageGuide(
        Stage.MATURING,
        _("The community takes charge of its practice and its knowledge grows."),
        (
            _("Follow the objectives and their indicators."),
            _("Turn the best exchanges into practice sheets."),
            _("Welcome newcomers and give them a place."),
            _("Run co-development groups on members' challenges."),
        ),
    ),
    StageGuide(
        Stage.STEWARDSHIP,
        _("The community keeps its relevance and its energy over time."),
        (
            _("Renew the facilitation team and share the roles."),
            _("Review the charter and the objectives once a year."),
            _("Tell sponsors about the value the community creates."),
            _("Open the exchanges to neighbouring regions."),
        ),
    ),
    StageGuide(
        Stage.TRANSFORMATION,
        _("The community has reached its aims, or its context has changed."),
        (
            _("Take stock of what was achieved and learned."),
            _("Decide together: dissolve, or reorient toward new issues."),
            _("Keep what the community produced available to others."),
        ),
    ),
)

BY_STAGE = {guide.stage: guide for guide in GUIDES}


def guide_for(stage: str) -> StageGuide:
    return BY_STAGE[stage]
