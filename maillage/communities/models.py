from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from maillage.core.fields import MarkdownField
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

    class Stage(models.TextChoices):
        """Wenger's stages of development of a community of practice."""

        POTENTIAL = "potential", pgettext_lazy("lifecycle stage", "Potential")
        COALESCING = "coalescing", pgettext_lazy("lifecycle stage", "Coalescing")
        MATURING = "maturing", pgettext_lazy("lifecycle stage", "Maturing")
        STEWARDSHIP = "stewardship", pgettext_lazy("lifecycle stage", "Stewardship")
        TRANSFORMATION = (
            "transformation",
            pgettext_lazy("lifecycle stage", "Transformation"),
        )

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
    description = MarkdownField(
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

    stage = models.CharField(
        _("lifecycle stage"),
        max_length=16,
        choices=Stage.choices,
        default=Stage.POTENTIAL,
    )
    # Set when the community is dissolved: it becomes read-only everywhere.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    # Its active members, kept by ``Membership.save()``, its ``post_delete``
    # receiver and ``CommunityQuerySet.recount_members`` (for bulk writes), so
    # that lists of communities never count memberships (docs/performance.md).
    member_count = models.PositiveIntegerField(
        _("active members"), default=0, editable=False
    )

    objects = CommunityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Save, never writing back ``member_count``: the copy in memory may be
        older than the row (memberships recount it), so only they write it."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "member_count"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("communities:community_detail", args=[self.slug])

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def stage_label(self) -> str:
        """The stage to show: "Dissoute" once the community is dissolved, rather
        than the stage it had then."""
        if self.is_archived:
            return pgettext("community", "Dissolved")
        return self.get_stage_display()

    @property
    def stage_status(self) -> str:
        """What the pages say of the stage: "Étape : Maturité", or "Dissoute";
        with "Réorientée le 3 mars 2026" when the page read the community with
        its last reorientation (the method's ``selectors.with_last_reorientation``,
        through ``sections.annotate_page``)."""
        if self.is_archived:
            return self.stage_label
        status = _("Stage: %(stage)s") % {"stage": self.stage_label}
        reoriented = getattr(self, "last_reoriented_at", None)
        if reoriented is not None:
            day = date_format(timezone.localtime(reoriented), "j F Y")
            status += " · " + pgettext("community", "Reoriented on %(date)s") % {
                "date": day
            }
        return status


# A field of a membership read with ``only()``/``defer()``: its stored value is
# not known, so saving recounts.
_UNKNOWN = object()


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
    # After this day a guest expert stays a member but is no longer shown or
    # suggested as guest expert; empty: no end (and always empty for other roles).
    guest_expert_until = models.DateField(
        _("guest expert until"),
        null=True,
        blank=True,
        help_text=_("The last day the person is a guest expert; empty: no end."),
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
    # The person's name, copied here (on creation, and by a receiver when the
    # name changes) so that the member directory is read in order from an
    # index of the community's memberships, at any page (docs/performance.md).
    member_name = models.CharField(max_length=120, blank=True, editable=False)

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
        indexes = [
            # Member counts and lists of a community, by state.
            models.Index(fields=["community", "state"], name="membership_comm_state"),
            # Whether an author is a guest expert (the byline of every thread
            # and reply): PostgreSQL reads these few rows once per list.
            models.Index(
                fields=["community", "user"],
                condition=models.Q(role="guest_expert"),
                name="membership_guest_experts",
            ),
            # The member directory's order (see member_directory).
            models.Index(
                fields=["community", "state", "member_name", "user"],
                # PostgreSQL reads a page's ids from the index alone (SQLite's
                # indexes hold the id anyway, and Django leaves INCLUDE out).
                include=["id"],
                name="membership_directory",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.community} ({self.get_role_display()})"

    @classmethod
    def from_db(cls, db, field_names, values):
        membership = super().from_db(db, field_names, values)
        # What the row held, as loaded (a deferred field is not read: unknown).
        loaded = membership.__dict__
        membership._counted_as = (
            loaded.get("community_id", _UNKNOWN),
            loaded.get("state", _UNKNOWN),
        )
        return membership

    def save(self, *args, **kwargs):
        """Save, and keep the community's ``member_count`` when the state (or the
        community) changed: one UPDATE, in the caller's transaction."""
        counted_as = getattr(self, "_counted_as", (None, None))
        if self._state.adding:
            self.member_name = self.user.display_name
        super().save(*args, **kwargs)
        now = (self.community_id, self.state)
        if now != counted_as and (
            _UNKNOWN in counted_as or self.State.ACTIVE in (now[1], counted_as[1])
        ):
            ids = {now[0], counted_as[0]} - {None, _UNKNOWN}
            Community.objects.filter(pk__in=ids).recount_members()
        self._counted_as = now

    @property
    def role_sentence(self) -> str:
        """The viewer's place, said once: "Vous êtes animateur·trice"."""
        sentences = {
            self.Role.FACILITATOR: _("You are a facilitator"),
            self.Role.SPONSOR: _("You are a sponsor"),
            self.Role.MEMBER: _("You are a member"),
            self.Role.GUEST_EXPERT: _("You are a guest expert"),
        }
        sentence = sentences.get(self.role)
        if sentence is None:
            return _("Your role: %(role)s") % {"role": self.get_role_display()}
        return str(sentence)

    @property
    def is_active(self) -> bool:
        return self.state == self.State.ACTIVE

    @property
    def is_facilitator(self) -> bool:
        return self.is_active and self.role == self.Role.FACILITATOR

    @property
    def is_guest_expert(self) -> bool:
        """A guest expert whose end date, if any, has not passed."""
        return self.role == self.Role.GUEST_EXPERT and (
            self.guest_expert_until is None
            or self.guest_expert_until >= timezone.localdate()
        )

    @property
    def shown_role(self) -> str:
        """The role as pages show it: a guest expert past the end date is a member."""
        if self.role == self.Role.GUEST_EXPERT and not self.is_guest_expert:
            return self.Role.MEMBER.label
        return self.get_role_display()


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
    guest_expert_until = models.DateField(
        _("guest expert until"),
        null=True,
        blank=True,
        help_text=_(
            "For a guest expert: the last day they are shown and suggested as "
            "such. Empty: no end."
        ),
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


@receiver(post_delete, sender=Membership)
def _recount_after_delete(sender, instance, **kwargs):
    """A deleted membership, by ``delete()`` or by a cascade (a person deleted in
    the admin), leaves its community's stored count true."""
    Community.objects.filter(pk=instance.community_id).recount_members()


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def _copy_member_name(sender, instance, update_fields=None, **kwargs):
    """A person's new name goes to the copy on each of their memberships."""
    if update_fields is not None and "display_name" not in update_fields:
        return
    Membership.objects.filter(user=instance).exclude(
        member_name=instance.display_name
    ).update(member_name=instance.display_name)
