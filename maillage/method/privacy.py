"""The personal data that the method holds about a person (Law 25): the
community proposals they sent. Listed in ``settings.MAILLAGE_PERSONAL_DATA_MODULES``."""

from .models import CommunityProposal


def export_personal_data(user) -> dict:
    return {
        "community_proposals": [
            {
                "name": p.name,
                "role": p.role,
                "organisation": p.organisation,
                "domain": p.domain,
                "needs": p.needs,
                "status": p.status,
                "created_at": p.created_at.isoformat(),
            }
            for p in CommunityProposal.objects.filter(proposer=user)
        ],
    }


def anonymise_personal_data(user) -> None:
    """A proposal's idea may have become a community: keep it, without the person."""
    CommunityProposal.objects.filter(proposer=user).update(role="", organisation="")


def deletion_blockers(user) -> list[str]:
    """A proposal never keeps an account from being deleted."""
    return []
