"""The full export of a community: a ZIP to read, to hand over and to reuse.

Each module listed in ``settings.MAILLAGE_COMMUNITY_EXPORT_MODULES`` offers
``export_community_data(community) -> dict`` (its JSON) and may offer
``community_files(community) -> list[(archive_name, storage_name)]``,
``export_readme_sections(community) -> list[ReadmeSection]`` (its part of
``LISEZMOI.html``) and ``export_tables(community) -> list[ExportTable]`` (its CSV
files). This module is the communities app's own, and ``write_community_export``
puts them all together, in the language of the person who exports.

The CSV files are UTF-8 with a byte order mark (so that Excel reads accents
right), separated by semicolons (Excel's choice in French, where the comma is the
decimal mark), with dates as YYYY-MM-DD and numbers written as in the document's
language (``27,5`` in French).
"""

import csv
import io
import json
import shutil
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import import_module

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from maillage.accounts.models import Consent

from . import method_selectors, permissions
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


# What to read and the tables -----------------------------------------------------


@dataclass
class ReadmeSection:
    """A part of ``LISEZMOI.html``: a heading and its HTML, every user text in it
    escaped (or rendered through ``core.markdown``, which sanitises)."""

    anchor: str
    title: str
    html: SafeString


@dataclass
class ExportTable:
    """A CSV file of the export: its name, what it holds, its column headings and
    its rows (text, numbers, dates, booleans or None; the writer formats them)."""

    filename: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)


def named_members(community: Community) -> tuple[list[Membership], int]:
    """The active members who agreed to be named (a current directory consent),
    and how many others there are, to be counted and not named."""
    memberships = list(
        Membership.objects.active()
        .filter(community=community)
        .select_related("user__organisation")
        .order_by("user__display_name", "user_id")
    )
    consenting = set(
        Consent.objects.current()
        .filter(
            purpose=Consent.Purpose.DIRECTORY,
            user__in=[m.user_id for m in memberships],
        )
        .values_list("user_id", flat=True)
    )
    named = [
        m for m in memberships if m.user_id in consenting and not m.user.is_deleted
    ]
    return named, len(memberships) - len(named)


def _section(anchor: str, title: str, template: str, context: dict) -> ReadmeSection:
    return ReadmeSection(
        anchor, title, render_to_string(f"communities/export/{template}", context)
    )


def export_readme_sections(community: Community) -> list[ReadmeSection]:
    """The community's presentation, its closing summary when dissolved, the
    charter, the objectives and their progress, its members (those who agreed to
    be named) and the stage timeline."""
    named, unnamed = named_members(community)
    sections = [
        _section(
            "presentation",
            _("Presentation"),
            "presentation.html",
            {
                "community": community,
                "regions": list(community.regions.order_by("code")),
                "sectors": list(community.sectors.all()),
            },
        )
    ]
    dissolution = method_selectors.current_dissolution(community)
    if dissolution is not None:
        sections.append(
            _section(
                "bilan",
                _("Closing summary"),
                "closing.html",
                {"dissolution": dissolution},
            )
        )
    sections += [
        _section(
            "charte",
            _("Charter"),
            "charter.html",
            {"charter": method_selectors.charter_of(community)},
        ),
        _section(
            "objectifs",
            _("Objectives"),
            "objectives.html",
            {"objectives": method_selectors.objectives_of(community)},
        ),
        _section(
            "membres",
            _("Members"),
            "members.html",
            {"named": named, "unnamed": unnamed},
        ),
        _section(
            "etapes",
            _("Lifecycle"),
            "timeline.html",
            {
                "community": community,
                "events": method_selectors.stage_timeline(community)[::-1],
            },
        ),
    ]
    return sections


def export_tables(community: Community) -> list[ExportTable]:
    """Members who agreed to be named, objectives, and their measures."""
    named, _unnamed = named_members(community)
    members = ExportTable(
        "membres.csv",
        _("Members who agreed to be named, with their organisation and role."),
        [_("Name"), _("Organisation"), _("Role"), _("Guest expert until"), _("Since")],
        [
            [
                str(m.user.public_name),
                m.user.organisation.name if m.user.organisation else "",
                str(m.shown_role),
                m.guest_expert_until if m.is_guest_expert else None,
                timezone.localdate(m.joined_at) if m.joined_at else None,
            ]
            for m in named
        ],
    )
    objectives = method_selectors.objectives_of(community)
    objective_table = ExportTable(
        "objectifs.csv",
        _("Objectives, with their latest measure and progress."),
        [
            _("Objective"),
            _("Status"),
            _("Indicator"),
            _("Unit"),
            _("Baseline"),
            _("Target"),
            _("Latest measure"),
            _("Measured on"),
            _("Progress (%)"),
            _("Due date"),
        ],
        [
            [
                o.title,
                str(o.get_status_display()),
                o.indicator,
                o.unit,
                o.baseline,
                o.target,
                o.latest_value,
                o.latest_on,
                o.percent,
                o.due_date,
            ]
            for o in objectives
        ],
    )
    titles = {o.pk: o for o in objectives}
    measures = ExportTable(
        "mesures.csv",
        _("Every measure of the objectives, oldest first."),
        [_("Objective"), _("Measured on"), _("Value"), _("Unit"), _("Comment")],
        [
            [
                titles[u.objective_id].title,
                u.measured_on,
                u.value,
                titles[u.objective_id].unit,
                u.comment,
            ]
            for u in ObjectiveProgress.objects.filter(
                objective__community=community
            ).order_by("objective__created_at", "objective_id", "measured_on", "pk")
        ],
    )
    return [members, objective_table, measures]


# Writing the ZIP ------------------------------------------------------------------


def _part_name(module_path: str) -> str:
    """``maillage.conversations.export`` → ``conversations``."""
    parts = module_path.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "maillage" else module_path


# A cell starting with one of these would be read as a formula by a spreadsheet.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A value as a CSV cell: numbers as people write them in the document's
    language, dates as YYYY-MM-DD, text never taken for a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        elif isinstance(value, Decimal):
            value = value.normalize()
        return formats.number_format(value, use_l10n=True)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    if text.startswith(_FORMULA_STARTS):
        text = "'" + text
    return text


def write_csv(table: ExportTable) -> bytes:
    """The table as CSV: UTF-8 with a byte order mark, separated by semicolons."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _language_of(person) -> str:
    language = getattr(person, "language", "") or settings.LANGUAGE_CODE
    return "en" if language.startswith("en") else "fr"


def write_community_export(*, actor, community: Community, fileobj) -> None:
    """Write the ZIP of everything ``community`` holds into ``fileobj``.

    For facilitators and staff, archived or not. The ZIP holds ``LISEZMOI.html``
    (to read, in French, or in English for someone who chose it), the CSV tables,
    ``manifest.json``, one ``<app>.json`` per export module and the files under
    ``files/``.
    """
    membership = permissions.membership_of(actor, community)
    if not permissions.can_export(actor, community, membership):
        raise PermissionDenied
    modules = [
        (_part_name(path), import_module(path))
        for path in settings.MAILLAGE_COMMUNITY_EXPORT_MODULES
    ]
    language = _language_of(actor)
    with (
        translation.override(language),
        zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        parts, files, sections, tables = [], [], [], []
        for name, module in modules:
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
            if hasattr(module, "export_readme_sections"):
                sections += module.export_readme_sections(community)
            if hasattr(module, "export_tables"):
                tables += module.export_tables(community)
        for table in tables:
            archive.writestr(table.filename, write_csv(table))
        exported_at = timezone.now()
        archive.writestr(
            "LISEZMOI.html",
            render_to_string(
                "communities/export/lisezmoi.html",
                {
                    "community": community,
                    "language": language,
                    "sections": sections,
                    "tables": tables,
                    "parts": parts,
                    "has_files": bool(files),
                    "exported_at": exported_at,
                    "exported_by": actor,
                },
            ),
        )
        manifest = {
            "community": community.slug,
            "name": community.name,
            "exported_at": exported_at.isoformat(),
            "exported_by": _who(actor),
            "readme": "LISEZMOI.html",
            "tables": [table.filename for table in tables],
            "parts": parts,
            "files": files,
        }
        archive.writestr(
            "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2)
        )
