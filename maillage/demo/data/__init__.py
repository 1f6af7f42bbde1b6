"""The fictional demo data: communities, organisations, people and their places.

Every organisation, person and place name here is invented (place names such as
Pointe-aux-Érables or Lac-Brillant do not exist); websites use exemple.org and
personal addresses exemple.qc.ca. Plain data only: ``seed.py`` does the writing.
"""

from .common import DIRECTORY, EMAIL
from .communities import COMMUNITIES
from .memberships import MEMBERS, PENDING_INVITATIONS, PENDING_REQUESTS, PRIVACY_OFFICER
from .organisations import ORGANISATIONS
from .people import DEMO_ACCOUNTS, PEOPLE

__all__ = [
    "COMMUNITIES",
    "DEMO_ACCOUNTS",
    "DIRECTORY",
    "EMAIL",
    "MEMBERS",
    "ORGANISATIONS",
    "PENDING_INVITATIONS",
    "PENDING_REQUESTS",
    "PEOPLE",
    "PRIVACY_OFFICER",
]
