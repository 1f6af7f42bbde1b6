"""The full export of a community: a ZIP of JSON (one file per app) and its files.

Each module listed in ``settings.MAILLAGE_COMMUNITY_EXPORT_MODULES`` offers
``export_community_data(community) -> dict`` and may offer
``community_files(community) -> list[(archive_name, storage_name)]``; this
module is the communities app's own, and ``write_community_export`` puts them
all together.
"""

import json
import shutil
import zipfile
from importlib import import_module

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.utils import timezone

from . import permissions
from .models import (
    Charter,
    CharterRevision,
    Community,
    CommunityProposal,
    CommunitySetupStep,
    Dissolution,
    Invitation,
    Membership,
    Objective,
    ObjectiveProgress,
    Reorientation,
    StageChange,
)


def _when(value):
    return value.isoformat() if value is not None else None


def _who(user):
    return str(user.public_name) if user is not None else None


def _number(value):
    # Decimals as text keep their exact value (JSON numbers are floats).
    return str(value) if value is not None else None


def export_community_data(community: Community) -> dict:
    """Everything the communities app holds about ``community``."""
    memberships = Membership.objects.filter(community=community).select_related(
        "user__organisation"
    )
    invitations = Invitation.objects.filter(community=community).select_related(
        "invited_by"
    )
    charter = (
        Charter.objects.filter(community=community).select_related("updated_by").first()
    )
    revisions = CharterRevision.objects.filter(community=community).select_related(
        "created_by"
    )
    objectives = (
        Objective.objects.filter(community=community)
        .select_related("created_by")
        .order_by("created_at", "pk")
    )
    progress = (
        ObjectiveProgress.objects.filter(objective__community=community)
        .select_related("recorded_by")
        .order_by("objective_id", "measured_on", "pk")
    )
    progress_by_objective = {}
    for update in progress:
        progress_by_objective.setdefault(update.objective_id, []).append(update)
    steps = CommunitySetupStep.objects.filter(community=community).select_related(
        "changed_by"
    )
    proposals = CommunityProposal.objects.filter(community=community).select_related(
        "proposer"
    )
    return {
        "community": {
            "name": community.name,
            "slug": community.slug,
            "domain": community.domain,
            "description": community.description,
            "regions": [r.code for r in community.regions.order_by("code")],
            "sectors": [s.code for s in community.sectors.order_by("code")],
            "visibility": community.visibility,
            "join_policy": community.join_policy,
            "stage": community.stage,
            "created_at": _when(community.created_at),
            "archived_at": _when(community.archived_at),
        },
        "memberships": [
            {
                "person": _who(m.user),
                "organisation": m.user.organisation.name
                if m.user.organisation and not m.user.is_deleted
                else None,
                "role": m.role,
                "state": m.state,
                "joined_at": _when(m.joined_at),
            }
            for m in memberships
        ],
        "invitations": [
            {
                "email": i.email,
                "role": i.role,
                "invited_by": _who(i.invited_by),
                "created_at": _when(i.created_at),
                "accepted_at": _when(i.accepted_at),
                "declined_at": _when(i.declined_at),
                "revoked_at": _when(i.revoked_at),
            }
            for i in invitations
        ],
        "proposals": [
            {
                "proposed_by": _who(p.proposer),
                "name": p.name,
                "domain": p.domain,
                "needs": p.needs,
                "created_at": _when(p.created_at),
                "decided_at": _when(p.decided_at),
            }
            for p in proposals
        ],
        "setup_path": [
            {
                "position": s.position,
                "title_fr": s.title_fr,
                "title_en": s.title_en,
                "status": s.status,
                "notes": s.notes,
                "skip_reason": s.skip_reason,
                "changed_by": _who(s.changed_by),
                "changed_at": _when(s.changed_at),
            }
            for s in steps
        ],
        "charter": (
            {
                **charter.values(),
                "updated_by": _who(charter.updated_by),
                "updated_at": _when(charter.updated_at),
            }
            if charter
            else None
        ),
        "charter_revisions": [
            {
                "number": r.number,
                "values": r.values,
                "note": r.note,
                "saved_by": _who(r.created_by),
                "saved_at": _when(r.created_at),
            }
            for r in sorted(revisions, key=lambda r: r.number)
        ],
        "objectives": [
            {
                "title": o.title,
                "description": o.description,
                "indicator": o.indicator,
                "baseline": _number(o.baseline),
                "target": _number(o.target),
                "unit": o.unit,
                "due_date": _when(o.due_date),
                "status": o.status,
                "created_by": _who(o.created_by),
                "created_at": _when(o.created_at),
                "progress": [
                    {
                        "value": _number(u.value),
                        "measured_on": _when(u.measured_on),
                        "comment": u.comment,
                        "recorded_by": _who(u.recorded_by),
                    }
                    for u in progress_by_objective.get(o.pk, [])
                ],
            }
            for o in objectives
        ],
        "stage_changes": [
            {
                "from": c.from_stage,
                "to": c.to_stage,
                "reason": c.reason,
                "changed_by": _who(c.changed_by),
                "date": _when(c.created_at),
            }
            for c in StageChange.objects.filter(community=community)
            .select_related("changed_by")
            .order_by("created_at", "pk")
        ],
        "reorientations": [
            {
                "previous_domain": r.previous_domain,
                "new_domain": r.new_domain,
                "reason": r.reason,
                "reoriented_by": _who(r.reoriented_by),
                "date": _when(r.created_at),
            }
            for r in Reorientation.objects.filter(community=community)
            .select_related("reoriented_by")
            .order_by("created_at", "pk")
        ],
        "dissolutions": [
            {
                "achieved": d.achieved,
                "learned": d.learned,
                "dissolved_by": _who(d.dissolved_by),
                "date": _when(d.created_at),
                "reopened_at": _when(d.reopened_at),
                "reopened_by": _who(d.reopened_by),
                "reopen_reason": d.reopen_reason,
            }
            for d in Dissolution.objects.filter(community=community)
            .select_related("dissolved_by", "reopened_by")
            .order_by("created_at", "pk")
        ],
    }


def community_files(community: Community) -> list[tuple[str, str]]:
    """The communities app stores no file of its own."""
    return []


def _part_name(module_path: str) -> str:
    """``maillage.conversations.export`` → ``conversations``."""
    parts = module_path.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "maillage" else module_path


def write_community_export(*, actor, community: Community, fileobj) -> None:
    """Write the ZIP of everything ``community`` holds into ``fileobj``.

    For facilitators and staff, archived or not. The ZIP holds ``manifest.json``,
    one ``<app>.json`` per export module and the files under ``files/``.
    """
    membership = permissions.membership_of(actor, community)
    if not permissions.can_export(actor, community, membership):
        raise PermissionDenied
    modules = settings.MAILLAGE_COMMUNITY_EXPORT_MODULES
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        parts, files = [], []
        for path in modules:
            module = import_module(path)
            name = _part_name(path)
            data = module.export_community_data(community)
            archive.writestr(
                f"{name}.json", json.dumps(data, ensure_ascii=False, indent=2)
            )
            parts.append(f"{name}.json")
            if hasattr(module, "community_files"):
                for archive_name, storage_name in module.community_files(community):
                    with (
                        default_storage.open(storage_name, "rb") as source,
                        archive.open(f"files/{archive_name}", "w") as target,
                    ):
                        shutil.copyfileobj(source, target)
                    files.append(f"files/{archive_name}")
        manifest = {
            "community": community.slug,
            "name": community.name,
            "exported_at": timezone.now().isoformat(),
            "exported_by": _who(actor),
            "parts": parts,
            "files": files,
        }
        archive.writestr(
            "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2)
        )
