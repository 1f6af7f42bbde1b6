"""The full export of a community: a ZIP to read, to hand over and to reuse.

Each module listed in ``settings.MAILLAGE_COMMUNITY_EXPORT_MODULES`` offers
``export_community_data(community) -> dict`` (its JSON) and may offer
``community_files(community) -> list[(archive_name, storage_name)]``,
``export_readme_sections(community) -> list[ReadmeSection]`` (its part of
``LISEZMOI.html``, placed by each section's ``order``) and
``export_tables(community) -> list[ExportTable]`` (its CSV files). This module
is the communities app's own (the community, its members and invitations); the
method's is ``method/export.py``. ``write_community_export`` puts them all
together, in the language of the person who exports.

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

from . import permissions
from .models import Community, Invitation, Membership


def when(value):
    """A date or time as ISO text for the JSON (None stays None)."""
    return value.isoformat() if value is not None else None


def who(user):
    """A person as the JSON names them: their public name ("Former member" for
    a deleted account), or None."""
    return str(user.public_name) if user is not None else None


def export_community_data(community: Community) -> dict:
    """What the communities app holds about ``community``: its presentation, its
    memberships and invitations."""
    memberships = Membership.objects.filter(community=community).select_related(
        "user__organisation"
    )
    invitations = Invitation.objects.filter(community=community).select_related(
        "invited_by"
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
            "created_at": when(community.created_at),
            "archived_at": when(community.archived_at),
        },
        "memberships": [
            {
                "person": who(m.user),
                "organisation": m.user.organisation.name
                if m.user.organisation and not m.user.is_deleted
                else None,
                "role": m.role,
                "state": m.state,
                "joined_at": when(m.joined_at),
            }
            for m in memberships
        ],
        "invitations": [
            {
                "email": i.email,
                "role": i.role,
                "invited_by": who(i.invited_by),
                "created_at": when(i.created_at),
                "accepted_at": when(i.accepted_at),
                "declined_at": when(i.declined_at),
                "revoked_at": when(i.revoked_at),
            }
            for i in invitations
        ],
    }


def community_files(community: Community) -> list[tuple[str, str]]:
    """The communities app stores no file of its own."""
    return []


# What to read and the tables -----------------------------------------------------


@dataclass
class ReadmeSection:
    """A part of ``LISEZMOI.html``: a heading and its HTML, every user text in it
    escaped (or rendered through ``core.markdown``, which sanitises). Parts come
    by ``order``, then in the order of the modules: the presentation at 10, a
    dissolved community's closing summary at 20, the charter at 30, the
    objectives at 40, the members at 50, the lifecycle at 60, others after."""

    anchor: str
    title: str
    html: SafeString
    order: int = 100


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


def _section(anchor, title, template, context, order) -> ReadmeSection:
    html = render_to_string(f"communities/export/{template}", context)
    return ReadmeSection(anchor, title, html, order)


def export_readme_sections(community: Community) -> list[ReadmeSection]:
    """The community's presentation and its members (those who agreed to be
    named); the method adds its parts between them and after."""
    named, unnamed = named_members(community)
    presentation = {
        "community": community,
        "regions": list(community.regions.order_by("code")),
        "sectors": list(community.sectors.all()),
    }
    members = {"named": named, "unnamed": unnamed}
    return [
        _section(
            "presentation", _("Presentation"), "presentation.html", presentation, 10
        ),
        _section("membres", _("Members"), "members.html", members, 50),
    ]


def export_tables(community: Community) -> list[ExportTable]:
    """Members who agreed to be named, with their organisation and role."""
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
    return [members]


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
        sections.sort(key=lambda section: section.order)
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
            "exported_by": who(actor),
            "readme": "LISEZMOI.html",
            "tables": [table.filename for table in tables],
            "parts": parts,
            "files": files,
        }
        archive.writestr(
            "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2)
        )
