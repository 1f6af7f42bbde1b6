from django.db import migrations

from maillage.core.substring_index import SubstringIndex


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_search_text"),
    ]

    operations = [
        SubstringIndex("accounts_user", "search_text", "user_search_text"),
    ]
