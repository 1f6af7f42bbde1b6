"""Replies carry their thread's community (the activity page reads a community's
latest replies from one index). Existing replies get it from their thread; the
next migration makes it required (on PostgreSQL a table cannot be altered in
the transaction that updated its foreign keys)."""

import django.db.models.deletion
from django.db import migrations, models

BACKFILL = """
UPDATE conversations_reply
SET community_id = (
    SELECT conversations_thread.community_id
    FROM conversations_thread
    WHERE conversations_thread.id = conversations_reply.thread_id
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0006_membership_community_state_index"),
        ("conversations", "0003_thread_listing_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="reply",
            name="community",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="communities.community",
                verbose_name="community",
            ),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop, elidable=False),
    ]
