"""The method's models, taken over from ``communities`` with their tables.

State only: the tables were created by ``communities`` (its migration 0004,
which still creates them on a new database; 0005 wrote the guide's steps) and
keep their names and rows. ``communities`` 0008 removed the models from that
app's state first.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("communities", "0008_move_method_models_out"),
        ("territories", "0002_load_regions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SetupStepTemplate",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="position"
                            ),
                        ),
                        (
                            "title_fr",
                            models.CharField(
                                max_length=150, verbose_name="title (French)"
                            ),
                        ),
                        (
                            "title_en",
                            models.CharField(
                                blank=True,
                                max_length=150,
                                verbose_name="title (English)",
                            ),
                        ),
                        (
                            "advice_fr",
                            models.TextField(
                                help_text="Markdown formatting is allowed.",
                                verbose_name="advice (French)",
                            ),
                        ),
                        (
                            "advice_en",
                            models.TextField(
                                blank=True,
                                help_text="Markdown formatting is allowed.",
                                verbose_name="advice (English)",
                            ),
                        ),
                        (
                            "deliverable_fr",
                            models.TextField(
                                blank=True, verbose_name="what it produces (French)"
                            ),
                        ),
                        (
                            "deliverable_en",
                            models.TextField(
                                blank=True, verbose_name="what it produces (English)"
                            ),
                        ),
                        (
                            "is_active",
                            models.BooleanField(
                                default=True,
                                help_text="Inactive steps are no longer given to new communities.",
                                verbose_name="active",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "setup step (model)",
                        "verbose_name_plural": "setup steps (models)",
                        "db_table": "communities_setupsteptemplate",
                        "ordering": ["position", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Charter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="created"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated"),
                        ),
                        (
                            "mandate",
                            models.TextField(
                                help_text="What the community does, and what it does not do.",
                                max_length=5000,
                                verbose_name="mandate",
                            ),
                        ),
                        (
                            "domain",
                            models.TextField(
                                help_text="The field of knowledge members share, and its questions.",
                                max_length=5000,
                                verbose_name="domain",
                            ),
                        ),
                        (
                            "who_may_join",
                            models.TextField(
                                blank=True, max_length=5000, verbose_name="who may join"
                            ),
                        ),
                        (
                            "rhythm",
                            models.TextField(
                                blank=True,
                                help_text="How often and how members meet.",
                                max_length=5000,
                                verbose_name="rhythm",
                            ),
                        ),
                        (
                            "meeting_formats",
                            models.TextField(
                                blank=True,
                                help_text="For example: plenary, co-development group, knowledge café, field visit, webinar, workshop.",
                                max_length=5000,
                                verbose_name="meeting formats",
                            ),
                        ),
                        (
                            "rules_of_engagement",
                            models.TextField(
                                blank=True,
                                help_text="The members' mutual commitment to learning from each other.",
                                max_length=5000,
                                verbose_name="rules of engagement",
                            ),
                        ),
                        (
                            "lifespan",
                            models.TextField(
                                blank=True,
                                max_length=2000,
                                verbose_name="expected lifespan",
                            ),
                        ),
                        (
                            "review_date",
                            models.DateField(
                                blank=True, null=True, verbose_name="review date"
                            ),
                        ),
                        (
                            "adopted_on",
                            models.DateField(
                                blank=True,
                                help_text="The day the members adopted this charter.",
                                null=True,
                                verbose_name="adopted on",
                            ),
                        ),
                        (
                            "community",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="charter",
                                to="communities.community",
                                verbose_name="community",
                            ),
                        ),
                        (
                            "updated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="updated by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "charter",
                        "verbose_name_plural": "charters",
                        "db_table": "communities_charter",
                    },
                ),
                migrations.CreateModel(
                    name="CommunityProposal",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="created"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated"),
                        ),
                        (
                            "role",
                            models.CharField(
                                help_text="For example: food-service manager of a daycare centre.",
                                max_length=120,
                                verbose_name="your role",
                            ),
                        ),
                        (
                            "organisation",
                            models.CharField(
                                max_length=200, verbose_name="your organisation"
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                help_text="A working name; it can change later.",
                                max_length=150,
                                verbose_name="proposed name",
                            ),
                        ),
                        (
                            "domain",
                            models.CharField(
                                help_text="The shared theme that would bring members together.",
                                max_length=200,
                                verbose_name="domain",
                            ),
                        ),
                        (
                            "needs",
                            models.TextField(
                                help_text="What the people of your territory struggle with, and what they would like to learn from each other.",
                                max_length=5000,
                                verbose_name="needs",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting for review"),
                                    ("accepted", "Accepted"),
                                    ("declined", "Declined"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "decided_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="decided"
                            ),
                        ),
                        (
                            "decision_message",
                            models.TextField(
                                blank=True, max_length=2000, verbose_name="message"
                            ),
                        ),
                        (
                            "community",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="proposals",
                                to="communities.community",
                                verbose_name="community created",
                            ),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="decided by",
                            ),
                        ),
                        (
                            "proposer",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="community_proposals",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="proposed by",
                            ),
                        ),
                        (
                            "regions",
                            models.ManyToManyField(
                                related_name="+",
                                to="territories.region",
                                verbose_name="regions",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "community proposal",
                        "verbose_name_plural": "community proposals",
                        "db_table": "communities_communityproposal",
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Dissolution",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "achieved",
                            models.TextField(
                                max_length=5000, verbose_name="what was achieved"
                            ),
                        ),
                        (
                            "learned",
                            models.TextField(
                                max_length=5000, verbose_name="what was learned"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="dissolved",
                            ),
                        ),
                        (
                            "reopened_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="reopened"
                            ),
                        ),
                        (
                            "reopen_reason",
                            models.TextField(
                                blank=True,
                                max_length=2000,
                                verbose_name="why it was reopened",
                            ),
                        ),
                        (
                            "community",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="dissolutions",
                                to="communities.community",
                                verbose_name="community",
                            ),
                        ),
                        (
                            "dissolved_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="dissolved by",
                            ),
                        ),
                        (
                            "reopened_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="reopened by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "dissolution",
                        "verbose_name_plural": "dissolutions",
                        "db_table": "communities_dissolution",
                        "ordering": ["community", "-created_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Objective",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="created"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated"),
                        ),
                        (
                            "title",
                            models.CharField(max_length=200, verbose_name="title"),
                        ),
                        (
                            "description",
                            models.TextField(
                                blank=True, max_length=5000, verbose_name="description"
                            ),
                        ),
                        (
                            "indicator",
                            models.CharField(
                                blank=True,
                                help_text="What is measured, for example: share of Québec food bought.",
                                max_length=200,
                                verbose_name="indicator",
                            ),
                        ),
                        (
                            "baseline",
                            models.DecimalField(
                                blank=True,
                                decimal_places=2,
                                max_digits=12,
                                null=True,
                                verbose_name="baseline",
                            ),
                        ),
                        (
                            "target",
                            models.DecimalField(
                                blank=True,
                                decimal_places=2,
                                max_digits=12,
                                null=True,
                                verbose_name="target",
                            ),
                        ),
                        (
                            "unit",
                            models.CharField(
                                blank=True,
                                help_text="For example: %, $, meals.",
                                max_length=40,
                                verbose_name="unit",
                            ),
                        ),
                        (
                            "due_date",
                            models.DateField(
                                blank=True, null=True, verbose_name="due date"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("reached", "Reached"),
                                    ("abandoned", "Abandoned"),
                                ],
                                default="planned",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "community",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="objectives",
                                to="communities.community",
                                verbose_name="community",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="created by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "objective",
                        "verbose_name_plural": "objectives",
                        "db_table": "communities_objective",
                        "ordering": ["community", "created_at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="ObjectiveProgress",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "value",
                            models.DecimalField(
                                decimal_places=2, max_digits=12, verbose_name="value"
                            ),
                        ),
                        ("measured_on", models.DateField(verbose_name="measured on")),
                        (
                            "comment",
                            models.TextField(
                                blank=True, max_length=2000, verbose_name="comment"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="recorded",
                            ),
                        ),
                        (
                            "objective",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="progress_updates",
                                to="method.objective",
                                verbose_name="objective",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recorded by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "progress update",
                        "verbose_name_plural": "progress updates",
                        "db_table": "communities_objectiveprogress",
                        "ordering": ["objective", "-measured_on", "-created_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Reorientation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "previous_domain",
                            models.CharField(
                                max_length=200, verbose_name="previous domain"
                            ),
                        ),
                        (
                            "new_domain",
                            models.CharField(max_length=200, verbose_name="new domain"),
                        ),
                        (
                            "reason",
                            models.TextField(max_length=5000, verbose_name="reason"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="date"
                            ),
                        ),
                        (
                            "community",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reorientations",
                                to="communities.community",
                                verbose_name="community",
                            ),
                        ),
                        (
                            "reoriented_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="reoriented by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "reorientation",
                        "verbose_name_plural": "reorientations",
                        "db_table": "communities_reorientation",
                        "ordering": ["community", "-created_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="StageChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "from_stage",
                            models.CharField(
                                choices=[
                                    ("potential", "Potential"),
                                    ("coalescing", "Coalescing"),
                                    ("maturing", "Maturing"),
                                    ("stewardship", "Stewardship"),
                                    ("transformation", "Transformation"),
                                ],
                                max_length=16,
                                verbose_name="from",
                            ),
                        ),
                        (
                            "to_stage",
                            models.CharField(
                                choices=[
                                    ("potential", "Potential"),
                                    ("coalescing", "Coalescing"),
                                    ("maturing", "Maturing"),
                                    ("stewardship", "Stewardship"),
                                    ("transformation", "Transformation"),
                                ],
                                max_length=16,
                                verbose_name="to",
                            ),
                        ),
                        (
                            "reason",
                            models.TextField(max_length=2000, verbose_name="reason"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="date"
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="changed by",
                            ),
                        ),
                        (
                            "community",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="stage_changes",
                                to="communities.community",
                                verbose_name="community",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "stage change",
                        "verbose_name_plural": "stage changes",
                        "db_table": "communities_stagechange",
                        "ordering": ["community", "-created_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="CharterRevision",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "number",
                            models.PositiveIntegerField(verbose_name="revision"),
                        ),
                        (
                            "values",
                            models.JSONField(default=dict, verbose_name="content"),
                        ),
                        (
                            "note",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="what changed"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="saved"
                            ),
                        ),
                        (
                            "community",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="charter_revisions",
                                to="communities.community",
                                verbose_name="community",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="saved by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "charter revision",
                        "verbose_name_plural": "charter revisions",
                        "db_table": "communities_charterrevision",
                        "ordering": ["community", "-number"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("community", "number"),
                                name="charter_revision_unique_number",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="CommunitySetupStep",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="position"
                            ),
                        ),
                        (
                            "title_fr",
                            models.CharField(
                                max_length=150, verbose_name="title (French)"
                            ),
                        ),
                        (
                            "title_en",
                            models.CharField(
                                blank=True,
                                max_length=150,
                                verbose_name="title (English)",
                            ),
                        ),
                        (
                            "advice_fr",
                            models.TextField(
                                help_text="Markdown formatting is allowed.",
                                verbose_name="advice (French)",
                            ),
                        ),
                        (
                            "advice_en",
                            models.TextField(
                                blank=True,
                                help_text="Markdown formatting is allowed.",
                                verbose_name="advice (English)",
                            ),
                        ),
                        (
                            "deliverable_fr",
                            models.TextField(
                                blank=True, verbose_name="what it produces (French)"
                            ),
                        ),
                        (
                            "deliverable_en",
                            models.TextField(
                                blank=True, verbose_name="what it produces (English)"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("todo", "To do"),
                                    ("in_progress", "In progress"),
                                    ("done", "Done"),
                                    ("skipped", "Skipped"),
                                ],
                                default="todo",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "notes",
                            models.TextField(
                                blank=True, max_length=5000, verbose_name="notes"
                            ),
                        ),
                        (
                            "skip_reason",
                            models.TextField(
                                blank=True,
                                max_length=1000,
                                verbose_name="why it is skipped",
                            ),
                        ),
                        (
                            "changed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="changed"
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="changed by",
                            ),
                        ),
                        (
                            "community",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="setup_steps",
                                to="communities.community",
                                verbose_name="community",
                            ),
                        ),
                        (
                            "template",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="method.setupsteptemplate",
                                verbose_name="copied from",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "setup step",
                        "verbose_name_plural": "setup steps",
                        "db_table": "communities_communitysetupstep",
                        "ordering": ["community", "position", "pk"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("status", "skipped"), _negated=True),
                                    models.Q(("skip_reason", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="setup_step_skipped_has_reason",
                                violation_error_message="Say why this step is skipped.",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        )
    ]
