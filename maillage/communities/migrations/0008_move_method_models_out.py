"""The method's models leave this app's state for the ``method`` app (issue 11).

Nothing changes in the database: the tables keep their names (each model of the
method sets ``db_table`` to the name it had here) and their rows; the method's
``0001_initial`` takes them into its state, its ``0002`` moves their content
types.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0007_guest_expert_until"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="charterrevision",
                    name="community",
                ),
                migrations.RemoveField(
                    model_name="charterrevision",
                    name="created_by",
                ),
                migrations.RemoveField(
                    model_name="communityproposal",
                    name="community",
                ),
                migrations.RemoveField(
                    model_name="communityproposal",
                    name="decided_by",
                ),
                migrations.RemoveField(
                    model_name="communityproposal",
                    name="proposer",
                ),
                migrations.RemoveField(
                    model_name="communityproposal",
                    name="regions",
                ),
                migrations.RemoveField(
                    model_name="communitysetupstep",
                    name="changed_by",
                ),
                migrations.RemoveField(
                    model_name="communitysetupstep",
                    name="community",
                ),
                migrations.RemoveField(
                    model_name="communitysetupstep",
                    name="template",
                ),
                migrations.RemoveField(
                    model_name="dissolution",
                    name="community",
                ),
                migrations.RemoveField(
                    model_name="dissolution",
                    name="dissolved_by",
                ),
                migrations.RemoveField(
                    model_name="dissolution",
                    name="reopened_by",
                ),
                migrations.RemoveField(
                    model_name="objective",
                    name="community",
                ),
                migrations.RemoveField(
                    model_name="objective",
                    name="created_by",
                ),
                migrations.RemoveField(
                    model_name="objectiveprogress",
                    name="objective",
                ),
                migrations.RemoveField(
                    model_name="objectiveprogress",
                    name="recorded_by",
                ),
                migrations.RemoveField(
                    model_name="reorientation",
                    name="community",
                ),
                migrations.RemoveField(
                    model_name="reorientation",
                    name="reoriented_by",
                ),
                migrations.RemoveField(
                    model_name="stagechange",
                    name="changed_by",
                ),
                migrations.RemoveField(
                    model_name="stagechange",
                    name="community",
                ),
                migrations.DeleteModel(
                    name="Charter",
                ),
                migrations.DeleteModel(
                    name="CharterRevision",
                ),
                migrations.DeleteModel(
                    name="CommunityProposal",
                ),
                migrations.DeleteModel(
                    name="CommunitySetupStep",
                ),
                migrations.DeleteModel(
                    name="SetupStepTemplate",
                ),
                migrations.DeleteModel(
                    name="Dissolution",
                ),
                migrations.DeleteModel(
                    name="Objective",
                ),
                migrations.DeleteModel(
                    name="ObjectiveProgress",
                ),
                migrations.DeleteModel(
                    name="Reorientation",
                ),
                migrations.DeleteModel(
                    name="StageChange",
                ),
            ],
            database_operations=[],
        )
    ]
