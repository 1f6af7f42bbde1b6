from django.db import migrations, models
from django.db.models import Exists, OuterRef, Subquery


def fill(apps, schema_editor):
    """Copy each person's organisation name and current directory consent."""
    User = apps.get_model("accounts", "User")
    Consent = apps.get_model("accounts", "Consent")
    Organisation = apps.get_model("organisations", "Organisation")
    name = Organisation.objects.filter(pk=OuterRef("organisation_id")).values(
        "normalized_name"
    )[:1]
    User.objects.filter(organisation__isnull=False).update(
        organisation_search=Subquery(name)
    )
    consent = Consent.objects.filter(
        user=OuterRef("pk"), purpose="directory", withdrawn_at__isnull=True
    )
    User.objects.update(listed=Exists(consent))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_search_text_index"),
        ("organisations", "0003_organisation_name_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="listed",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="user",
            name="organisation_search",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
