from django.db import migrations


class Migration(migrations.Migration):
    """The threads of a tag, read from an index alone and in order: the thread
    list's tag filter asks, for each tag, whether one thread of the community
    has it, and stops at the first (docs/performance.md). Django declares no
    index on the table of a ManyToManyField, hence plain SQL (the same on both
    engines)."""

    dependencies = [
        ("conversations", "0007_thread_community_counts"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX thread_tags_by_tag "
            "ON conversations_thread_tags (tag_id, thread_id)",
            "DROP INDEX thread_tags_by_tag",
        ),
    ]
