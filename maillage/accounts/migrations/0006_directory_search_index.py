from django.db import migrations

from maillage.core.substring_index import SubstringIndex


def drop_name_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS user_search_text")


class Migration(migrations.Migration):
    """Apart from 0005: PostgreSQL creates no index on a table that the same
    transaction has just updated (its foreign keys' pending checks)."""

    dependencies = [
        ("accounts", "0005_directory_search"),
    ]

    operations = [
        # One index for the directory's search, of both columns.
        SubstringIndex(
            "accounts_user",
            ["search_text", "organisation_search"],
            "user_directory_search",
            sqlite_leading=["listed", "is_active", "deleted_at"],
        ),
        migrations.RunPython(drop_name_index, migrations.RunPython.noop),
    ]
