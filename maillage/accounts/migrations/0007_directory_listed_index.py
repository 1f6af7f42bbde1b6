from django.db import migrations

# On SQLite, the directory's index holds only the listed people (a third of
# them in the bench), in the directory's order (name, then id), with the
# columns that the search reads: a page of the directory, searched or not,
# reads that index in order and stops at its 50th match, and the count scans
# it without the table (docs/performance.md). PostgreSQL keeps its trigram
# index of 0006.
LISTED = (
    "CREATE INDEX user_directory_search ON accounts_user (display_name, id, "
    "listed, is_active, deleted_at, search_text, organisation_search) WHERE listed"
)
UNLISTED = (
    "CREATE INDEX user_directory_search ON accounts_user (listed, is_active, "
    "deleted_at, search_text, organisation_search)"
)


def _replace(sql):
    def replace(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        schema_editor.execute("DROP INDEX IF EXISTS user_directory_search")
        schema_editor.execute(sql)

    return replace


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_directory_search_index"),
    ]

    operations = [
        migrations.RunPython(_replace(LISTED), _replace(UNLISTED), elidable=False),
    ]
