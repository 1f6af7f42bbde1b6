"""The moved models' content types now name the ``method`` app.

Permissions given to people and groups, and the admin's history of changes,
point at a content type by its id: renaming its app keeps them all. On a new
database there is no content type yet (they are made after the migrations) and
nothing is done.
"""

from django.db import migrations

MODELS = [
    "communityproposal",
    "setupsteptemplate",
    "communitysetupstep",
    "charter",
    "charterrevision",
    "objective",
    "objectiveprogress",
    "stagechange",
    "reorientation",
    "dissolution",
]


def _move(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        # A content type made for the target meanwhile (a run of ``migrate``
        # stopped between the two apps' migrations) holds nothing yet: the old
        # one carries the permissions and the history.
        ContentType.objects.filter(app_label=target, model=model).delete()
        old.app_label = target
        old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    _move(apps, "communities", "method")


def backwards(apps, schema_editor):
    _move(apps, "method", "communities")


class Migration(migrations.Migration):
    dependencies = [
        ("method", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
