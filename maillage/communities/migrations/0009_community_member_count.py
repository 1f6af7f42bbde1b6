from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_members(apps, schema_editor):
    """Fill the stored count from the memberships there are."""
    Community = apps.get_model("communities", "Community")
    Membership = apps.get_model("communities", "Membership")
    count = (
        Membership.objects.filter(community=OuterRef("pk"), state="active")
        .order_by()
        .values("community")
        .annotate(total=Count("pk"))
        .values("total")
    )
    Community.objects.update(
        member_count=Coalesce(Subquery(count, output_field=models.IntegerField()), 0)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0008_move_method_models_out"),
    ]

    operations = [
        migrations.AddField(
            model_name="community",
            name="member_count",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="active members"
            ),
        ),
        migrations.RunPython(count_members, migrations.RunPython.noop),
    ]
