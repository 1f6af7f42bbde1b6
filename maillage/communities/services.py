"""Every write to communities, memberships and invitations goes through here."""

import hashlib
import importlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.core import site
from maillage.core.mail import send_templated_mail_on_commit
from maillage.core.submissions import submitted_once

from . import permissions
from .models import Community, Invitation, Membership

State = Membership.State
Role = Membership.Role


def _absolute(path: str) -> str:
    return site.absolute_url(path)


def _lock(community: Community) -> Community:
    """Lock the community row so that checks on its members are not raced."""
    return Community.objects.select_for_update().get(pk=community.pk)


def lock_live(community: Community) -> Community:
    """Lock the community row and refuse the write if it is archived.

    Every write to a community, here and in the apps above, starts with it:
    reading the row under the lock means a write racing a dissolution sees it.
    """
    locked = _lock(community)
    permissions.ensure_not_archived(locked)
    return locked


def _ensure_not_last_facilitator(membership: Membership) -> None:
    if not membership.is_facilitator:
        return
    others = (
        Membership.objects.facilitators()
        .filter(community_id=membership.community_id)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise ValidationError(
            _(
                "A community always keeps at least one facilitator: "
                "name another facilitator first."
            ),
            code="last_facilitator",
        )


def _guest_expert_end(role: str, until):
    """The end date kept for ``role``: only a guest expert's, never in the past."""
    if role != Role.GUEST_EXPERT or until is None:
        return None
    if until < timezone.localdate():
        raise ValidationError(
            {
                "guest_expert_until": _(
                    "The last day as guest expert cannot be in the past."
                )
            },
            code="past_end_date",
        )
    return until


def _require_manager(actor, community: Community) -> None:
    own = permissions.membership_of(actor, community)
    if not permissions.can_manage(actor, community, own):
        raise PermissionDenied


@transaction.atomic
@submitted_once(by="actor")
def create_community(
    *,
    actor: User,
    name: str,
    slug: str,
    domain: str,
    description: str = "",
    regions,
    sectors=(),
    visibility: str = Community.Visibility.PRIVATE,
    join_policy: str = Community.JoinPolicy.INVITATION,
) -> Community:
    """Create a community; its creator becomes its first facilitator."""
    if not permissions.can_launch_community(actor):
        raise PermissionDenied
    return start_community(
        facilitator=actor,
        name=name,
        slug=slug,
        domain=domain,
        description=description,
        regions=regions,
        sectors=sectors,
        visibility=visibility,
        join_policy=join_policy,
    )


def start_community(
    *,
    facilitator: User,
    name: str,
    slug: str,
    domain: str,
    description: str,
    regions,
    sectors,
    visibility: str,
    join_policy: str,
) -> Community:
    """Create the community and its first facilitator, then tell each module of
    ``settings.MAILLAGE_COMMUNITY_START_MODULES`` (``community_started(community)``,
    in this transaction: the method gives the community its setup path).

    Callers check who may do this (``create_community``; the method's
    ``accept_proposal``) and hold the transaction.
    """
    if Community.objects.filter(slug=slug).exists():
        raise ValidationError(
            {"slug": _("This web address is already taken.")}, code="unique"
        )
    community = Community.objects.create(
        name=name,
        slug=slug,
        domain=domain,
        description=description,
        visibility=visibility,
        join_policy=join_policy,
        created_by=facilitator,
    )
    community.regions.set(regions)
    community.sectors.set(sectors)
    Membership.objects.create(
        community=community,
        user=facilitator,
        role=Role.FACILITATOR,
        state=State.ACTIVE,
        joined_at=timezone.now(),
    )
    for path in settings.MAILLAGE_COMMUNITY_START_MODULES:
        importlib.import_module(path).community_started(community)
    return community


@transaction.atomic
def update_community(
    *,
    actor: User,
    community: Community,
    name: str,
    domain: str,
    description: str,
    regions,
    sectors,
    visibility: str,
    join_policy: str,
) -> Community:
    """Change a community's presentation and policies (facilitators and staff)."""
    lock_live(community)
    _require_manager(actor, community)
    community.name = name
    community.domain = domain
    community.description = description
    community.visibility = visibility
    community.join_policy = join_policy
    community.save()
    community.regions.set(regions)
    community.sectors.set(sectors)
    return community


def _activate(
    membership: Membership, *, role: str | None = None, guest_expert_until=None
) -> Membership:
    membership.state = State.ACTIVE
    if role:
        membership.role = role
        membership.guest_expert_until = (
            guest_expert_until if role == Role.GUEST_EXPERT else None
        )
    membership.joined_at = timezone.now()
    membership.save()
    return membership


@transaction.atomic
def join_community(*, user: User, community: Community) -> Membership:
    """Join an open community at once, as a member."""
    lock_live(community)
    own = permissions.membership_of(user, community)
    if not permissions.can_join(user, community, own):
        raise PermissionDenied
    if own is None:
        own = Membership(community=community, user=user, role=Role.MEMBER)
    return _activate(own, role=Role.MEMBER)


@transaction.atomic
def request_membership(
    *, user: User, community: Community, message: str = ""
) -> Membership:
    """Ask to join a community that reviews requests; facilitators are told."""
    lock_live(community)
    own = permissions.membership_of(user, community)
    if not permissions.can_request(user, community, own):
        raise PermissionDenied
    if own is None:
        own = Membership(community=community, user=user)
    own.role = Role.MEMBER
    own.guest_expert_until = None
    own.state = State.REQUESTED
    own.request_message = message
    own.decided_by = None
    own.decided_at = None
    own.save()
    requests_url = _absolute(reverse("communities:request_list", args=[community.slug]))
    facilitators = User.objects.filter(
        memberships__community=community,
        memberships__state=State.ACTIVE,
        memberships__role=Role.FACILITATOR,
    ).active()
    for facilitator in facilitators:
        send_templated_mail_on_commit(
            template_prefix="communities/email/request_received",
            to=facilitator.email,
            language=facilitator.language,
            context={
                "community": community,
                "requester": user,
                "message": message,
                "url": requests_url,
            },
        )
    return own


def _decide(*, actor: User, membership: Membership, approve: bool) -> Membership:
    lock_live(membership.community)
    _require_manager(actor, membership.community)
    membership.refresh_from_db()
    if membership.state != State.REQUESTED:
        raise ValidationError(_("This request has already been handled."))
    membership.decided_by = actor
    membership.decided_at = timezone.now()
    if approve:
        _activate(membership, role=Role.MEMBER)
    else:
        membership.state = State.LEFT
        membership.save()
    person = membership.user
    send_templated_mail_on_commit(
        template_prefix=(
            "communities/email/request_approved"
            if approve
            else "communities/email/request_declined"
        ),
        to=person.email,
        language=person.language,
        context={
            "community": membership.community,
            "person": person,
            "url": _absolute(membership.community.get_absolute_url()),
        },
    )
    return membership


@transaction.atomic
def approve_request(*, actor: User, membership: Membership) -> Membership:
    """Accept a pending request; the person is told by e-mail."""
    return _decide(actor=actor, membership=membership, approve=True)


@transaction.atomic
def decline_request(*, actor: User, membership: Membership) -> Membership:
    """Decline a pending request; the person is told by e-mail."""
    return _decide(actor=actor, membership=membership, approve=False)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link's token opens, whatever its state, or None."""
    return (
        Invitation.objects.select_related("community", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
@submitted_once(
    by="actor",
    keep=lambda answer: answer[0],
    # The token was e-mailed; only its hash is kept.
    again=lambda invitation: (invitation, ""),
)
def invite_member(
    *,
    actor: User,
    community: Community,
    email: str,
    role: str = Role.MEMBER,
    message: str = "",
    guest_expert_until=None,
) -> tuple[Invitation, str]:
    """Invite someone by e-mail, with or without an account.

    Returns the invitation and its secret token (only its hash is stored).
    A new invitation to the same address replaces the pending one. A guest
    expert may be given the last day of that role (``guest_expert_until``).
    """
    lock_live(community)
    _require_manager(actor, community)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    guest_expert_until = _guest_expert_end(role, guest_expert_until)
    email = User.objects.normalize_email(email).strip()
    existing = User.objects.active().filter(email__iexact=email).first()
    own = (
        Membership.objects.filter(community=community, user=existing).first()
        if existing
        else None
    )
    if own is not None and own.state == State.ACTIVE:
        raise ValidationError(
            {"email": _("This person is already a member of the community.")},
            code="already_member",
        )
    previous_state = state_before_invitation(community, email, own)
    now = timezone.now()
    community.invitations.pending().filter(email__iexact=email).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        community=community,
        email=email,
        role=role,
        guest_expert_until=guest_expert_until,
        message=message,
        token_hash=hash_token(token),
        invited_by=actor,
        expires_at=now + timedelta(days=settings.MAILLAGE_INVITATION_DAYS),
        previous_state=previous_state,
    )
    if existing is not None:
        if own is None:
            own = Membership(community=community, user=existing)
        own.role = role
        own.guest_expert_until = guest_expert_until
        own.state = State.INVITED
        own.save()
    send_templated_mail_on_commit(
        template_prefix="communities/email/invitation",
        to=email,
        language=existing.language if existing else settings.LANGUAGE_CODE,
        context={
            "community": community,
            "inviter": actor,
            "invitation": invitation,
            "message": message,
            "url": _absolute(reverse("communities:invitation_detail", args=[token])),
        },
    )
    return invitation, token


def state_before_invitation(community, email: str, own: Membership | None) -> str:
    """The state to restore if an invitation to ``email`` comes to nothing."""
    if own is None:
        return ""
    if own.state != State.INVITED:
        return own.state
    latest = community.invitations.filter(email__iexact=email).order_by("-created_at")
    earlier = latest.first()
    return earlier.previous_state if earlier else ""


def withdraw_invitations_and_requests(*, actor: User, community: Community) -> None:
    """Withdraw the pending invitations and close the pending requests of a
    community nobody may join any more (the method's ``dissolve_community``).

    Memberships are left as they were. Runs in the caller's transaction, on the
    community row it locked; the caller checks who may do this.
    """
    now = timezone.now()
    for invitation in community.invitations.pending():
        invitation.revoked_at = now
        invitation.save(update_fields=["revoked_at", "updated_at"])
        _restore_after_invitation(invitation)
    Membership.objects.requested().filter(community=community).update(
        state=State.LEFT, decided_by=actor, decided_at=now, updated_at=now
    )
    # Requests are not active members: nothing to recount.


def _restore_after_invitation(invitation: Invitation, *, exclude_user=None) -> None:
    """Put the invitee's 'invited' row back as it was before the invitation."""
    rows = Membership.objects.filter(
        community=invitation.community,
        user__email__iexact=invitation.email,
        state=State.INVITED,
    )
    if exclude_user is not None:
        rows = rows.exclude(user=exclude_user)
    if invitation.previous_state:
        rows.update(state=invitation.previous_state)
    else:
        rows.delete()
    # Bulk writes bypass Membership.save(): keep the stored count true.
    Community.objects.filter(pk=invitation.community_id).recount_members()


def _pending_invitation(invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(
            _("This invitation is no longer valid: it was used, withdrawn or expired."),
            code="invalid_invitation",
        )
    return invitation


@transaction.atomic
def accept_invitation(*, user: User, invitation: Invitation) -> Membership:
    """Use an invitation: the person becomes an active member with its role."""
    if not user.is_authenticated:
        raise PermissionDenied
    lock_live(invitation.community)
    invitation = _pending_invitation(invitation)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save()
    # A forwarded link may be used by someone else: the invitee's row goes back.
    _restore_after_invitation(invitation, exclude_user=user)
    own, _created = Membership.objects.get_or_create(
        community=invitation.community,
        user=user,
        defaults={"role": invitation.role, "state": State.INVITED},
    )
    if own.state == State.ACTIVE:
        return own
    return _activate(
        own, role=invitation.role, guest_expert_until=invitation.guest_expert_until
    )


@transaction.atomic
def decline_invitation(*, user: User, invitation: Invitation) -> None:
    """Turn an invitation down; the membership goes back to its earlier state."""
    if not user.is_authenticated:
        raise PermissionDenied
    lock_live(invitation.community)
    invitation = _pending_invitation(invitation)
    invitation.declined_at = timezone.now()
    invitation.save()
    _restore_after_invitation(invitation)


@transaction.atomic
def revoke_invitation(*, actor: User, invitation: Invitation) -> None:
    """Withdraw a pending invitation (facilitators and staff)."""
    lock_live(invitation.community)
    _require_manager(actor, invitation.community)
    invitation = _pending_invitation(invitation)
    invitation.revoked_at = timezone.now()
    invitation.save()
    _restore_after_invitation(invitation)


@transaction.atomic
def leave_community(*, user: User, community: Community) -> Membership:
    """Leave a community; the last facilitator must hand over first."""
    lock_live(community)
    own = permissions.membership_of(user, community)
    if not permissions.can_leave(own):
        raise PermissionDenied
    _ensure_not_last_facilitator(own)
    own.state = State.LEFT
    own.save()
    return own


@transaction.atomic
def remove_member(*, actor: User, membership: Membership) -> Membership:
    """Remove someone from a community; they cannot rejoin on their own."""
    lock_live(membership.community)
    _require_manager(actor, membership.community)
    membership.refresh_from_db()
    if membership.state != State.ACTIVE:
        raise ValidationError(_("This person is not an active member."))
    _ensure_not_last_facilitator(membership)
    membership.state = State.REMOVED
    membership.decided_by = actor
    membership.decided_at = timezone.now()
    membership.save()
    return membership


@transaction.atomic
def change_role(
    *, actor: User, membership: Membership, role: str, guest_expert_until=None
) -> Membership:
    """Give a member another role; the last facilitator cannot be demoted.

    A guest expert may be given the last day of that role (``guest_expert_until``,
    today or later); any other role has none.
    """
    lock_live(membership.community)
    _require_manager(actor, membership.community)
    membership.refresh_from_db()
    if membership.state != State.ACTIVE:
        raise ValidationError(_("This person is not an active member."))
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    guest_expert_until = _guest_expert_end(role, guest_expert_until)
    if role != Role.FACILITATOR:
        _ensure_not_last_facilitator(membership)
    membership.role = role
    membership.guest_expert_until = guest_expert_until
    membership.save()
    return membership
