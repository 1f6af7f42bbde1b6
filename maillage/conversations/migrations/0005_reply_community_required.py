"""Every reply has its community now: required, and indexed for the activity page."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0004_reply_community"),
    ]

    operations = [
        migrations.AlterField(
            model_name="reply",
            name="community",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="communities.community",
                verbose_name="community",
            ),
        ),
        migrations.AddIndex(
            model_name="reply",
            index=models.Index(
                fields=["community", "-created_at", "-id"],
                name="reply_community_latest",
            ),
        ),
        migrations.AddIndex(
            model_name="thread",
            index=models.Index(
                fields=["community", "-created_at", "-id"],
                name="thread_community_latest",
            ),
        ),
    ]
