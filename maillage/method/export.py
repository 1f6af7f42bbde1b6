"""The method's part of a community's full export (see ``communities/export.py``,
listed in ``settings.MAILLAGE_COMMUNITY_EXPORT_MODULES``): the proposal it came
from, its setup path, charter and revisions, objectives and their measures, the
stage changes, reorientations and dissolutions in ``method.json``; the closing
summary, charter, objectives and lifecycle in ``LISEZMOI.html``; ``objectifs.csv``
and ``mesures.csv``.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from maillage.communities.export import ExportTable, ReadmeSection, when, who
from maillage.communities.models import Community

from . import selectors
from .models import (
    Charter,
    CharterRevision,
    CommunityProposal,
    CommunitySetupStep,
    Dissolution,
    Objective,
    ObjectiveProgress,
    Reorientation,
    StageChange,
)

# Places in LISEZMOI.html (see ``ReadmeSection``): the presentation comes at 10
# and the members at 50.
CLOSING = 20
CHARTER = 30
OBJECTIVES = 40
LIFECYCLE = 60


def _number(value):
    # Decimals as text keep their exact value (JSON numbers are floats).
    return str(value) if value is not None else None


def export_community_data(community: Community) -> dict:
    """Everything the method holds about ``community``."""
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
        "proposals": [
            {
                "proposed_by": who(p.proposer),
                "name": p.name,
                "domain": p.domain,
                "needs": p.needs,
                "created_at": when(p.created_at),
                "decided_at": when(p.decided_at),
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
                "changed_by": who(s.changed_by),
                "changed_at": when(s.changed_at),
            }
            for s in steps
        ],
        "charter": (
            {
                **charter.values(),
                "updated_by": who(charter.updated_by),
                "updated_at": when(charter.updated_at),
            }
            if charter
            else None
        ),
        "charter_revisions": [
            {
                "number": r.number,
                "values": r.values,
                "note": r.note,
                "saved_by": who(r.created_by),
                "saved_at": when(r.created_at),
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
                "due_date": when(o.due_date),
                "status": o.status,
                "created_by": who(o.created_by),
                "created_at": when(o.created_at),
                "progress": [
                    {
                        "value": _number(u.value),
                        "measured_on": when(u.measured_on),
                        "comment": u.comment,
                        "recorded_by": who(u.recorded_by),
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
                "changed_by": who(c.changed_by),
                "date": when(c.created_at),
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
                "reoriented_by": who(r.reoriented_by),
                "date": when(r.created_at),
            }
            for r in Reorientation.objects.filter(community=community)
            .select_related("reoriented_by")
            .order_by("created_at", "pk")
        ],
        "dissolutions": [
            {
                "achieved": d.achieved,
                "learned": d.learned,
                "dissolved_by": who(d.dissolved_by),
                "date": when(d.created_at),
                "reopened_at": when(d.reopened_at),
                "reopened_by": who(d.reopened_by),
                "reopen_reason": d.reopen_reason,
            }
            for d in Dissolution.objects.filter(community=community)
            .select_related("dissolved_by", "reopened_by")
            .order_by("created_at", "pk")
        ],
    }


def _section(anchor, title, template, context, order) -> ReadmeSection:
    html = render_to_string(f"method/export/{template}", context)
    return ReadmeSection(anchor, title, html, order)


def export_readme_sections(community: Community) -> list[ReadmeSection]:
    """The closing summary when dissolved, the charter, the objectives and their
    progress, and the stage timeline."""
    sections = []
    dissolution = selectors.current_dissolution(community)
    if dissolution is not None:
        sections.append(
            _section(
                "bilan",
                _("Closing summary"),
                "closing.html",
                {"dissolution": dissolution},
                CLOSING,
            )
        )
    charter = {"charter": selectors.charter_of(community)}
    objectives = {"objectives": selectors.objectives_of(community)}
    timeline = {
        "community": community,
        "events": selectors.stage_timeline(community)[::-1],
    }
    return [
        *sections,
        _section("charte", _("Charter"), "charter.html", charter, CHARTER),
        _section(
            "objectifs", _("Objectives"), "objectives.html", objectives, OBJECTIVES
        ),
        _section("etapes", _("Lifecycle"), "timeline.html", timeline, LIFECYCLE),
    ]


def export_tables(community: Community) -> list[ExportTable]:
    """Objectives with their latest measure, and every measure."""
    objectives = selectors.objectives_of(community)
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
    return [objective_table, measures]
