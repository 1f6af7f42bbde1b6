from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_member_names(apps, schema_editor):
    """Copy each member's name from their account (one UPDATE)."""
    Membership = apps.get_model("communities", "Membership")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    name = User.objects.filter(pk=OuterRef("user_id")).values("display_name")[:1]
    Membership.objects.update(member_name=Subquery(name))


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0009_community_member_count"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="member_name",
            field=models.CharField(blank=True, editable=False, max_length=120),
        ),
        migrations.RunPython(copy_member_names, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="membership",
            index=models.Index(
                fields=["community", "state", "member_name", "user"],
                name="membership_directory",
            ),
        ),
    ]
