from django.db import migrations

# Québec's 17 administrative regions and their official codes (frozen here so
# that the migration keeps its meaning whatever later code does).
REGIONS = [
    ("01", "Bas-Saint-Laurent", "Bas-Saint-Laurent"),
    ("02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"),
    ("03", "Capitale-Nationale", "Capitale-Nationale"),
    ("04", "Mauricie", "Mauricie"),
    ("05", "Estrie", "Estrie"),
    ("06", "Montréal", "Montréal"),
    ("07", "Outaouais", "Outaouais"),
    ("08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue"),
    ("09", "Côte-Nord", "Côte-Nord"),
    ("10", "Nord-du-Québec", "Nord-du-Québec"),
    ("11", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine"),
    ("12", "Chaudière-Appalaches", "Chaudière-Appalaches"),
    ("13", "Laval", "Laval"),
    ("14", "Lanaudière", "Lanaudière"),
    ("15", "Laurentides", "Laurentides"),
    ("16", "Montérégie", "Montérégie"),
    ("17", "Centre-du-Québec", "Centre-du-Québec"),
]


def load(apps, schema_editor):
    Region = apps.get_model("territories", "Region")
    for code, name_fr, name_en in REGIONS:
        Region.objects.update_or_create(
            code=code, defaults={"name_fr": name_fr, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("territories", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
