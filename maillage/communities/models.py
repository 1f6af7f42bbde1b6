from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.core.models import TimeStampedModel

from .querysets import CommunityQuerySet, InvitationQuerySet, MembershipQuerySet


class Community(TimeStampedModel):
    """A community of practice: a domain, a territory, members."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        RESTRICTED = "restricted", _("Restricted")
        PRIVATE = "private", _("Private")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open to all")
        REQUEST = "request", _("On request")
        INVITATION = "invitation", _("On invitation only")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_("Lower-case letters, digits and hyphens; used in links."),
    )
    domain = models.CharField(
        _("domain"),
        max_length=200,
        help_text=_("The shared theme that brings members together."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown formatting is allowed.")
    )
    regions = models.ManyToManyField(
        "territories.Region", related_name="communities", verbose_name=_("regions")
    )
    sectors = models.ManyToManyField(
        "organisations.Sector",
        blank=True,
        related_name="communities",
        verbose_name=_("sectors of focus"),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    join_policy = models.CharField(
        _("join policy"),
        max_length=12,
        choices=JoinPolicy.choices,
        default=JoinPolicy.INVITATION,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    # Set when the community is dissolved: it becomes read-only everywhere.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = CommunityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("communities:community_detail", args=[self.slug])

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Membership(TimeStampedModel):
    """A person's place in a community: a role and a state."""

    class Role(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        SPONSOR = "sponsor", _("Sponsor")
        MEMBER = "member", _("Member")
        GUEST_EXPERT = "guest_expert", _("Guest expert")

    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        REQUESTED = "requested", _("Requested")
        ACTIVE = "active", _("Active")
        LEFT = "left", _("Left")
        REMOVED = "removed", _("Removed")

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("community"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=Role.choices, default=Role.MEMBER
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    request_message = models.TextField(_("message"), blank=True, max_length=2000)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["community", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"], name="membership_unique_person"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.community} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.state == self.State.ACTIVE

    @property
    def is_facilitator(self) -> bool:
        return self.is_active and self.role == self.Role.FACILITATOR


class Invitation(TimeStampedModel):
    """An e-mailed, expiring, single-use invitation to join a community."""

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("community"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"),
        max_length=16,
        choices=Membership.Role.choices,
        default=Membership.Role.MEMBER,
    )
    message = models.TextField(_("personal message"), blank=True, max_length=2000)
    # The invitee's membership state before the invitation, restored when the
    # invitation is declined, withdrawn or expires ("" = there was no row).
    previous_state = models.CharField(
        max_length=12, blank=True, choices=Membership.State.choices, editable=False
    )
    # Only a hash of the token is stored, so a leaked database opens no door.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.community}"

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None
            and self.declined_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )
