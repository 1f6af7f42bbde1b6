"""The method's records: proposals, setup path, charter, objectives, stages, closing.

The models moved here from ``communities`` (issue 11) and kept their tables:
each ``Meta.db_table`` names the table they always had, so that no row moved
(migrations ``communities.0008`` and ``method.0001``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from maillage.communities.models import Community
from maillage.core.fields import MarkdownField
from maillage.core.models import TimeStampedModel
from maillage.core.numbers import format_amount, format_number, format_percent


def _in_language(row, field: str) -> str:
    """The English text when the page is in English and it exists, else French."""
    if (get_language() or "fr").startswith("en"):
        english = getattr(row, f"{field}_en")
        if english:
            return english
    return getattr(row, f"{field}_fr")


def _person(verbose_name):
    """Who did something; emptied if that person's row is ever deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class CommunityProposal(TimeStampedModel):
    """Someone's proposal to start a community on a territory, reviewed by staff."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_proposals",
        verbose_name=_("proposed by"),
    )
    role = models.CharField(
        _("your role"),
        max_length=120,
        help_text=_("For example: food-service manager of a daycare centre."),
    )
    organisation = models.CharField(_("your organisation"), max_length=200)
    name = models.CharField(
        _("proposed name"),
        max_length=150,
        help_text=_("A working name; it can change later."),
    )
    domain = models.CharField(
        _("domain"),
        max_length=200,
        help_text=_("The shared theme that would bring members together."),
    )
    regions = models.ManyToManyField(
        "territories.Region", related_name="+", verbose_name=_("regions")
    )
    needs = models.TextField(
        _("needs"),
        max_length=5000,
        help_text=_(
            "What the people of your territory struggle with, and what they "
            "would like to learn from each other."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = _person(_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_message = models.TextField(_("message"), blank=True, max_length=2000)
    community = models.ForeignKey(
        Community,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("community created"),
    )

    class Meta:
        db_table = "communities_communityproposal"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("community proposal")
        verbose_name_plural = _("community proposals")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("method:proposal_detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class SetupStepText(models.Model):
    """A step of the setup path, in French and English; shown in the page's language."""

    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_fr = models.CharField(_("title (French)"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=150, blank=True)
    advice_fr = MarkdownField(
        _("advice (French)"), help_text=_("Markdown formatting is allowed.")
    )
    advice_en = MarkdownField(
        _("advice (English)"),
        blank=True,
        help_text=_("Markdown formatting is allowed."),
    )
    deliverable_fr = models.TextField(_("what it produces (French)"), blank=True)
    deliverable_en = models.TextField(_("what it produces (English)"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return _in_language(self, "title")

    @property
    def advice(self) -> str:
        return _in_language(self, "advice")

    @property
    def deliverable(self) -> str:
        return _in_language(self, "deliverable")


class SetupStepTemplate(SetupStepText):
    """A step of the guide, edited by staff; copied into each new community."""

    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive steps are no longer given to new communities."),
    )

    class Meta:
        db_table = "communities_setupsteptemplate"
        ordering = ["position", "pk"]
        verbose_name = _("setup step (model)")
        verbose_name_plural = _("setup steps (models)")


class CommunitySetupStep(SetupStepText):
    """A community's own copy of a setup step, with its progress.

    Copied when the community is created, so later edits to the templates never
    change the path a community started with.
    """

    class Status(models.TextChoices):
        TODO = "todo", _("To do")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Skipped")

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="setup_steps",
        verbose_name=_("community"),
    )
    template = models.ForeignKey(
        SetupStepTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copied from"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.TODO
    )
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    skip_reason = models.TextField(_("why it is skipped"), blank=True, max_length=1000)
    changed_by = _person(_("changed by"))
    changed_at = models.DateTimeField(_("changed"), null=True, blank=True)

    class Meta:
        db_table = "communities_communitysetupstep"
        ordering = ["community", "position", "pk"]
        verbose_name = _("setup step")
        verbose_name_plural = _("setup steps")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="skipped") | ~models.Q(skip_reason=""),
                name="setup_step_skipped_has_reason",
                violation_error_message=_("Say why this step is skipped."),
            )
        ]

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.SKIPPED)


class Charter(TimeStampedModel):
    """The community's charter; each save is kept as a CharterRevision."""

    # The fields a revision keeps, in the order pages show them.
    FIELDS = (
        "mandate",
        "domain",
        "who_may_join",
        "rhythm",
        "meeting_formats",
        "rules_of_engagement",
        "lifespan",
        "review_date",
        "adopted_on",
    )

    community = models.OneToOneField(
        Community,
        on_delete=models.CASCADE,
        related_name="charter",
        verbose_name=_("community"),
    )
    mandate = models.TextField(
        _("mandate"),
        max_length=5000,
        help_text=_("What the community does, and what it does not do."),
    )
    domain = models.TextField(
        _("domain"),
        max_length=5000,
        help_text=_("The field of knowledge members share, and its questions."),
    )
    who_may_join = models.TextField(_("who may join"), blank=True, max_length=5000)
    rhythm = models.TextField(
        _("rhythm"),
        blank=True,
        max_length=5000,
        help_text=_("How often and how members meet."),
    )
    meeting_formats = models.TextField(
        _("meeting formats"),
        blank=True,
        max_length=5000,
        help_text=_(
            "For example: plenary, co-development group, knowledge café, field "
            "visit, webinar, workshop."
        ),
    )
    rules_of_engagement = models.TextField(
        _("rules of engagement"),
        blank=True,
        max_length=5000,
        help_text=_("The members' mutual commitment to learning from each other."),
    )
    lifespan = models.TextField(_("expected lifespan"), blank=True, max_length=2000)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    adopted_on = models.DateField(
        _("adopted on"),
        null=True,
        blank=True,
        help_text=_("The day the members adopted this charter."),
    )
    updated_by = _person(_("updated by"))

    class Meta:
        db_table = "communities_charter"
        verbose_name = _("charter")
        verbose_name_plural = _("charters")

    def __str__(self):
        return str(self.community)

    def values(self) -> dict:
        """The charter's content as a revision keeps it (dates as ISO text)."""
        values = {}
        for name in self.FIELDS:
            value = getattr(self, name)
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            values[name] = value or ""
        return values


class CharterRevision(models.Model):
    """One saved state of a charter: who saved it, when, and every field's value."""

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="charter_revisions",
        verbose_name=_("community"),
    )
    number = models.PositiveIntegerField(_("revision"))
    values = models.JSONField(_("content"), default=dict)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = _person(_("saved by"))
    created_at = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        db_table = "communities_charterrevision"
        ordering = ["community", "-number"]
        verbose_name = _("charter revision")
        verbose_name_plural = _("charter revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="charter_revision_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.community} — {self.number}"


class Objective(TimeStampedModel):
    """A measurable target the members set, with its status and progress."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        REACHED = "reached", _("Reached")
        ABANDONED = "abandoned", _("Abandoned")

    OPEN = (Status.PLANNED, Status.IN_PROGRESS)

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="objectives",
        verbose_name=_("community"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    indicator = models.CharField(
        _("indicator"),
        max_length=200,
        blank=True,
        help_text=_("What is measured, for example: share of Québec food bought."),
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example: %, $, meals.")
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    created_by = _person(_("created by"))

    class Meta:
        db_table = "communities_objective"
        ordering = ["community", "created_at", "pk"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("method:objective_detail", args=[self.community.slug, self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    # How far the latest measure goes (set by the page's read, see
    # ``selectors.objectives_of``); None until then.
    latest_value = None
    percent = None

    @property
    def unit_is_word(self) -> bool:
        """A unit with letters ("recettes", "kg") is written once, after the
        target, since it may need to agree; a symbol ("%", "$") follows each
        number."""
        return any(character.isalpha() for character in self.unit)

    def quantity(self, value) -> str:
        """``value`` as shown beside the objective: with its symbol ("22,5 %"),
        bare when the unit is a word (the target says it once)."""
        if value is None:
            return ""
        if self.unit_is_word or not self.unit:
            return format_number(value)
        return format_amount(value, self.unit)

    @property
    def baseline_label(self) -> str:
        return self.quantity(self.baseline)

    @property
    def target_label(self) -> str:
        """The target with its unit: "20 recettes", "35 %", "1 200 $"."""
        if self.target is None:
            return ""
        return format_amount(self.target, self.unit)

    @property
    def progress_label(self) -> str:
        """Where the latest measure stands: "13 sur 20 recettes (65 %)"."""
        if self.percent is None:
            return ""
        return _("%(value)s of %(target)s (%(percent)s)") % {
            "value": self.quantity(self.latest_value),
            "target": self.target_label,
            "percent": format_percent(self.percent),
        }

    @property
    def value_heading(self) -> str:
        """The heading of the measures' column: "Valeur (recettes)"."""
        if self.unit_is_word:
            return _("Value (%(unit)s)") % {"unit": self.unit}
        return _("Value")

    def percent_of(self, value) -> int | None:
        """How far ``value`` goes from the baseline to the target, 0 to 100, or None."""
        if self.target is None or value is None:
            return None
        start = self.baseline or 0
        if self.target == start:
            return 100 if value == start else 0
        share = (value - start) / (self.target - start) * 100
        return max(0, min(100, round(share)))


class ObjectiveProgress(models.Model):
    """A dated measure of an objective's indicator, with a comment."""

    objective = models.ForeignKey(
        Objective,
        on_delete=models.CASCADE,
        related_name="progress_updates",
        verbose_name=_("objective"),
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    measured_on = models.DateField(_("measured on"))
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    recorded_by = _person(_("recorded by"))
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        db_table = "communities_objectiveprogress"
        ordering = ["objective", "-measured_on", "-created_at", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        day = date_format(self.measured_on, "j F Y")
        return f"{day} · {format_number(self.value)}"

    @property
    def value_label(self) -> str:
        """The measure as its objective writes it ("22,5 %", or "13")."""
        return self.objective.quantity(self.value)


class StageChange(models.Model):
    """A move from one lifecycle stage to another, with its reason."""

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="stage_changes",
        verbose_name=_("community"),
    )
    from_stage = models.CharField(
        _("from"), max_length=16, choices=Community.Stage.choices
    )
    to_stage = models.CharField(_("to"), max_length=16, choices=Community.Stage.choices)
    reason = models.TextField(_("reason"), max_length=2000)
    changed_by = _person(_("changed by"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        db_table = "communities_stagechange"
        ordering = ["community", "-created_at", "-pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self):
        return f"{self.community}: {self.from_stage} → {self.to_stage}"


class Reorientation(models.Model):
    """The community turned to a new domain or new objectives; history is kept."""

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="reorientations",
        verbose_name=_("community"),
    )
    previous_domain = models.CharField(_("previous domain"), max_length=200)
    new_domain = models.CharField(_("new domain"), max_length=200)
    reason = models.TextField(_("reason"), max_length=5000)
    reoriented_by = _person(_("reoriented by"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        db_table = "communities_reorientation"
        ordering = ["community", "-created_at", "-pk"]
        verbose_name = _("reorientation")
        verbose_name_plural = _("reorientations")

    def __str__(self):
        return f"{self.community}: {self.new_domain}"


class Dissolution(models.Model):
    """A community's closing: its summary, and whether staff reopened it since."""

    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="dissolutions",
        verbose_name=_("community"),
    )
    achieved = models.TextField(_("what was achieved"), max_length=5000)
    learned = models.TextField(_("what was learned"), max_length=5000)
    dissolved_by = _person(_("dissolved by"))
    created_at = models.DateTimeField(_("dissolved"), default=timezone.now)
    reopened_at = models.DateTimeField(_("reopened"), null=True, blank=True)
    reopened_by = _person(_("reopened by"))
    reopen_reason = models.TextField(
        _("why it was reopened"), blank=True, max_length=2000
    )

    class Meta:
        db_table = "communities_dissolution"
        ordering = ["community", "-created_at", "-pk"]
        verbose_name = _("dissolution")
        verbose_name_plural = _("dissolutions")

    def __str__(self):
        return f"{self.community} — {self.created_at:%Y-%m-%d}"
