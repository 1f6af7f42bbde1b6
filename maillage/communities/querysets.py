from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone


class CommunityQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Communities whose presentation ``user`` may see (and so may list).

        Public and restricted communities are listed for everyone; a private one
        only for its active members, its invitees and staff.
        """
        if user.is_authenticated and user.is_staff:
            return self
        listed = models.Q(visibility__in=["public", "restricted"])
        if not user.is_authenticated:
            return self.filter(listed)
        members = self.model.objects.filter(
            memberships__user=user, memberships__state="active"
        ).values("pk")
        # Invitees are those with a pending invitation, not a stale 'invited' row.
        invited = (
            self.model.invitations.rel.related_model.objects.pending()
            .filter(email__iexact=user.email)
            .values("community_id")
        )
        return self.filter(listed | models.Q(pk__in=members) | models.Q(pk__in=invited))

    def content_visible_to(self, user):
        """Communities whose content (beyond the presentation) ``user`` may read."""
        if user.is_authenticated and user.is_staff:
            return self
        public = models.Q(visibility="public")
        if not user.is_authenticated:
            return self.filter(public)
        ids = self.model.objects.filter(
            memberships__user=user, memberships__state="active"
        ).values("pk")
        return self.filter(public | models.Q(pk__in=ids))

    def recount_members(self):
        """Store each community's number of active members in ``member_count``.

        Called by ``Membership.save()`` and ``delete()``, and after any write
        that bypasses them (``QuerySet.update``, ``bulk_create``).
        """
        memberships = self.model.memberships.rel.related_model.objects
        count = (
            memberships.filter(community=models.OuterRef("pk"), state="active")
            .order_by()
            .values("community")
            .annotate(total=models.Count("pk"))
            .values("total")
        )
        return self.update(
            member_count=Coalesce(
                models.Subquery(count, output_field=models.IntegerField()), 0
            )
        )


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state="active")

    def facilitators(self):
        return self.active().filter(role="facilitator")

    def guest_experts(self):
        """Active guest experts whose end date, if any, has not passed."""
        return self.active().filter(
            models.Q(guest_expert_until__isnull=True)
            | models.Q(guest_expert_until__gte=timezone.localdate()),
            role="guest_expert",
        )

    def shown_as(self, role: str):
        """Memberships whose role, as pages show it, is ``role``: guest experts
        past their end date show as members."""
        current = models.Q(guest_expert_until__isnull=True) | models.Q(
            guest_expert_until__gte=timezone.localdate()
        )
        if role == "guest_expert":
            return self.filter(current, role=role)
        if role == "member":
            return self.filter(
                models.Q(role="member") | models.Q(role="guest_expert") & ~current
            )
        return self.filter(role=role)

    def requested(self):
        return self.filter(state="requested")


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True,
            declined_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
