"""The demo's exchanges: threads, replies and reactions, per community.

Plain data only; ``exchanges.py`` writes it through the services. People are
named by their demo e-mail; ``days_ago`` dates a thread (before the archive date
for an archived community) and each reply comes some hours after the previous
one. ``solution`` is the index of the reply its author marks as the solution.
One module a community; ``people`` names the demo accounts.
"""

from .bas_saint_laurent import BAS_SAINT_LAURENT
from .estrie import ESTRIE, GENEVIEVE
from .monteregie import ISABELLE, MONTEREGIE
from .montreal import MARIE_PIER, MONTREAL
from .people import AMELIE, MARC

EXCHANGES = {
    "monteregie-mange-local": MONTEREGIE,
    "estrie-a-table": ESTRIE,
    "bas-saint-laurent-nourricier": BAS_SAINT_LAURENT,
    "cuisines-collectives-montreal": MONTREAL,
}

# People who follow a whole community (told of each new thread).
COMMUNITY_FOLLOWERS = {
    "monteregie-mange-local": [MARC, AMELIE, ISABELLE],
    "estrie-a-table": [MARC, GENEVIEVE],
    "cuisines-collectives-montreal": [MARIE_PIER],
}
