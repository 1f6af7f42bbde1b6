"""Page-shaped reads of the method; each costs a fixed number of queries."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from difflib import SequenceMatcher

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst

from maillage.communities import selectors as community_selectors
from maillage.communities.models import Community

from .models import (
    Charter,
    CharterRevision,
    CommunityProposal,
    CommunitySetupStep,
    Dissolution,
    Objective,
    ObjectiveProgress,
    Reorientation,
    SetupStepTemplate,
    StageChange,
)
from .stages import GUIDES, guide_for

# Objectives due within this many days show on the dashboard.
DUE_SOON_DAYS = 30


# Guide and proposals --------------------------------------------------------------


def guide_steps() -> list[SetupStepTemplate]:
    """The guide's key steps, as staff keep them in the admin."""
    return list(SetupStepTemplate.objects.filter(is_active=True))


def stage_guides():
    return GUIDES


def proposals_of(user) -> list[CommunityProposal]:
    """The proposals ``user`` sent, newest first, with the community each became."""
    if not user.is_authenticated:
        return []
    return list(
        CommunityProposal.objects.filter(proposer=user).select_related("community")
    )


def proposals_for_review() -> list[CommunityProposal]:
    """Every proposal, pending ones first, with what the staff list shows."""
    proposals = CommunityProposal.objects.select_related(
        "proposer", "community", "decided_by"
    ).prefetch_related("regions")
    return sorted(proposals, key=lambda p: not p.is_pending)


# Setup path -----------------------------------------------------------------------


@dataclass
class SetupPath:
    steps: list[CommunitySetupStep]

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def finished(self) -> int:
        return sum(1 for step in self.steps if step.is_finished)

    @property
    def percent(self) -> int:
        return round(self.finished * 100 / self.total) if self.steps else 0

    @property
    def left(self) -> list[CommunitySetupStep]:
        return [step for step in self.steps if not step.is_finished]

    def numbered(self, number) -> CommunitySetupStep | None:
        """The step shown as ``number`` (1 for the first), or None."""
        if isinstance(number, int) and 1 <= number <= len(self.steps):
            return self.steps[number - 1]
        return None

    def with_pk(self, pk: int) -> CommunitySetupStep | None:
        return next((step for step in self.steps if step.pk == pk), None)

    def next_left(self, after: CommunitySetupStep | None = None):
        """The first step not finished after ``after`` (going round to the start),
        else ``after`` itself when it is not finished, else None."""
        start = self.steps.index(after) + 1 if after in self.steps else 0
        for step in self.steps[start:] + self.steps[:start]:
            if not step.is_finished and step != after:
                return step
        if after in self.steps and not after.is_finished:
            return self.steps[start - 1]
        return None


def setup_path(community: Community) -> SetupPath:
    """The community's steps in order, each with its ``number`` (1, 2...)."""
    steps = list(
        CommunitySetupStep.objects.filter(community=community).select_related(
            "changed_by"
        )
    )
    for number, step in enumerate(steps, start=1):
        step.number = number
    return SetupPath(steps)


# Charter --------------------------------------------------------------------------

_DATE_FIELDS = {"review_date", "adopted_on"}
# Words with the spaces after them (and any leading spaces), so that a diff keeps
# the text's spacing and never splits a change around a lone space.
_TOKENS = re.compile(r"^\s+|\S+\s*")


@dataclass
class FieldChange:
    label: str
    segments: list[tuple[str, str]]


@dataclass
class RevisionEntry:
    revision: CharterRevision
    changes: list[FieldChange] = field(default_factory=list)


def charter_of(community: Community) -> Charter | None:
    return (
        Charter.objects.filter(community=community).select_related("updated_by").first()
    )


def charter_revision_count(community: Community) -> int:
    return CharterRevision.objects.filter(community=community).count()


def _shown(name: str, value: str) -> str:
    if name in _DATE_FIELDS and value:
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    return value or ""


def diff_text(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level differences as (``equal`` | ``delete`` | ``insert``, text)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments = []
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("insert", "".join(b[j1:j2])))
    return segments


def charter_changes(before: dict | None, after: dict) -> list[FieldChange]:
    """What changed from one revision's values to the next, field by field."""
    before = before or {}
    changes = []
    for name in Charter.FIELDS:
        old = _shown(name, before.get(name, ""))
        new = _shown(name, after.get(name, ""))
        if old != new:
            label = capfirst(Charter._meta.get_field(name).verbose_name)
            changes.append(FieldChange(label, diff_text(old, new)))
    return changes


def charter_history(community: Community) -> list[RevisionEntry]:
    """Revisions, newest first, each with its changes from the one before."""
    revisions = list(
        CharterRevision.objects.filter(community=community)
        .select_related("created_by")
        .order_by("number")
    )
    entries, previous = [], None
    for revision in revisions:
        entries.append(
            RevisionEntry(revision, charter_changes(previous, revision.values))
        )
        previous = revision.values
    return entries[::-1]


# Objectives -----------------------------------------------------------------------


def _latest(column: str):
    return Subquery(
        ObjectiveProgress.objects.filter(objective=OuterRef("pk"))
        .order_by("-measured_on", "-created_at", "-pk")
        .values(column)[:1]
    )


def _with_progress(objectives):
    """Annotate the latest measure and compute each objective's percentage."""
    rows = list(
        objectives.annotate(
            latest_value=_latest("value"), latest_on=_latest("measured_on")
        )
    )
    today = timezone.localdate()
    for objective in rows:
        objective.percent = objective.percent_of(objective.latest_value)
        objective.is_overdue = bool(
            objective.is_open and objective.due_date and objective.due_date < today
        )
    return rows


def objectives_of(community: Community) -> list[Objective]:
    """All objectives, open ones first, each with its latest measure."""
    rows = _with_progress(Objective.objects.filter(community=community))
    return sorted(rows, key=lambda o: (not o.is_open, o.due_date or date.max))


def review_is_due(objectives: list[Objective]) -> bool:
    """True when there are objectives and none is left planned or in progress."""
    return bool(objectives) and not any(o.is_open for o in objectives)


def objective_history(objective: Objective) -> list[ObjectiveProgress]:
    """The objective's measures, latest first; each knows its objective (no query)."""
    return list(objective.progress_updates.select_related("recorded_by"))


# Stages and closing ---------------------------------------------------------------


@dataclass
class TimelineEvent:
    kind: str
    when: datetime
    actor: object
    row: object


def stage_timeline(community: Community) -> list[TimelineEvent]:
    """Stage changes, reorientations, dissolutions and reopenings, newest first."""
    events = [
        TimelineEvent("stage", c.created_at, c.changed_by, c)
        for c in StageChange.objects.filter(community=community).select_related(
            "changed_by"
        )
    ]
    events += [
        TimelineEvent("reorientation", r.created_at, r.reoriented_by, r)
        for r in Reorientation.objects.filter(community=community).select_related(
            "reoriented_by"
        )
    ]
    for d in Dissolution.objects.filter(community=community).select_related(
        "dissolved_by", "reopened_by"
    ):
        if d.achieved or d.learned:
            events.append(TimelineEvent("dissolution", d.created_at, d.dissolved_by, d))
        if d.reopened_at:
            events.append(TimelineEvent("reopening", d.reopened_at, d.reopened_by, d))
    return sorted(events, key=lambda e: e.when, reverse=True)


def with_last_reorientation(communities: QuerySet) -> QuerySet:
    """Each community with ``last_reoriented_at``, the date of its latest
    reorientation (None if never), read in the same query; its status line says
    it (``Community.stage_status``)."""
    latest = (
        Reorientation.objects.filter(community=OuterRef("pk"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    return communities.annotate(last_reoriented_at=Subquery(latest))


def current_dissolution(community: Community) -> Dissolution | None:
    """The closing summary of an archived community (None when it is live)."""
    if not community.is_archived:
        return None
    return (
        Dissolution.objects.filter(community=community, reopened_at__isnull=True)
        .select_related("dissolved_by")
        .first()
    )


# Dashboard ------------------------------------------------------------------------


@dataclass
class Dashboard:
    requests: list
    invitations: list
    steps_left: list[CommunitySetupStep]
    step_total: int
    objectives_due: list[Objective]
    objective_count: int
    open_objective_count: int
    review_due: bool
    stage_guide: object

    @property
    def needs_nothing(self) -> bool:
        return not (
            self.requests
            or self.invitations
            or self.steps_left
            or self.objectives_due
            or self.review_due
        )


def dashboard(community: Community, *, with_membership_work=True) -> Dashboard:
    """What needs the facilitators' attention in ``community``; without the
    pending requests and invitations when ``with_membership_work`` is False (a
    sponsor's read-only view)."""
    path = setup_path(community)
    objectives = objectives_of(community)
    horizon = timezone.localdate() + timedelta(days=DUE_SOON_DAYS)
    requests = invitations = []
    if with_membership_work:
        requests = list(community_selectors.pending_requests(community))
        invitations = community_selectors.pending_invitations(community)
    return Dashboard(
        requests=requests,
        invitations=invitations,
        steps_left=path.left,
        step_total=path.total,
        objectives_due=[
            o for o in objectives if o.is_open and o.due_date and o.due_date <= horizon
        ],
        objective_count=len(objectives),
        open_objective_count=sum(1 for o in objectives if o.is_open),
        review_due=review_is_due(objectives),
        stage_guide=guide_for(community.stage),
    )
