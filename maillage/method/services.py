"""Writes of the method: proposals, setup path, charter, objectives, stages, closing.

Keyword-only functions, the acting user passed in, one transaction each,
permissions enforced here, e-mail sent after commit. Every write to a community
first locks its row and refuses if it is archived
(``communities.services.lock_live``). The writes that change ``Community.stage``,
``domain`` (reorienting) and ``archived_at`` are here.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.communities.models import Community
from maillage.communities.permissions import can_steer, is_staff, membership_of
from maillage.communities.services import (
    lock_live,
    start_community,
    withdraw_invitations_and_requests,
)
from maillage.core.mail import send_templated_mail_on_commit
from maillage.core.site import absolute_url
from maillage.core.submissions import submitted_once

from . import notifying, permissions
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

Step = CommunitySetupStep.Status


def _require_steering(actor, community: Community) -> Community:
    """Lock the live community and check that ``actor`` facilitates it (or is staff)."""
    community = lock_live(community)
    own = membership_of(actor, community)
    if not can_steer(actor, community, own):
        raise PermissionDenied
    return community


def _required(**fields) -> None:
    """Refuse blank required texts, each error attached to its field."""
    errors = {
        name: _("This field is required.")
        for name, value in fields.items()
        if not (value or "").strip()
    }
    if errors:
        raise ValidationError(errors, code="required")


# Proposals ----------------------------------------------------------------------


@transaction.atomic
@submitted_once(by="proposer")
def propose_community(
    *,
    proposer: User,
    role: str,
    organisation: str,
    name: str,
    domain: str,
    regions,
    needs: str,
) -> CommunityProposal:
    """Propose a community on a territory; staff review it, told in the site and
    by e-mail (``notifying.tell_staff``)."""
    if not permissions.can_propose_community(proposer):
        raise PermissionDenied
    _required(role=role, organisation=organisation, name=name, domain=domain)
    _required(needs=needs)
    if not regions:
        raise ValidationError({"regions": _("Choose at least one region.")})
    proposal = CommunityProposal.objects.create(
        proposer=proposer,
        role=role.strip(),
        organisation=organisation.strip(),
        name=name.strip(),
        domain=domain.strip(),
        needs=needs.strip(),
    )
    proposal.regions.set(regions)
    notifying.tell_staff(proposal)
    return proposal


def _pending_proposal(actor, proposal: CommunityProposal) -> CommunityProposal:
    if not permissions.can_review_proposals(actor):
        raise PermissionDenied
    proposal = CommunityProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_pending:
        raise ValidationError(
            _("This proposal has already been answered."), code="decided"
        )
    return proposal


def _tell_proposer(proposal: CommunityProposal, *, accepted: bool) -> None:
    person = proposal.proposer
    url = (
        absolute_url(proposal.community.get_absolute_url())
        if accepted
        else absolute_url(reverse("method:guide"))
    )
    send_templated_mail_on_commit(
        template_prefix=(
            "method/email/proposal_accepted"
            if accepted
            else "method/email/proposal_declined"
        ),
        to=person.email,
        language=person.language,
        context={
            "proposal": proposal,
            "person": person,
            "community": proposal.community,
            "message": proposal.decision_message,
            "url": url,
        },
    )


@transaction.atomic
@submitted_once(by="actor")
def accept_proposal(
    *,
    actor: User,
    proposal: CommunityProposal,
    name: str,
    slug: str,
    domain: str,
    description: str = "",
    regions,
    sectors=(),
    visibility: str = Community.Visibility.PRIVATE,
    join_policy: str = Community.JoinPolicy.INVITATION,
    message: str = "",
) -> Community:
    """Staff turn a proposal into a community whose proposer is the facilitator.

    The values may differ from the proposal's (staff adjust them first); the
    proposer is told by e-mail.
    """
    proposal = _pending_proposal(actor, proposal)
    if proposal.proposer.is_deleted:
        raise ValidationError(
            _("The person who proposed this community deleted their account."),
            code="proposer_deleted",
        )
    community = start_community(
        facilitator=proposal.proposer,
        name=name,
        slug=slug,
        domain=domain,
        description=description,
        regions=regions,
        sectors=sectors,
        visibility=visibility,
        join_policy=join_policy,
    )
    proposal.status = CommunityProposal.Status.ACCEPTED
    proposal.community = community
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.decision_message = message.strip()
    proposal.save()
    _tell_proposer(proposal, accepted=True)
    return community


@transaction.atomic
def decline_proposal(
    *, actor: User, proposal: CommunityProposal, message: str
) -> CommunityProposal:
    """Staff decline a proposal with a message saying why; the proposer is told."""
    proposal = _pending_proposal(actor, proposal)
    _required(message=message)
    proposal.status = CommunityProposal.Status.DECLINED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.decision_message = message.strip()
    proposal.save()
    _tell_proposer(proposal, accepted=False)
    return proposal


# Setup path ---------------------------------------------------------------------


def copy_setup_path(community: Community) -> list[CommunitySetupStep]:
    """Give the community its own copy of the active setup-step templates.

    A copy, not a link: later edits to the templates leave this path unchanged.
    """
    return CommunitySetupStep.objects.bulk_create(
        CommunitySetupStep(
            community=community,
            template=template,
            position=template.position,
            title_fr=template.title_fr,
            title_en=template.title_en,
            advice_fr=template.advice_fr,
            advice_en=template.advice_en,
            deliverable_fr=template.deliverable_fr,
            deliverable_en=template.deliverable_en,
        )
        for template in SetupStepTemplate.objects.filter(is_active=True)
    )


def community_started(community: Community) -> None:
    """Every new community gets its setup path (listed in
    ``settings.MAILLAGE_COMMUNITY_START_MODULES``, called by
    ``communities.services.start_community`` in its transaction)."""
    copy_setup_path(community)


@transaction.atomic
def update_setup_step(
    *,
    actor: User,
    step: CommunitySetupStep,
    status: str,
    notes: str = "",
    skip_reason: str = "",
) -> CommunitySetupStep:
    """Record a step's status and notes; skipping a step needs a reason."""
    _require_steering(actor, step.community)
    if status not in Step.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    skip_reason = skip_reason.strip()
    if status == Step.SKIPPED and not skip_reason:
        raise ValidationError(
            {"skip_reason": _("Say why this step is skipped.")}, code="required"
        )
    step = CommunitySetupStep.objects.select_for_update().get(pk=step.pk)
    # The reason belongs to a skip; it would mislead on a step taken up again.
    new = {
        "status": status,
        "notes": notes.strip(),
        "skip_reason": skip_reason if status == Step.SKIPPED else "",
    }
    if all(getattr(step, name) == value for name, value in new.items()):
        return step
    for name, value in new.items():
        setattr(step, name, value)
    step.changed_by = actor
    step.changed_at = timezone.now()
    step.save()
    return step


# Charter ------------------------------------------------------------------------


@transaction.atomic
def save_charter(
    *,
    actor: User,
    community: Community,
    mandate: str,
    domain: str,
    who_may_join: str = "",
    rhythm: str = "",
    meeting_formats: str = "",
    rules_of_engagement: str = "",
    lifespan: str = "",
    review_date: date | None = None,
    adopted_on: date | None = None,
    note: str = "",
) -> CharterRevision | None:
    """Save the charter and keep the new state as a revision.

    Returns the new revision, or None when nothing changed (no empty revision).
    """
    community = _require_steering(actor, community)
    _required(mandate=mandate, domain=domain)
    if adopted_on is not None and adopted_on > timezone.localdate():
        raise ValidationError(
            {"adopted_on": _("The adoption date cannot be in the future.")}
        )
    charter = Charter.objects.filter(community=community).first() or Charter(
        community=community
    )
    before = charter.values() if charter.pk else None
    for name, value in {
        "mandate": mandate,
        "domain": domain,
        "who_may_join": who_may_join,
        "rhythm": rhythm,
        "meeting_formats": meeting_formats,
        "rules_of_engagement": rules_of_engagement,
        "lifespan": lifespan,
    }.items():
        setattr(charter, name, value.strip())
    charter.review_date = review_date
    charter.adopted_on = adopted_on
    if charter.values() == before:
        return None
    charter.updated_by = actor
    charter.save()
    last = community.charter_revisions.order_by("-number").first()
    return CharterRevision.objects.create(
        community=community,
        number=(last.number + 1) if last else 1,
        values=charter.values(),
        note=note.strip(),
        created_by=actor,
    )


# Objectives ---------------------------------------------------------------------


def _check_objective(title, baseline, target, status) -> None:
    _required(title=title)
    if status not in Objective.Status.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    if target is not None and baseline is not None and target == baseline:
        raise ValidationError(
            {"target": _("The target must differ from the baseline.")}
        )


@transaction.atomic
@submitted_once(by="actor")
def create_objective(
    *,
    actor: User,
    community: Community,
    title: str,
    description: str = "",
    indicator: str = "",
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    unit: str = "",
    due_date: date | None = None,
    status: str = Objective.Status.PLANNED,
) -> Objective:
    """Add an objective to the community (facilitators and staff)."""
    community = _require_steering(actor, community)
    _check_objective(title, baseline, target, status)
    return Objective.objects.create(
        community=community,
        title=title.strip(),
        description=description.strip(),
        indicator=indicator.strip(),
        baseline=baseline,
        target=target,
        unit=unit.strip(),
        due_date=due_date,
        status=status,
        created_by=actor,
    )


@transaction.atomic
def update_objective(
    *,
    actor: User,
    objective: Objective,
    title: str,
    description: str = "",
    indicator: str = "",
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    unit: str = "",
    due_date: date | None = None,
    status: str,
) -> Objective:
    """Change an objective, its status included; its progress history stays."""
    _require_steering(actor, objective.community)
    _check_objective(title, baseline, target, status)
    objective.title = title.strip()
    objective.description = description.strip()
    objective.indicator = indicator.strip()
    objective.baseline = baseline
    objective.target = target
    objective.unit = unit.strip()
    objective.due_date = due_date
    objective.status = status
    objective.save()
    return objective


@transaction.atomic
@submitted_once(by="actor")
def record_progress(
    *,
    actor: User,
    objective: Objective,
    value: Decimal,
    measured_on: date,
    comment: str = "",
) -> ObjectiveProgress:
    """Record a dated measure; a planned objective is then in progress."""
    _require_steering(actor, objective.community)
    if measured_on > timezone.localdate():
        raise ValidationError(
            {"measured_on": _("A measure cannot be dated in the future.")}
        )
    progress = ObjectiveProgress.objects.create(
        objective=objective,
        value=value,
        measured_on=measured_on,
        comment=comment.strip(),
        recorded_by=actor,
    )
    if objective.status == Objective.Status.PLANNED:
        objective.status = Objective.Status.IN_PROGRESS
        objective.save(update_fields=["status", "updated_at"])
    return progress


# Lifecycle stages -----------------------------------------------------------------


def _move_to_stage(community, *, actor, stage, reason) -> StageChange:
    change = StageChange.objects.create(
        community=community,
        from_stage=community.stage,
        to_stage=stage,
        reason=reason.strip(),
        changed_by=actor,
    )
    community.stage = stage
    community.save(update_fields=["stage", "updated_at"])
    return change


@transaction.atomic
def change_stage(
    *, actor: User, community: Community, stage: str, reason: str
) -> StageChange:
    """Move the community to another lifecycle stage, saying why."""
    locked = _require_steering(actor, community)
    if stage not in Community.Stage.values:
        raise ValidationError({"stage": _("Choose a valid stage.")})
    if stage == locked.stage:
        raise ValidationError(
            {"stage": _("The community is already at this stage.")}, code="same"
        )
    _required(reason=reason)
    change = _move_to_stage(locked, actor=actor, stage=stage, reason=reason)
    community.stage = locked.stage
    return change


# Closing --------------------------------------------------------------------------


@transaction.atomic
def dissolve_community(
    *, actor: User, community: Community, achieved: str, learned: str
) -> Dissolution:
    """Close the community with its summary, then archive it (read-only).

    Memberships stay as they were, so members keep reading it; pending
    invitations are withdrawn and pending requests closed, since nobody can
    join any more.
    """
    locked = _require_steering(actor, community)
    _required(achieved=achieved, learned=learned)
    withdraw_invitations_and_requests(actor=actor, community=locked)
    now = timezone.now()
    dissolution = Dissolution.objects.create(
        community=locked,
        achieved=achieved.strip(),
        learned=learned.strip(),
        dissolved_by=actor,
        created_at=now,
    )
    locked.archived_at = now
    locked.save(update_fields=["archived_at", "updated_at"])
    community.archived_at = now
    return dissolution


@transaction.atomic
def reorient_community(
    *,
    actor: User,
    community: Community,
    domain: str,
    reason: str,
    stage: str = "",
) -> Reorientation:
    """Turn the community to a new domain (or new objectives), saying why.

    Earlier objectives and charter revisions stay as they are, in the history.
    A new stage, when given, is recorded as a stage change with the same reason.
    """
    locked = _require_steering(actor, community)
    _required(domain=domain, reason=reason)
    if stage and stage not in Community.Stage.values:
        raise ValidationError({"stage": _("Choose a valid stage.")})
    reorientation = Reorientation.objects.create(
        community=locked,
        previous_domain=locked.domain,
        new_domain=domain.strip(),
        reason=reason.strip(),
        reoriented_by=actor,
    )
    locked.domain = domain.strip()
    locked.save(update_fields=["domain", "updated_at"])
    if stage and stage != locked.stage:
        _move_to_stage(locked, actor=actor, stage=stage, reason=reason)
    community.domain, community.stage = locked.domain, locked.stage
    return reorientation


@transaction.atomic
def reopen_community(*, actor: User, community: Community, reason: str) -> Dissolution:
    """Staff undo an archive; the closing summary stays in the history."""
    locked = Community.objects.select_for_update().get(pk=community.pk)
    if not is_staff(actor):
        raise PermissionDenied
    if not locked.is_archived:
        raise ValidationError(_("This community is not archived."), code="live")
    _required(reason=reason)
    dissolution = locked.dissolutions.filter(reopened_at__isnull=True).first()
    now = timezone.now()
    if dissolution is None:
        # Archived without a dissolution (by staff in the admin): record one.
        dissolution = Dissolution(community=locked, achieved="", learned="")
    dissolution.reopened_at = now
    dissolution.reopened_by = actor
    dissolution.reopen_reason = reason.strip()
    dissolution.save()
    locked.archived_at = None
    locked.save(update_fields=["archived_at", "updated_at"])
    community.archived_at = None
    return dissolution
