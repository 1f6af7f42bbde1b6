from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maillage.core.models import TimeStampedModel
from maillage.core.text import fold

from .querysets import ConsentQuerySet, UserQuerySet


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class ExpertiseTag(models.Model):
    """A field of know-how a person declares (shared vocabulary, free additions)."""

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")

    def __str__(self):
        return self.name


class User(AbstractUser):
    """A person, identified by e-mail; the profile lives on the same row."""

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name"), max_length=120, blank=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    region = models.ForeignKey(
        "territories.Region",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("region"),
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    expertise = models.ManyToManyField(
        ExpertiseTag, blank=True, related_name="people", verbose_name=_("expertise")
    )
    open_to_contact = models.BooleanField(_("open to being contacted"), default=False)
    language = models.CharField(
        _("interface language"),
        max_length=5,
        choices=Language.choices,
        default=Language.FRENCH,
    )
    can_launch_communities = models.BooleanField(
        _("may launch communities"),
        default=False,
        help_text=_("Staff allow this person to create communities."),
    )
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    # Name and job title folded (no case, no accents) for directory searches.
    search_text = models.CharField(max_length=250, blank=True, editable=False)
    # The organisation's folded name, copied here so that a directory search is
    # one look in this table's indexes (kept by save() and a receiver on the
    # organisation's save; docs/performance.md).
    organisation_search = models.CharField(max_length=200, blank=True, editable=False)
    # Whether the person consents to the cross-community directory today: the
    # current "directory" consent, kept by the consent services and receivers.
    listed = models.BooleanField(default=False, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["display_name", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return str(self.public_name)

    def save(self, *args, update_fields=None, **kwargs):
        self.search_text = fold(f"{self.display_name} {self.job_title}")
        if update_fields is not None:
            update_fields = {*update_fields, "search_text"}
        if update_fields is None or "organisation" in update_fields:
            self.organisation_search = (
                self.organisation.normalized_name if self.organisation_id else ""
            )
            if update_fields is not None:
                update_fields.add("organisation_search")
        super().save(*args, update_fields=update_fields, **kwargs)

    def get_absolute_url(self):
        return reverse("communities:profile_detail", args=[self.pk])

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def has_empty_profile(self) -> bool:
        """No organisation, no region and no expertise: fellow members cannot tell
        who the person is (at most one query)."""
        return (
            self.organisation_id is None
            and self.region_id is None
            and not self.expertise.exists()
        )

    @property
    def public_name(self):
        """The name shown beside contributions; deleted accounts show no identity."""
        if self.deleted_at is not None:
            return _("Former member")
        return self.display_name or self.email.split("@")[0]

    def get_short_name(self) -> str:
        """The first word of the name, to greet the person ("Noémie"); "" if none."""
        words = self.display_name.split() if self.deleted_at is None else []
        return words[0] if words else ""


class Consent(models.Model):
    """One consent a person gave for a purpose, with its dates (Law 25)."""

    class Purpose(models.TextChoices):
        TERMS = "terms", _("Terms of use and privacy policy")
        EMAIL = "email_notifications", _("E-mail notifications")
        DIRECTORY = "directory", _("Listing in the cross-community directory")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    given_at = models.DateTimeField(_("given"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="consent_one_active_per_purpose",
            )
        ]

    def __str__(self):
        return str(self.get_purpose_display())


class PrivacyOfficer(TimeStampedModel):
    """The person in charge of protecting personal information, set by staff.

    A single row is used; the privacy policy page publishes it.
    """

    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)

    class Meta:
        verbose_name = _("privacy officer")
        verbose_name_plural = _("privacy officer")

    def __str__(self):
        return self.name


def refresh_listing(*people) -> None:
    """Set ``User.listed`` from each person's current "directory" consent (one
    UPDATE): after any change of consents, including ``update()``s."""
    current = Consent.objects.current().filter(
        user=models.OuterRef("pk"), purpose=Consent.Purpose.DIRECTORY
    )
    people_rows = User.objects.filter(pk__in=[p.pk for p in people])
    people_rows.update(listed=models.Exists(current))
    # The objects in memory too: a later full save() of one must not write
    # the old value back.
    listed = dict(people_rows.values_list("pk", "listed"))
    for person in people:
        person.listed = listed.get(person.pk, False)


@receiver([post_save, post_delete], sender=Consent)
def _consent_changed(sender, instance, **kwargs):
    """A consent saved or deleted one by one (the admin, a service)."""
    if instance.purpose == Consent.Purpose.DIRECTORY:
        refresh_listing(instance.user)


@receiver(post_save, sender="organisations.Organisation")
def _organisation_renamed(sender, instance, **kwargs):
    """An organisation's new name goes to the copy on each of its people."""
    User.objects.filter(organisation=instance).exclude(
        organisation_search=instance.normalized_name
    ).update(organisation_search=instance.normalized_name)
