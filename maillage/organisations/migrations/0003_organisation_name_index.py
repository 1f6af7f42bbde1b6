from django.db import migrations

from maillage.core.substring_index import SubstringIndex


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_load_sectors"),
    ]

    operations = [
        SubstringIndex(
            "organisations_organisation", "normalized_name", "organisation_name_search"
        ),
    ]
